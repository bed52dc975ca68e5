import type { TestServer } from './test-server.ts';

/** Small `createX(server, overrides)` factories over the management API; each asserts its own 201. */
async function post(server: TestServer, path: string, body: unknown) {
  const res = await server.api(path, { body });
  if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export const createProduct = (server: TestServer, overrides: Record<string, unknown> = {}) =>
  post(server, '/v1/products', {
    name: 'Guide',
    prices: [{ amount_type: 'fixed', price_amount: 2500, price_currency: 'usd' }],
    ...overrides,
  });

export const createPwywProduct = (server: TestServer, overrides: Record<string, unknown> = {}) =>
  createProduct(server, {
    name: 'Tip jar',
    prices: [
      {
        amount_type: 'custom',
        minimum_amount: 500,
        maximum_amount: 50_000,
        preset_amount: 1000,
        price_currency: 'usd',
      },
    ],
    ...overrides,
  });

export const createSubscriptionProduct = (server: TestServer, overrides: Record<string, unknown> = {}) =>
  createProduct(server, {
    name: 'Membership',
    recurring_interval: 'month',
    prices: [{ amount_type: 'fixed', price_amount: 900, price_currency: 'usd' }],
    ...overrides,
  });

export const createCustomField = (server: TestServer, overrides: Record<string, unknown> = {}) =>
  post(server, '/v1/custom-fields', { type: 'text', slug: 'company', name: 'Company', ...overrides });

export const createDiscount = (server: TestServer, overrides: Record<string, unknown> = {}) =>
  post(server, '/v1/discounts', {
    name: 'Launch',
    code: 'LAUNCH20',
    ...(overrides.type === 'fixed' ? {} : { type: 'percentage', basis_points: 2000 }),
    ...overrides,
  });

export const createLink = (server: TestServer, products: string[], overrides: Record<string, unknown> = {}) =>
  post(server, '/v1/checkout-links', { label: 'Test link', products, ...overrides });

/** Follows a link's redirect (one hop) and answers the session's client secret and the redirect target. */
export async function openLink(linkUrl: string, query: Record<string, string> = {}) {
  const url = new URL(linkUrl);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await fetch(url, { redirect: 'manual' });
  if (res.status !== 307) throw new Error(`redirect answered ${res.status}: ${await res.text()}`);
  const location = new URL(res.headers.get('location')!);
  const secret = location.pathname.split('/').pop()!;
  return { secret, location };
}

/** The session as the customer sees it. */
export async function getSession(server: TestServer, secret: string) {
  return server.api(`/v1/checkouts/client/${secret}`, { token: null });
}

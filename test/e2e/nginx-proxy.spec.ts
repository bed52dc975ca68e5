import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config.ts';
import { nginxInstalled, type ProxiedServer, startBehindNginx } from './nginx-proxy.ts';

// Debian's nginx in front of the real server, with the README's configuration (npm test installs it as root).
test.skip(!nginxInstalled(), 'nginx is not installed: apt-get install nginx');
test.describe.configure({ mode: 'serial' });

const RATE_LIMIT = 3;
let proxied: ProxiedServer;
test.beforeAll(async () => {
  proxied = await startBehindNginx(E2E_PORT + 2, E2E_PORT + 3, { RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) });
});
test.afterAll(() => proxied?.stop());

/** A raw request to nginx from a given loopback address (a customer of its own), undecoded. */
const fromClient = (
  localAddress: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = httpRequest(
        `${proxied.url}${path}`,
        { method: init.method ?? 'GET', headers: init.headers, localAddress },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        },
      );
      req.on('error', reject);
      req.end(init.body);
    },
  );

const managementApi = async (path: string, body?: unknown) => {
  const res = await fetch(`${proxied.url}/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${proxied.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res.json();
};

test('a purchase through nginx: the setup token, a link, the hosted checkout, the order', async ({ page }) => {
  const product = await managementApi('/products', {
    name: 'Proxy poster',
    prices: [{ amount_type: 'fixed', price_amount: 1500, price_currency: 'usd' }],
  });
  const link = await managementApi('/checkout-links', { label: 'Through nginx', products: [product.id] });
  expect(link.url.startsWith(`${proxied.url}/v1/checkout-links/`)).toBe(true);

  await page.goto(`${link.url}?customer_email=proxy@example.com`);
  await expect(page).toHaveURL(new RegExp(`^${proxied.url}/checkout/`));
  await page.getByLabel('Card number').fill('4242424242424242');
  await page.getByRole('button', { name: /^Pay/ }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  const orders = await managementApi(`/orders`);
  expect(orders.items).toEqual([
    expect.objectContaining({ customer_email: 'proxy@example.com', total_amount: 1500, status: 'paid' }),
  ]);
});

test('the widget rate limit counts each client behind nginx, not nginx, and a forged X-Forwarded-For changes nothing', async () => {
  const product = await managementApi('/products', { name: 'Limited', prices: [{ amount_type: 'free' }] });
  const link = await managementApi('/checkout-links', { label: 'Rate limited', products: [product.id] });
  const sessions = `/v1/checkout-links/${link.client_secret}/sessions`;
  const post = (client: string, forged?: string) =>
    fromClient(client, sessions, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(forged ? { 'x-forwarded-for': forged } : {}) },
      body: '{}',
    });
  // Within one minute window (the limit's); a window change mid-way restarts the count, so try again.
  for (;;) {
    const window = Math.floor(Date.now() / 60_000);
    const first: number[] = [];
    for (let i = 0; i < RATE_LIMIT; i++) first.push((await post('127.0.0.2', `203.0.113.${i}`)).status);
    const over = await post('127.0.0.2');
    const other = await post('127.0.0.3');
    if (Math.floor(Date.now() / 60_000) !== window) continue;
    expect(first).toEqual(Array(RATE_LIMIT).fill(201));
    expect(over.status).toBe(429);
    expect(other.status, 'another customer has a budget of its own').toBe(201);
    // nginx's $request_id reached the server and came back.
    expect(other.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    break;
  }
});

test('compressed assets through nginx: brotli embed.js with its ETag and 304, immutable hashed page files', async () => {
  const embed = await fromClient('127.0.0.1', '/embed.js', { headers: { 'accept-encoding': 'gzip, br' } });
  expect(embed.status).toBe(200);
  expect(embed.headers['content-encoding']).toBe('br');
  expect(embed.headers['cache-control']).toMatch(/^public, max-age=300\b/);
  const etag = String(embed.headers.etag);
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{10}-br"$/);
  const again = await fromClient('127.0.0.1', '/embed.js', {
    headers: { 'accept-encoding': 'gzip, br', 'if-none-match': etag },
  });
  expect(again.status).toBe(304);
  const gzip = await fromClient('127.0.0.1', '/embed.js', { headers: { 'accept-encoding': 'gzip' } });
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(gzip.body.length).toBeLessThan(2500);

  const html = (await fromClient('127.0.0.1', '/dashboard')).body.toString();
  const script = /src="(\/pages\/dashboard\.[A-Za-z0-9_-]{10}\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const page = await fromClient('127.0.0.1', script!, { headers: { 'accept-encoding': 'br' } });
  expect(page.headers['content-encoding']).toBe('br');
  expect(page.headers['cache-control']).toBe('public, max-age=31536000, immutable');
});

import { delay, HttpResponse, http, type JsonBodyType } from 'msw';
import { prefillFromJson, prefillFromQuery } from '../src/shared/prefill-input.ts';
import { PAGE_FIELDS, PREFILL_FIELDS, UTM_FIELDS } from '../src/shared/prefill-params.ts';
import { type CheckoutPublic, checkoutConfirm, checkoutUpdate, type Product } from '../src/shared/schemas/index.ts';
import { createCheckout, errorBody, toSessionCreated } from './data.ts';

/**
 * MSW handlers of the backend's public endpoints: a link's sessions and
 * redirect, and a session's read, edit and confirm. The `ok` handlers keep
 * sessions in memory so a test can create, read, edit and pay one; the
 * named scenarios replace them with `worker.use(...scenarios.expired())`
 * (reset after each test with `worker.resetHandlers()`).
 *
 * Paths start with `*` so they match whatever origin the link URL has.
 */

const LINKS = '*/v1/checkout-links/:secret';
const CLIENT = '*/v1/checkouts/client/:secret';
/** Names the server takes in a session's JSON body (from the module the server's schema uses). */
const KNOWN = new Set<string>([...PREFILL_FIELDS, ...UTM_FIELDS, ...PAGE_FIELDS, 'custom_field_data', 'embed_origin']);
const DECLINED_CARD = '4000000000000002';

export interface MockOptions {
  /**
   * The hosted page URL of a session; by default `/checkout/{secret}` on the
   * request's origin, as the real server answers. Browser tests point it at a
   * fake checkout page that posts the embed messages.
   */
  checkoutPageUrl?: (clientSecret: string, request: Request) => string;
  /** Origins allowed to frame the checkout; any origin when absent. */
  embedOrigins?: string[];
  /**
   * The link's products (the no-backend demo's catalogue): a session opens on
   * the one its `product_id` names (else the first), with a prefilled `amount`
   * on a pay-what-you-want price. By default each session gets a fresh e-book.
   */
  products?: Product[];
}

const CORS = { 'access-control-allow-origin': '*' };
const json = (body: JsonBodyType, status = 200) => HttpResponse.json(body, { status, headers: CORS });

/** The `ok` scenario: a working backend. */
export function createHandlers(options: MockOptions = {}) {
  const sessions = new Map<string, CheckoutPublic>();
  const pageUrl = (request: Request) => (clientSecret: string) =>
    options.checkoutPageUrl?.(clientSecret, request) ?? `${new URL(request.url).origin}/checkout/${clientSecret}`;

  const open = (raw: Record<string, unknown>, request: Request) => {
    const dropped: { field: string; reason: string }[] = [];
    for (const key of Object.keys(raw))
      if (!KNOWN.has(key)) dropped.push({ field: key, reason: 'is not a prefill parameter' });
    const embedOrigin = typeof raw.embed_origin === 'string' ? raw.embed_origin : null;
    const allowed = embedOrigin && (!options.embedOrigins || options.embedOrigins.includes(embedOrigin));
    if (embedOrigin && !allowed)
      dropped.push({
        field: 'embed_origin',
        reason: "is not in the organization's embed_origins, so the checkout cannot be framed there",
      });
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
    const { products } = options;
    const product = products && (products.find((p) => p.id === raw.product_id) ?? products[0]);
    if (product && raw.product_id !== undefined && product.id !== raw.product_id)
      dropped.push({ field: 'product_id', reason: 'is not one of the products of this checkout link' });
    const price = product?.prices[0];
    const amount = Number(raw.amount);
    const custom =
      price?.amount_type === 'custom' &&
      Number.isInteger(amount) &&
      amount >= price.minimum_amount &&
      amount <= (price.maximum_amount ?? amount);
    if (price && raw.amount !== undefined && !custom)
      dropped.push({ field: 'amount', reason: 'is not an amount this price accepts' });
    const checkout = createCheckout(
      pageUrl(request),
      {
        customer_email: text(raw.customer_email),
        customer_name: text(raw.customer_name),
        embed_origin: allowed ? embedOrigin : null,
        prefill_dropped: dropped,
        ...(products && { products }),
        ...(custom && { amount, total_amount: amount }),
      },
      product,
    );
    sessions.set(checkout.client_secret, checkout);
    return checkout;
  };
  const find = (secret: string) => sessions.get(secret);
  const notFound = () => json(errorBody('not_found', 'Checkout not found'), 404);

  return [
    http.post(`${LINKS}/sessions`, async ({ request }) => {
      const raw = await request.json().catch(() => null);
      if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        return json(errorBody('validation_error', 'body: Invalid input', ['body']), 422);
      return json(toSessionCreated(open(prefillFromJson(raw as Record<string, unknown>), request)), 201);
    }),
    http.get(`${LINKS}/redirect`, ({ request }) => {
      const query = prefillFromQuery(new URL(request.url).searchParams);
      return new HttpResponse(null, { status: 307, headers: { location: open(query, request).url } });
    }),
    http.get(CLIENT, ({ params }) => {
      const checkout = find(params.secret as string);
      return checkout ? json(checkout) : notFound();
    }),
    http.patch(CLIENT, async ({ params, request }) => {
      const checkout = find(params.secret as string);
      if (!checkout) return notFound();
      const parsed = checkoutUpdate.safeParse(await request.json().catch(() => ({})));
      if (!parsed.success)
        return json(
          errorBody('validation_error', parsed.error.issues[0].message, [
            'body',
            ...parsed.error.issues[0].path.map(String),
          ]),
          422,
        );
      Object.assign(checkout, parsed.data);
      return json(checkout);
    }),
    http.post(`${CLIENT}/confirm`, async ({ params, request }) => {
      const checkout = find(params.secret as string);
      if (!checkout) return notFound();
      const parsed = checkoutConfirm.safeParse(await request.json().catch(() => ({})));
      if (!parsed.success)
        return json(
          errorBody('validation_error', parsed.error.issues[0].message, [
            'body',
            ...parsed.error.issues[0].path.map(String),
          ]),
          422,
        );
      const { card_number, ...edits } = parsed.data;
      if (checkout.total_amount > 0 && !card_number)
        return json(errorBody('validation_error', 'Some fields need attention.', ['card_number']), 422);
      if (card_number === DECLINED_CARD)
        return json(errorBody('card_declined', 'The card was declined.', ['card_number']), 402);
      Object.assign(checkout, edits, {
        status: 'succeeded',
        order_id: crypto.randomUUID(),
        subscription_id: checkout.product.is_recurring ? crypto.randomUUID() : null,
      });
      return json(checkout);
    }),
  ];
}

/** The default handlers (`ok` scenario), for `setupWorker(...handlers)` / `setupServer(...handlers)`. */
export const handlers = createHandlers();

const linkError = (status: number, body: JsonBodyType) => [
  http.post(`${LINKS}/sessions`, () => json(body, status)),
  http.get(
    `${LINKS}/redirect`,
    () => new HttpResponse('<h1>Checkout unavailable</h1>', { status, headers: { 'content-type': 'text/html' } }),
  ),
];
const everyEndpoint = (resolver: () => Response | Promise<Response>) => [
  http.post(`${LINKS}/sessions`, resolver),
  http.get(`${LINKS}/redirect`, resolver),
  http.get(CLIENT, resolver),
  http.patch(CLIENT, resolver),
  http.post(`${CLIENT}/confirm`, resolver),
];

/**
 * Named scenarios, each a list of handlers to pass to `use()`:
 * - `ok`: a working backend (options as `createHandlers`);
 * - `linkNotFound`: the link does not exist or was deleted (404 `link_not_found`);
 * - `expired`: the link no longer serves (410 `link_unavailable`); sessions read as `expired` and refuse changes (410 `checkout_expired`);
 * - `serverError`: every endpoint answers 500 `internal_error`;
 * - `networkError`: every request fails at the network level (as CORS or a dead server does);
 * - `slow`: the `ok` backend answering after `ms` (default 3 s).
 */
export const scenarios = {
  ok: (options?: MockOptions) => createHandlers(options),
  linkNotFound: () => linkError(404, errorBody('link_not_found', 'This checkout link does not exist or was deleted.')),
  expired: () => [
    ...linkError(
      410,
      errorBody('link_unavailable', 'None of the products of this checkout link is available any more.'),
    ),
    // Reading an expired session works (the page shows its expired state); changing it does not.
    http.get(CLIENT, ({ request }) =>
      json(createCheckout((s) => `${new URL(request.url).origin}/checkout/${s}`, { status: 'expired' })),
    ),
    ...[http.patch, http.post].map((method) =>
      method(`${CLIENT}${method === http.post ? '/confirm' : ''}`, () =>
        json(
          errorBody('checkout_expired', 'This checkout session has expired. Start again from the checkout link.'),
          410,
        ),
      ),
    ),
  ],
  serverError: () =>
    everyEndpoint(() =>
      json({ error: 'internal_error', message: 'Something went wrong on our side.', detail: [] }, 500),
    ),
  networkError: () => everyEndpoint(() => HttpResponse.error()),
  slow: (ms = 3_000, options?: MockOptions) => [
    // A resolver that returns nothing falls through to the next handler: the `ok` ones, late.
    http.all('*/v1/*', async () => {
      await delay(ms);
    }),
    ...createHandlers(options),
  ],
} as const;

export type ScenarioName = keyof typeof scenarios;

import { delay, HttpResponse, http, type JsonBodyType } from 'msw';
import {
  type DomainError,
  expiredCheckout,
  LinkUnavailableError,
  linkNotFound,
  missingToken,
  notFound,
} from '../server/core/errors.ts';
import { UNAVAILABLE_SENTENCES } from '../server/core/link-availability.ts';
import { buildLinkStats, statsRange } from '../server/core/link-stats.ts';
import { cardWords, widgetErrorCard, widgetLocale } from '../server/http/card-words.ts';
import { type ErrorReply, errorResponse, type JsonRequest, parseWith, readJson } from '../server/http/errors.ts';
import { prefillFromJson, prefillFromQuery } from '../src/shared/prefill-input.ts';
import {
  checkoutConfirm,
  checkoutUpdate,
  id as idSchema,
  type LinkUnavailableReason,
  linkStats,
  linkStatsQuery,
  sessionPrefill,
} from '../src/shared/schemas/index.ts';
import { createCheckout, ORGANIZATION, toSessionCreated } from './data.ts';
import { createManagementHandlers } from './management.ts';
import { createSessionStore, type SessionRules } from './sessions.ts';

/**
 * MSW handlers of the backend's public endpoints: a link's sessions and
 * redirect, and a session's read, edit and confirm, the link's stats; with the dashboard's
 * Settings routes (access tokens, webhooks: mock-server/management.ts).
 * The `ok` handlers keep sessions in memory (mock-server/sessions.ts, on
 * the server's own domain rules) so a test can create, read, edit and pay
 * one; the named scenarios
 * replace them with `worker.use(...scenarios.expired())` (reset after each
 * test with `worker.resetHandlers()`).
 *
 * Paths start with `*` so they match whatever origin the link URL has.
 */

const LINKS = '*/v1/checkout-links/:secret';
const CLIENT = '*/v1/checkouts/client/:secret';

/**
 * The link, its organization and the hosted page, as the mocks play them.
 * Products, discounts and custom fields (attached to the products) follow
 * the server's rules; see `SessionRules` for each option.
 */
export interface MockOptions extends SessionRules {
  /**
   * The hosted page URL of a session; by default `/checkout/{secret}` on the
   * request's origin, as the real server answers. Browser tests point it at a
   * fake checkout page that posts the embed messages.
   */
  checkoutPageUrl?: (clientSecret: string, request: Request) => string;
}

const CORS = { 'access-control-allow-origin': '*' };
const json = (body: JsonBodyType, status = 200) => HttpResponse.json(body, { status, headers: CORS });

type MockRequest = JsonRequest & ErrorReply;

/**
 * An MSW request as the server's `readJson` and `errorResponse` read it: the
 * mocks parse bodies and shape errors with the server's own functions rather
 * than copies of them.
 */
const mockRequest = (request: Request): MockRequest => ({
  req: {
    header: (name: string) => request.headers.get(name) ?? undefined,
    text: () => request.text(),
    method: request.method,
    path: new URL(request.url).pathname,
  },
  json: (body, status) => json(body as JsonBodyType, status),
});

/** An error answered as the server's one error handler answers it. */
const errorAnswer = (request: Request, error: Error) => errorResponse(error, mockRequest(request));

/** Runs a resolver; a failure answers as the server's one error handler does (a `DomainError` with its status and body). */
const answer = async (request: Request, run: (c: MockRequest) => Promise<Response>) => {
  const c = mockRequest(request);
  try {
    return await run(c);
  } catch (error) {
    return errorResponse(error as Error, c);
  }
};

/** An error of the widget's sessions endpoint, as the server answers it: with the overlay card's words. */
const widgetErrorAnswer = (request: Request, error: Error, body?: unknown, report?: () => void) => {
  const card = widgetErrorCard(error, body, request.headers.get('accept-language') ?? undefined);
  return errorResponse(
    error,
    { ...mockRequest(request), json: (payload, status) => json({ ...(payload as object), card }, status) },
    report,
  );
};

/** The `ok` scenario: a working backend. */
export function createHandlers(options: MockOptions = {}) {
  const store = createSessionStore(options);
  const pageUrl = (request: Request) => (clientSecret: string) =>
    options.checkoutPageUrl?.(clientSecret, request) ?? `${new URL(request.url).origin}/checkout/${clientSecret}`;

  return [
    http.post(`${LINKS}/sessions`, async ({ request }) => {
      let body: unknown;
      try {
        body = await readJson(mockRequest(request), { textPlain: true });
        const raw = prefillFromJson(parseWith(sessionPrefill, body, 'body'));
        const { checkout, pageParams } = await store.open(raw, 'json', pageUrl(request));
        const locale = widgetLocale(raw.locale, request.headers.get('accept-language'), null);
        return json(toSessionCreated(checkout, pageParams, cardWords(locale)), 201);
      } catch (error) {
        return widgetErrorAnswer(request, error as Error, body);
      }
    }),
    http.get(`${LINKS}/redirect`, ({ request }) =>
      answer(request, async () => {
        const query = prefillFromQuery(new URL(request.url).searchParams);
        const { checkout, pageParams } = await store.open(query, 'query', pageUrl(request));
        // As the server does: the page parameters (theme, locale, unknown keys) travel on to the page.
        const location = new URL(checkout.url);
        for (const [name, value] of Object.entries(pageParams)) location.searchParams.set(name, value);
        return new HttpResponse(null, { status: 307, headers: { location: location.href } });
      }),
    ),
    http.get(CLIENT, ({ params, request }) => answer(request, async () => json(store.get(params.secret as string)))),
    http.patch(CLIENT, ({ params, request }) =>
      answer(request, async (c) =>
        json(await store.update(params.secret as string, parseWith(checkoutUpdate, await readJson(c), 'body'))),
      ),
    ),
    http.post(`${CLIENT}/confirm`, ({ params, request }) =>
      answer(request, async (c) =>
        json(await store.confirm(params.secret as string, parseWith(checkoutConfirm, await readJson(c), 'body'))),
      ),
    ),
    // The link's stats, from every session these handlers opened (they play one link), by the server's arithmetic.
    http.get('*/v1/checkout-links/:id/stats', ({ params, request }) =>
      answer(request, async () => {
        if (!/^Bearer\s+\S+$/i.test(request.headers.get('authorization') ?? '')) throw missingToken();
        if (!idSchema.safeParse(params.id).success) throw notFound('Checkout link');
        const query = parseWith(linkStatsQuery, Object.fromEntries(new URL(request.url).searchParams), 'query');
        const range = statsRange(query, new Date());
        return json(linkStats.parse(buildLinkStats(params.id as string, range, store.statsRows(), [])));
      }),
    ),
    ...createManagementHandlers(answer, json),
  ];
}

/** The default handlers (`ok` scenario), for `setupWorker(...handlers)` / `setupServer(...handlers)`. */
export const handlers = createHandlers();

const linkError = (error: () => DomainError) => [
  // As the server, which reads the body before it finds the link: the card follows its `locale`.
  http.post(`${LINKS}/sessions`, async ({ request }) =>
    widgetErrorAnswer(
      request,
      error(),
      await readJson(mockRequest(request), { textPlain: true }).catch(() => undefined),
    ),
  ),
  http.get(
    `${LINKS}/redirect`,
    () =>
      new HttpResponse('<h1>Checkout unavailable</h1>', {
        status: error().status,
        headers: { 'content-type': 'text/html' },
      }),
  ),
];
const everyEndpoint = (resolver: (info: { request: Request }) => Response | Promise<Response>) => [
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
 * - `unavailable`: the link is switched off, outside its dates or sold out (410 `link_unavailable` with
 *   `reason`, and the merchant's `message` if given, else the server's sentence for the reason);
 * - `expired`: the link no longer serves (410 `link_unavailable`); sessions read as `expired` and refuse changes (410 `checkout_expired`);
 * - `serverError`: every endpoint answers 500 `internal_error`;
 * - `networkError`: every request fails at the network level (as CORS or a dead server does);
 * - `slow`: the `ok` backend answering after `ms` (default 3 s).
 */
export const scenarios = {
  ok: (options?: MockOptions) => createHandlers(options),
  linkNotFound: () => linkError(linkNotFound),
  unavailable: (reason: LinkUnavailableReason = 'inactive', message?: string) =>
    linkError(
      () => new LinkUnavailableError(ORGANIZATION.name, null, reason, message || UNAVAILABLE_SENTENCES[reason].body),
    ),
  expired: () => [
    ...linkError(() => new LinkUnavailableError(ORGANIZATION.name, null)),
    // Reading an expired session works (the page shows its expired state); changing it does not.
    http.get(CLIENT, ({ request }) =>
      json(createCheckout((s) => `${new URL(request.url).origin}/checkout/${s}`, { status: 'expired' })),
    ),
    ...[http.patch, http.post].map((method) =>
      method(`${CLIENT}${method === http.post ? '/confirm' : ''}`, ({ request }) =>
        errorAnswer(request, expiredCheckout()),
      ),
    ),
  ],
  serverError: () =>
    // The scenario is the failure: nothing to report to the console.
    everyEndpoint(({ request }) =>
      request.url.endsWith('/sessions')
        ? widgetErrorAnswer(request, new Error('serverError scenario'), undefined, () => {})
        : errorResponse(new Error('serverError scenario'), mockRequest(request), () => {}),
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

import { HttpResponse, http, type JsonBodyType } from 'msw';
import { missingToken, notFound } from '../server/core/errors.ts';
import { type JsonRequest, parseWith, readJson } from '../server/http/errors.ts';
import {
  type AccessTokenInfo,
  accessToken,
  accessTokenCreate,
  accessTokenCreated,
  listQuery,
  organization,
  organizationUpdate,
  type WebhookDelivery,
  type WebhookEndpoint,
  webhookDelivery,
  webhookDeliveryListQuery,
  webhookEndpoint,
  webhookEndpointCreate,
  webhookEndpointUpdate,
  webhookEndpointWithSecret,
} from '../src/shared/schemas/index.ts';
import { ORGANIZATION } from './data.ts';

/**
 * MSW handlers of the management API's Settings routes: the organization,
 * access tokens and webhook endpoints with their deliveries, kept in memory. Bodies are
 * validated with the shared schemas and errors shaped by the server's own
 * functions; every answer goes through its schema. Deliveries are simulated:
 * queued as the server queues them, then read back as delivered (200).
 */

type Answer = (request: Request, run: (c: JsonRequest) => Promise<Response>) => Promise<Response>;

const now = () => new Date().toISOString();
const hex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
/** The Standard Webhooks format, as the server makes it: `whsec_` and the base64 of 32 random bytes. */
const webhookSecret = () => `whsec_${btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))}`;
const page = <T>(items: T[], total: number, limit: number) => ({
  items,
  pagination: { total_count: total, max_page: Math.max(1, Math.ceil(total / limit)) },
});

/** Management routes need a Bearer token; the mocks take any. */
function authorized(request: Request) {
  if (!/^Bearer\s+\S+$/i.test(request.headers.get('authorization') ?? '')) throw missingToken();
}

export function createManagementHandlers(answer: Answer, json: (body: JsonBodyType, status?: number) => Response) {
  const tokens = new Map<string, AccessTokenInfo>();
  const endpoints = new Map<string, WebhookEndpoint>();
  const deliveries = new Map<string, WebhookDelivery>();
  const seedToken = accessToken.parse({
    id: crypto.randomUUID(),
    label: 'Dashboard',
    scopes: ['read', 'write'],
    created_at: now(),
    last_used_at: now(),
  });
  tokens.set(seedToken.id, seedToken);
  let org = organization.parse({
    ...ORGANIZATION,
    embed_origins: [],
    support_email: null,
    notify_email: null,
    default_locale: null,
    created_at: now(),
    modified_at: null,
  });

  /** A handler for an authorized management request. */
  const route =
    (run: (c: JsonRequest, request: Request, params: { id: string }) => Promise<Response>) =>
    ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) =>
      answer(request, (c) => {
        authorized(request);
        return run(c, request, params as { id: string });
      });
  const query = <S extends Parameters<typeof parseWith>[0]>(request: Request, schema: S) =>
    parseWith(schema, Object.fromEntries(new URL(request.url).searchParams), 'query');
  const endpointOf = (id: string) => {
    const endpoint = endpoints.get(id);
    if (!endpoint) throw notFound('Webhook endpoint');
    return endpoint;
  };
  const deliveryOf = (id: string) => {
    const delivery = deliveries.get(id);
    if (!delivery) throw notFound('Webhook delivery');
    // Simulated: a queued delivery reads back as delivered to an enabled endpoint.
    if (delivery.status === 'pending' && endpoints.get(delivery.endpoint_id)?.enabled)
      Object.assign(delivery, {
        status: 'succeeded',
        attempts: 1,
        last_response_status: 200,
        last_duration_ms: 42,
        next_attempt_at: null,
      });
    return webhookDelivery.parse(delivery);
  };
  const queue = (endpointId: string, eventId: string, type: string, payload: string) => {
    const at = now();
    const delivery = webhookDelivery.parse({
      id: crypto.randomUUID(),
      endpoint_id: endpointId,
      event_id: eventId,
      type,
      status: 'pending',
      attempts: 0,
      last_response_status: null,
      last_error: null,
      last_duration_ms: null,
      next_attempt_at: at,
      created_at: at,
      payload,
    });
    deliveries.set(delivery.id, delivery);
    return delivery;
  };

  const ORG = '*/v1/organizations/current';
  const TOKENS = '*/v1/tokens';
  const ENDPOINTS = '*/v1/webhooks/endpoints';
  const DELIVERIES = '*/v1/webhooks/deliveries';
  return [
    http.get(
      ORG,
      route(async () => json(org)),
    ),
    http.patch(
      ORG,
      route(async (c) => {
        const input = parseWith(organizationUpdate, await readJson(c), 'body');
        const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
        org = organization.parse({ ...org, ...defined, modified_at: now() });
        return json(org);
      }),
    ),
    http.get(
      TOKENS,
      route(async () => {
        const items = [...tokens.values()].reverse();
        return json(page(items, items.length, Math.max(1, items.length)));
      }),
    ),
    http.post(
      TOKENS,
      route(async (c) => {
        const input = parseWith(accessTokenCreate, await readJson(c), 'body');
        const info = accessToken.parse({ id: crypto.randomUUID(), ...input, created_at: now(), last_used_at: null });
        tokens.set(info.id, info);
        return json(accessTokenCreated.parse({ ...info, token: `clat_${hex(24)}` }), 201);
      }),
    ),
    http.delete(
      `${TOKENS}/:id`,
      route(async (_c, _r, { id }) => {
        if (!tokens.delete(id)) throw notFound('Access token');
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.get(
      ENDPOINTS,
      route(async (_c, request) => {
        const { page: n, limit } = query(request, listQuery);
        const all = [...endpoints.values()];
        return json(page(all.slice((n - 1) * limit, n * limit), all.length, limit));
      }),
    ),
    http.post(
      ENDPOINTS,
      route(async (c) => {
        const input = parseWith(webhookEndpointCreate, await readJson(c), 'body');
        const endpoint = webhookEndpoint.parse({
          id: crypto.randomUUID(),
          ...input,
          enabled: true,
          disabled_reason: null,
          created_at: now(),
          modified_at: null,
        });
        endpoints.set(endpoint.id, endpoint);
        return json(webhookEndpointWithSecret.parse({ ...endpoint, secret: webhookSecret() }), 201);
      }),
    ),
    http.get(
      `${ENDPOINTS}/:id`,
      route(async (_c, _r, { id }) => json(endpointOf(id))),
    ),
    http.patch(
      `${ENDPOINTS}/:id`,
      route(async (c, _r, { id }) => {
        const endpoint = endpointOf(id);
        const input = parseWith(webhookEndpointUpdate, await readJson(c), 'body');
        const reenabled = input.enabled === true && !endpoint.enabled;
        Object.assign(endpoint, input, {
          disabled_reason: reenabled ? null : endpoint.disabled_reason,
          modified_at: now(),
        });
        return json(webhookEndpoint.parse(endpoint));
      }),
    ),
    http.delete(
      `${ENDPOINTS}/:id`,
      route(async (_c, _r, { id }) => {
        endpointOf(id);
        endpoints.delete(id);
        for (const d of deliveries.values()) if (d.endpoint_id === id) deliveries.delete(d.id);
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.post(
      `${ENDPOINTS}/:id/secret`,
      route(async (_c, _r, { id }) => {
        const endpoint = Object.assign(endpointOf(id), { modified_at: now() });
        return json(webhookEndpointWithSecret.parse({ ...endpoint, secret: webhookSecret() }));
      }),
    ),
    http.post(
      `${ENDPOINTS}/:id/test`,
      route(async (_c, _r, { id }) => {
        endpointOf(id);
        const data = { endpoint_id: id, message: 'A test event from checkout-link.' };
        const payload = JSON.stringify({ type: 'webhook.test', timestamp: now(), data });
        return json(queue(id, `msg_${hex(16)}`, 'webhook.test', payload), 202);
      }),
    ),

    http.get(
      DELIVERIES,
      route(async (_c, request) => {
        const { page: n, limit } = query(request, listQuery);
        const filter = query(request, webhookDeliveryListQuery);
        const all = [...deliveries.keys()]
          .reverse()
          .map(deliveryOf)
          .filter(
            (d) =>
              (!filter.endpoint_id || d.endpoint_id === filter.endpoint_id) &&
              (!filter.status || d.status === filter.status),
          );
        return json(page(all.slice((n - 1) * limit, n * limit), all.length, limit));
      }),
    ),
    http.get(
      `${DELIVERIES}/:id`,
      route(async (_c, _r, { id }) => json(deliveryOf(id))),
    ),
    http.post(
      `${DELIVERIES}/:id/redeliver`,
      route(async (_c, _r, { id }) => {
        const original = deliveryOf(id);
        endpointOf(original.endpoint_id);
        return json(queue(original.endpoint_id, original.event_id, original.type, original.payload), 202);
      }),
    ),
  ];
}

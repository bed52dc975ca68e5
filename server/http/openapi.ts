import { z } from 'zod';
import * as s from '../../src/shared/schemas/index.ts';

type Op = {
  summary: string;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number;
  auth?: boolean;
  query?: z.ZodObject;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes
 * validate with (zod 4's JSON Schema output), so it cannot drift from them.
 */
export function buildOpenApi(publicUrl: string) {
  const components: Record<string, unknown> = {};
  const named = new Map<z.ZodType, string>();
  const register = (name: string, schema: z.ZodType, io: 'input' | 'output') => {
    components[name] = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
    named.set(schema, name);
    return name;
  };
  const schemaRef = (schema: z.ZodType, io: 'input' | 'output', fallback: string) =>
    ref(named.get(schema) ?? register(fallback, schema, io));

  const paths: Record<string, Record<string, unknown>> = {};
  const add = (method: string, path: string, name: string, op: Op) => {
    paths[path] ??= {};
    const responses: Record<string, unknown> = {
      [String(op.status ?? 200)]: op.response
        ? {
            description: 'OK',
            content: { 'application/json': { schema: schemaRef(op.response, 'output', name + 'Response') } },
          }
        : { description: 'No content' },
      '4XX': { description: 'Bad input or state', content: { 'application/json': { schema: ref('Error') } } },
    };
    const parameters = [
      ...[...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...(op.query
        ? Object.keys(op.query.shape).map((k) => ({
            name: k,
            in: 'query',
            required: false,
            schema: { type: 'string' },
          }))
        : []),
    ];
    paths[path][method] = {
      operationId: name,
      summary: op.summary,
      ...(op.auth === false ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaRef(op.body, 'input', name + 'Body') } },
            },
          }
        : {}),
      responses,
    };
  };

  register('Error', s.errorBody, 'output');
  register('Organization', s.organization, 'output');
  register('Product', s.product, 'output');
  register('CustomField', s.customField, 'output');
  register('Discount', s.discount, 'output');
  register('CheckoutLink', s.checkoutLink, 'output');
  register('Checkout', s.checkout, 'output');
  register('CheckoutPublic', s.checkoutPublic, 'output');
  register('Order', s.order, 'output');
  register('Subscription', s.subscription, 'output');
  register('WebhookEndpoint', s.webhookEndpoint, 'output');
  register('WebhookEndpointWithSecret', s.webhookEndpointWithSecret, 'output');
  register('WebhookDelivery', s.webhookDelivery, 'output');
  register('Receipt', s.receipt, 'output');
  register('OrderWithReceipt', s.orderWithReceipt, 'output');
  register('SubscriptionWithReceipt', s.subscriptionWithReceipt, 'output');
  register('LinkStats', s.linkStats, 'output');
  register('LinkStatsSummary', s.linkStatsSummary, 'output');
  const list = (item: z.ZodType) => s.listResource(item);

  add('get', '/v1/organizations/current', 'getOrganization', {
    summary: 'The token’s organization',
    response: s.organization,
  });
  add('patch', '/v1/organizations/current', 'updateOrganization', {
    summary:
      'Rename, or set embed_origins, support_email (on receipts, their reply-to), notify_email (a “New order” email per sale) and default_locale (the checkout’s language when the customer’s is not known)',
    body: s.organizationUpdate,
    response: s.organization,
  });
  add('get', '/v1/tokens', 'listAccessTokens', {
    summary: 'List the organization’s access tokens (never the tokens themselves)',
    response: list(s.accessToken),
  });
  add('post', '/v1/tokens', 'createAccessToken', {
    summary: 'Issue an access token; the answer is the only time it is shown',
    body: s.accessTokenCreate,
    response: s.accessTokenCreated,
    status: 201,
  });
  add('delete', '/v1/tokens/{id}', 'revokeAccessToken', {
    summary: 'Revoke an access token: it answers 401 from the next request on',
    status: 204,
  });
  for (const [path, name, create, update, item, extraQuery] of [
    ['/v1/products', 'Product', s.productCreate, s.productUpdate, s.product, s.productListQuery],
    ['/v1/custom-fields', 'CustomField', s.customFieldCreate, s.customFieldUpdate, s.customField, undefined],
    ['/v1/discounts', 'Discount', s.discountCreate, s.discountUpdate, s.discount, undefined],
    ['/v1/checkout-links', 'CheckoutLink', s.checkoutLinkCreate, s.checkoutLinkUpdate, s.checkoutLink, undefined],
  ] as const) {
    add('get', path, `list${name}s`, {
      summary: `List ${name}s`,
      response: list(item),
      query: extraQuery ? s.listQuery.extend(extraQuery.shape) : s.listQuery,
    });
    add('post', path, `create${name}`, { summary: `Create a ${name}`, body: create, response: item, status: 201 });
    add('get', `${path}/{id}`, `get${name}`, { summary: `Get a ${name}`, response: item });
    add('patch', `${path}/{id}`, `update${name}`, { summary: `Update a ${name}`, body: update, response: item });
    add('delete', `${path}/{id}`, `delete${name}`, {
      summary: name === 'Product' ? 'Archive a product' : `Delete a ${name}`,
      response: name === 'Product' ? item : undefined,
      status: name === 'Product' ? 200 : 204,
    });
  }
  const range =
    'from and to are UTC days (YYYY-MM-DD, both included; by default the 30 days ending today); from after to, or more than 366 days, is a 422';
  add('get', '/v1/checkout-links/stats', 'listCheckoutLinkStats', {
    summary: `Every link's sessions, sales, conversion and revenue (minor units per currency) over a range. ${range}.`,
    response: s.linkStatsSummary,
    query: s.linkStatsQuery,
  });
  add('get', '/v1/checkout-links/{id}/stats', 'getCheckoutLinkStats', {
    summary: `A link's funnel (sessions → succeeded, conversion, revenue), daily series and top 20 utm_source, utm_medium, utm_campaign and reference_id values; figures survive the sweep of abandoned sessions. ${range}.`,
    response: s.linkStats,
    query: s.linkStatsQuery,
  });
  add('get', '/v1/checkouts', 'listCheckouts', {
    summary: 'List checkout sessions',
    response: list(s.checkout),
    query: s.listQuery.extend(s.checkoutListQuery.shape),
  });
  add('post', '/v1/checkouts', 'createCheckout', {
    summary: 'Create a checkout session without a link',
    body: s.checkoutCreate,
    response: s.checkout,
    status: 201,
  });
  add('get', '/v1/checkouts/{id}', 'getCheckout', { summary: 'Get a checkout session', response: s.checkout });
  for (const [path, name, item] of [
    ['/v1/orders', 'Order', s.order],
    ['/v1/subscriptions', 'Subscription', s.subscription],
  ] as const) {
    const expand = `With expand=receipt, each ${name.toLowerCase()} carries its latest receipt email (${name}WithReceipt)`;
    add('get', path, `list${name}s`, {
      summary: `List ${name.toLowerCase()}s. ${expand}.`,
      response: list(item),
      query: s.listQuery.extend(s.purchaseListQuery.shape).extend(s.purchaseExpandQuery.shape),
    });
    add('get', `${path}/{id}`, `get${name}`, {
      summary: `Get ${name === 'Order' ? 'an order' : 'a subscription'}. ${expand}.`,
      response: item,
      query: s.purchaseExpandQuery,
    });
    add('post', `${path}/{id}/receipt`, `resend${name}Receipt`, {
      summary:
        'Email the receipt again: one waiting for a retry is tried now, otherwise a new one is queued. Its status: queued, retrying, sent, written (saved as a file: the server has no SMTP_URL), failed.',
      response: s.receipt,
      status: 202,
    });
  }

  add('get', '/v1/webhooks/endpoints', 'listWebhookEndpoints', {
    summary: 'List webhook endpoints (never their secrets)',
    response: list(s.webhookEndpoint),
    query: s.listQuery,
  });
  add('post', '/v1/webhooks/endpoints', 'createWebhookEndpoint', {
    summary: 'Add a webhook endpoint; the answer is the only time its secret is shown besides rotation',
    body: s.webhookEndpointCreate,
    response: s.webhookEndpointWithSecret,
    status: 201,
  });
  add('get', '/v1/webhooks/endpoints/{id}', 'getWebhookEndpoint', {
    summary: 'Get a webhook endpoint',
    response: s.webhookEndpoint,
  });
  add('patch', '/v1/webhooks/endpoints/{id}', 'updateWebhookEndpoint', {
    summary: 'Change its URL or events, or enable it again',
    body: s.webhookEndpointUpdate,
    response: s.webhookEndpoint,
  });
  add('delete', '/v1/webhooks/endpoints/{id}', 'deleteWebhookEndpoint', {
    summary: 'Delete a webhook endpoint',
    status: 204,
  });
  add('post', '/v1/webhooks/endpoints/{id}/secret', 'rotateWebhookSecret', {
    summary: 'Replace the signing secret; the new one is shown in the answer',
    response: s.webhookEndpointWithSecret,
  });
  add('post', '/v1/webhooks/endpoints/{id}/test', 'sendTestWebhook', {
    summary: 'Queue a `webhook.test` event to this endpoint',
    response: s.webhookDelivery,
    status: 202,
  });
  add('get', '/v1/webhooks/deliveries', 'listWebhookDeliveries', {
    summary: 'List webhook deliveries, newest first',
    response: list(s.webhookDelivery),
    query: s.listQuery.extend(s.webhookDeliveryListQuery.shape),
  });
  add('get', '/v1/webhooks/deliveries/{id}', 'getWebhookDelivery', {
    summary: 'Get a webhook delivery and the payload it sends',
    response: s.webhookDelivery,
  });
  add('post', '/v1/webhooks/deliveries/{id}/redeliver', 'redeliverWebhook', {
    summary: 'Send the event again, as a new delivery with the same webhook-id',
    response: s.webhookDelivery,
    status: 202,
  });

  add('get', '/v1/checkout-links/{client_secret}/redirect', 'openCheckoutLink', {
    summary:
      'Create a session and 307 to its hosted page. Prefill: customer_email, customer_name, discount_code, amount, custom_field_data.{slug}, product_id, reference_id, utm_*, theme, locale. A link switched off, outside starts_at/ends_at or at max_completed_checkouts answers a 410 HTML page with its reason and inactive_message, and creates no session.',
    auth: false,
    status: 307,
  });
  add('post', '/v1/checkout-links/{client_secret}/sessions', 'createSessionFromLink', {
    summary:
      "Create a session for the widget; invalid prefill is dropped and listed in `dropped`. A link that does not serve answers 410 `link_unavailable` with `reason` (inactive, not_started, ended, limit_reached) and `message` (its inactive_message, else a sentence for the reason). Every answer, errors included, carries `card`: the overlay card's words in the checkout's language (the `locale` prefill, Accept-Language, the organization's default_locale)",
    body: s.sessionPrefill,
    response: s.sessionCreated,
    status: 201,
    auth: false,
  });
  add('get', '/v1/checkouts/client/{client_secret}', 'getClientCheckout', {
    summary: 'Read a session',
    response: s.checkoutPublic,
    auth: false,
  });
  add('patch', '/v1/checkouts/client/{client_secret}', 'updateClientCheckout', {
    summary: 'Edit a session',
    body: s.checkoutUpdate,
    response: s.checkoutPublic,
    auth: false,
  });
  add('post', '/v1/checkouts/client/{client_secret}/confirm', 'confirmClientCheckout', {
    summary:
      'Pay. When the link’s max_completed_checkouts are taken by other payments, 409 `link_unavailable` with `reason: limit_reached`, nothing charged',
    body: s.checkoutConfirm,
    response: s.checkoutPublic,
    auth: false,
  });
  add('get', '/v1/checkouts/client/{client_secret}/stream', 'streamClientCheckout', {
    summary: 'Server-sent status events',
    auth: false,
  });

  return {
    openapi: '3.1.0',
    info: {
      title: 'checkout-link API',
      version: '1.0.0',
      description: 'Checkout Links, sessions, orders, subscriptions and webhooks.',
    },
    servers: [{ url: publicUrl }],
    security: [{ bearer: [] }],
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../server/app.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/** `get /v1/orders/{}`: a route with its parameters unnamed, so `:id` and `{id}` (or another name) compare equal. */
const route = (method: string, path: string) =>
  `${method.toLowerCase()} ${path.replace(/:\w+/g, '{}').replace(/\{\w+\}/g, '{}')}`;

describe('the OpenAPI document the server serves', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  test('documents every /v1 route the app serves, and only those', async () => {
    const app = createApp(server.ctx, server.ctx.db, { rateLimitPerMinute: 1000 });
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/') && r.path !== '/v1/openapi.json')
        .map((r) => route(r.method, r.path)),
    );
    const doc = (await server.api('/v1/openapi.json', { token: null })).body;
    const documented = new Set(
      Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => route(method, path)),
      ),
    );
    assert.deepEqual(
      [...served].filter((r) => !documented.has(r)),
      [],
      'served but not documented',
    );
    assert.deepEqual(
      [...documented].filter((r) => !served.has(r)),
      [],
      'documented but not served',
    );
    for (const r of [
      'post /v1/webhooks/endpoints/{}/secret',
      'post /v1/webhooks/deliveries/{}/redeliver',
      'delete /v1/tokens/{}',
    ])
      assert.ok(documented.has(r), r);
  });

  test('webhook and access-token operations name their bodies and answers', async () => {
    const { paths, components } = (await server.api('/v1/openapi.json', { token: null })).body;
    const answer = (path: string, method: string, status: string) =>
      paths[path][method].responses[status].content['application/json'].schema.$ref;
    assert.equal(answer('/v1/webhooks/endpoints', 'post', '201'), '#/components/schemas/WebhookEndpointWithSecret');
    assert.ok(paths['/v1/webhooks/endpoints'].post.requestBody);
    assert.equal(
      answer('/v1/webhooks/deliveries/{id}/redeliver', 'post', '202'),
      '#/components/schemas/WebhookDelivery',
    );
    assert.equal(answer('/v1/webhooks/endpoints/{id}/test', 'post', '202'), '#/components/schemas/WebhookDelivery');
    assert.deepEqual(paths['/v1/webhooks/deliveries'].get.parameters.map((p: { name: string }) => p.name).sort(), [
      'endpoint_id',
      'limit',
      'page',
      'status',
    ]);
    assert.ok(components.schemas.WebhookEndpoint.properties.disabled_reason);
    assert.equal(components.schemas.WebhookEndpoint.properties.secret, undefined, 'listed endpoints carry no secret');
    assert.ok(components.schemas.WebhookDelivery.properties.next_attempt_at);
    assert.ok(paths['/v1/tokens'].post.requestBody);
  });
});

import { Hono } from 'hono';
import {
  listQuery,
  webhookDeliveryListQuery,
  webhookEndpointCreate,
  webhookEndpointUpdate,
} from '../../src/shared/schemas/index.ts';
import type { CoreContext } from '../core/context.ts';
import {
  getWebhookDelivery,
  listWebhookDeliveries,
  redeliverWebhook,
  sendTestWebhook,
} from '../core/webhooks/deliveries.ts';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from '../core/webhooks/endpoints.ts';
import { type AuthVariables, requireToken } from './auth.ts';
import { body, idParam, org, query } from './route-input.ts';

/** `/v1/webhooks`: an organization's endpoints and their deliveries. */
export function webhookRoutes(ctx: CoreContext) {
  const app = new Hono<{ Variables: AuthVariables }>();
  app.use('*', requireToken(ctx));

  app.get('/endpoints', async (c) => c.json(await listWebhookEndpoints(ctx, org(c), query(c, listQuery))));
  app.post('/endpoints', async (c) =>
    c.json(await createWebhookEndpoint(ctx, org(c), await body(c, webhookEndpointCreate)), 201),
  );
  app.get('/endpoints/:id', async (c) => c.json(await getWebhookEndpoint(ctx, org(c), idParam(c, 'Webhook endpoint'))));
  app.patch('/endpoints/:id', async (c) =>
    c.json(
      await updateWebhookEndpoint(ctx, org(c), idParam(c, 'Webhook endpoint'), await body(c, webhookEndpointUpdate)),
    ),
  );
  app.delete('/endpoints/:id', async (c) => {
    await deleteWebhookEndpoint(ctx, org(c), idParam(c, 'Webhook endpoint'));
    return c.body(null, 204);
  });
  app.post('/endpoints/:id/secret', async (c) =>
    c.json(await rotateWebhookSecret(ctx, org(c), idParam(c, 'Webhook endpoint'))),
  );
  app.post('/endpoints/:id/test', async (c) =>
    c.json(await sendTestWebhook(ctx, org(c), idParam(c, 'Webhook endpoint')), 202),
  );

  app.get('/deliveries', async (c) =>
    c.json(await listWebhookDeliveries(ctx, org(c), { ...query(c, listQuery), ...query(c, webhookDeliveryListQuery) })),
  );
  app.get('/deliveries/:id', async (c) =>
    c.json(await getWebhookDelivery(ctx, org(c), idParam(c, 'Webhook delivery'))),
  );
  app.post('/deliveries/:id/redeliver', async (c) =>
    c.json(await redeliverWebhook(ctx, org(c), idParam(c, 'Webhook delivery')), 202),
  );
  return app;
}

import { Hono } from 'hono';
import { z } from 'zod';
import {
  listQuery,
  webhookDeliveryListQuery,
  webhookEndpointCreate,
  webhookEndpointUpdate,
} from '../../src/shared/schemas/index.ts';
import type { CoreContext } from '../core/context.ts';
import { notFound } from '../core/errors.ts';
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
import { parseWith, readJson } from './errors.ts';

const uuid = z.uuid();

/** `/v1/webhooks`: an organization's endpoints and their deliveries. */
export function webhookRoutes(ctx: CoreContext) {
  const app = new Hono<{ Variables: AuthVariables }>();
  app.use('*', requireToken(ctx));
  const org = (c: { get: (k: 'organizationId') => string }) => c.get('organizationId');
  const id = (c: { req: { param: (k: 'id') => string } }, what: string) => {
    const value = c.req.param('id');
    if (!uuid.safeParse(value).success) throw notFound(what);
    return value;
  };
  const body = async <S extends z.ZodType>(c: Parameters<typeof readJson>[0], schema: S) =>
    parseWith(schema, await readJson(c), 'body');
  const query = <S extends z.ZodType>(c: { req: { query: () => Record<string, string> } }, schema: S) =>
    parseWith(schema, c.req.query(), 'query');

  app.get('/endpoints', async (c) => c.json(await listWebhookEndpoints(ctx, org(c), query(c, listQuery))));
  app.post('/endpoints', async (c) =>
    c.json(await createWebhookEndpoint(ctx, org(c), await body(c, webhookEndpointCreate)), 201),
  );
  app.get('/endpoints/:id', async (c) => c.json(await getWebhookEndpoint(ctx, org(c), id(c, 'Webhook endpoint'))));
  app.patch('/endpoints/:id', async (c) =>
    c.json(await updateWebhookEndpoint(ctx, org(c), id(c, 'Webhook endpoint'), await body(c, webhookEndpointUpdate))),
  );
  app.delete('/endpoints/:id', async (c) => {
    await deleteWebhookEndpoint(ctx, org(c), id(c, 'Webhook endpoint'));
    return c.body(null, 204);
  });
  app.post('/endpoints/:id/secret', async (c) =>
    c.json(await rotateWebhookSecret(ctx, org(c), id(c, 'Webhook endpoint'))),
  );
  app.post('/endpoints/:id/test', async (c) =>
    c.json(await sendTestWebhook(ctx, org(c), id(c, 'Webhook endpoint')), 202),
  );

  app.get('/deliveries', async (c) =>
    c.json(await listWebhookDeliveries(ctx, org(c), { ...query(c, listQuery), ...query(c, webhookDeliveryListQuery) })),
  );
  app.get('/deliveries/:id', async (c) => c.json(await getWebhookDelivery(ctx, org(c), id(c, 'Webhook delivery'))));
  app.post('/deliveries/:id/redeliver', async (c) =>
    c.json(await redeliverWebhook(ctx, org(c), id(c, 'Webhook delivery')), 202),
  );
  return app;
}

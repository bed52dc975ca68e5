import type {
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
} from '../../../src/shared/schemas/index.ts';
import type { CoreContext } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { newId, newWebhookSecret } from '../ids.ts';
import { iso, json, paginate, parseJson } from '../rows.ts';
import { refusedUrlHost } from './address-guard.ts';

interface EndpointRow {
  id: string;
  organization_id: string;
  url: string;
  events: string;
  secret: string;
  enabled: number;
  disabled_reason: string | null;
  created_at: string;
  modified_at: string | null;
}

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  events: parseJson(r.events, []),
  enabled: Boolean(r.enabled),
  disabled_reason: r.disabled_reason,
  created_at: r.created_at,
  modified_at: r.modified_at,
});

/** A URL whose host is a refused address is a 422 now; names are judged again at each delivery, after DNS. */
function checkTarget(ctx: CoreContext, url: string) {
  const why = refusedUrlHost(url, ctx.webhooks?.allowPrivate ?? false);
  if (why) throw invalid(['body', 'url'], `is not an allowed webhook target: ${why}`);
}

async function loadEndpoint(ctx: CoreContext, orgId: string, id: string): Promise<EndpointRow> {
  const row = await ctx.db.get<EndpointRow>('SELECT * FROM webhook_endpoints WHERE id = ? AND organization_id = ?', [
    id,
    orgId,
  ]);
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

export async function createWebhookEndpoint(
  ctx: CoreContext,
  orgId: string,
  input: WebhookEndpointCreate,
): Promise<WebhookEndpointWithSecret> {
  checkTarget(ctx, input.url);
  const id = newId();
  const secret = newWebhookSecret();
  await ctx.db.run(
    `INSERT INTO webhook_endpoints (id, organization_id, url, events, secret, enabled, created_at)
     VALUES (?, ?, ?, ?, ?, 1, ?)`,
    [id, orgId, input.url, json(input.events), secret, iso(ctx.now())],
  );
  ctx.webhooks?.subscriptions.invalidate(orgId);
  return { ...toEndpoint(await loadEndpoint(ctx, orgId, id)), secret };
}

export async function listWebhookEndpoints(ctx: CoreContext, orgId: string, query: { page: number; limit: number }) {
  const total = await ctx.db.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM webhook_endpoints WHERE organization_id = ?',
    [orgId],
  );
  const rows = await ctx.db.all<EndpointRow>(
    'SELECT * FROM webhook_endpoints WHERE organization_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?',
    [orgId, query.limit, (query.page - 1) * query.limit],
  );
  return paginate(rows.map(toEndpoint), Number(total?.n ?? 0), query.limit);
}

export const getWebhookEndpoint = async (ctx: CoreContext, orgId: string, id: string) =>
  toEndpoint(await loadEndpoint(ctx, orgId, id));

export async function updateWebhookEndpoint(
  ctx: CoreContext,
  orgId: string,
  id: string,
  input: WebhookEndpointUpdate,
): Promise<WebhookEndpoint> {
  const row = await loadEndpoint(ctx, orgId, id);
  if (input.url !== undefined) checkTarget(ctx, input.url);
  const enabled = input.enabled ?? Boolean(row.enabled);
  // Turning an endpoint back on starts its failure count afresh.
  const reenabled = input.enabled === true;
  await ctx.db.run(
    `UPDATE webhook_endpoints SET url = ?, events = ?, enabled = ?, disabled_reason = ?, consecutive_failures = CASE WHEN ? = 1 THEN 0 ELSE consecutive_failures END, modified_at = ?
     WHERE id = ?`,
    [
      input.url ?? row.url,
      input.events ? json(input.events) : row.events,
      enabled ? 1 : 0,
      reenabled ? null : row.disabled_reason,
      reenabled ? 1 : 0,
      iso(ctx.now()),
      id,
    ],
  );
  ctx.webhooks?.subscriptions.invalidate(orgId);
  return getWebhookEndpoint(ctx, orgId, id);
}

/** Deletes the endpoint and its delivery history; pending deliveries go with it. */
export async function deleteWebhookEndpoint(ctx: CoreContext, orgId: string, id: string): Promise<void> {
  await loadEndpoint(ctx, orgId, id);
  await ctx.db.transaction(async (tx) => {
    await tx.run('DELETE FROM outbox_deliveries WHERE endpoint_id = ?', [id]);
    await tx.run('DELETE FROM webhook_endpoints WHERE id = ?', [id]);
  });
  ctx.webhooks?.subscriptions.invalidate(orgId);
}

export async function rotateWebhookSecret(
  ctx: CoreContext,
  orgId: string,
  id: string,
): Promise<WebhookEndpointWithSecret> {
  await loadEndpoint(ctx, orgId, id);
  const secret = newWebhookSecret();
  await ctx.db.run('UPDATE webhook_endpoints SET secret = ?, modified_at = ? WHERE id = ?', [
    secret,
    iso(ctx.now()),
    id,
  ]);
  return { ...(await getWebhookEndpoint(ctx, orgId, id)), secret };
}

import type { WebhookDelivery } from '../../../src/shared/schemas/index.ts';
import type { SqlValue } from '../../db/database.ts';
import type { CoreContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { iso, paginate } from '../rows.ts';
import { getWebhookEndpoint } from './endpoints.ts';
import { insertDelivery, insertEvent } from './outbox.ts';

interface DeliveryRow extends Omit<WebhookDelivery, 'status'> {
  status: WebhookDelivery['status'];
}

const SELECT = `SELECT d.id, d.endpoint_id, d.event_id, e.type, d.status, d.attempts, d.last_response_status, d.last_error,
  d.last_duration_ms, d.next_attempt_at, d.created_at, e.payload
  FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id`;

export async function listWebhookDeliveries(
  ctx: CoreContext,
  orgId: string,
  query: { page: number; limit: number; endpoint_id?: string; status?: string },
) {
  let where = "d.organization_id = ? AND d.channel = 'webhook'";
  const params: SqlValue[] = [orgId];
  if (query.endpoint_id) {
    where += ' AND d.endpoint_id = ?';
    params.push(query.endpoint_id);
  }
  if (query.status) {
    where += ' AND d.status = ?';
    params.push(query.status);
  }
  const total = await ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox_deliveries d WHERE ${where}`, params);
  const rows = await ctx.db.all<DeliveryRow>(
    `${SELECT} WHERE ${where} ORDER BY d.created_at DESC, d.id DESC LIMIT ? OFFSET ?`,
    [...params, query.limit, (query.page - 1) * query.limit],
  );
  return paginate(rows, Number(total?.n ?? 0), query.limit);
}

export async function getWebhookDelivery(ctx: CoreContext, orgId: string, id: string): Promise<WebhookDelivery> {
  const row = await ctx.db.get<DeliveryRow>(`${SELECT} WHERE d.id = ? AND d.organization_id = ?`, [id, orgId]);
  if (!row) throw notFound('Webhook delivery');
  return row;
}

/**
 * Sends a delivery's event to its endpoint again, as a new delivery with its
 * own attempts. The `webhook-id` stays the event's, so a receiver that
 * already handled it can tell.
 */
export async function redeliverWebhook(ctx: CoreContext, orgId: string, id: string): Promise<WebhookDelivery> {
  const original = await getWebhookDelivery(ctx, orgId, id);
  await getWebhookEndpoint(ctx, orgId, original.endpoint_id);
  const newIdValue = await ctx.db.transaction((tx) =>
    insertDelivery(tx, original.event_id, orgId, original.endpoint_id, iso(ctx.now())),
  );
  ctx.webhooks?.kick();
  return getWebhookDelivery(ctx, orgId, newIdValue);
}

/** A `webhook.test` event to one endpoint, whatever it subscribes to: the dashboard's "Send test event". */
export async function sendTestWebhook(ctx: CoreContext, orgId: string, endpointId: string): Promise<WebhookDelivery> {
  await getWebhookEndpoint(ctx, orgId, endpointId);
  const at = iso(ctx.now());
  const data = { endpoint_id: endpointId, message: 'A test event from checkout-link.' };
  const deliveryId = await ctx.db.transaction(async (tx) =>
    insertDelivery(tx, await insertEvent(tx, orgId, 'webhook.test', data, at), orgId, endpointId, at),
  );
  ctx.webhooks?.kick();
  return getWebhookDelivery(ctx, orgId, deliveryId);
}

import type { WebhookEventType } from '../../../src/shared/schemas/index.ts';
import type { Queryable } from '../../db/database.ts';
import type { CoreContext } from '../context.ts';
import { iso } from '../rows.ts';
import { enqueueEvents } from './outbox.ts';

/**
 * Whether some endpoint of `orgId` listens to `type`. Synchronous on a cache
 * hit, so the link click learns "nobody" without a query or a promise.
 */
export function listens(ctx: CoreContext, orgId: string, type: WebhookEventType): boolean | Promise<boolean> {
  const cache = ctx.webhooks?.subscriptions;
  if (!cache) return false;
  return cache.peek(orgId, type) ?? cache.load(ctx.db, orgId, type);
}

/**
 * Runs `write` and the event reporting it in one transaction: the event is
 * written only when `write` changed something (it answers whether it did).
 * `grouped` shares the commit with others of the same turn (the link click).
 */
export async function writeReported(
  ctx: CoreContext,
  orgId: string,
  type: WebhookEventType,
  write: (tx: Queryable) => Promise<boolean>,
  data: (tx: Queryable) => Promise<unknown>,
  grouped = false,
): Promise<boolean> {
  let queued: string[] = [];
  const changed = await ctx.db[grouped ? 'transactionBatched' : 'transaction'](async (tx) => {
    if (!(await write(tx))) return false;
    queued = await enqueueEvents(tx, ctx.now(), orgId, [{ type, data: () => data(tx) }]);
    return true;
  });
  if (queued.length) ctx.webhooks?.kick(queued);
  return changed;
}

/**
 * Open sessions past their expiry in organizations that listen to
 * `checkout.expired`: the sweep expires these one by one, each with its
 * event, before expiring the rest in bulk.
 */
export function expiringSessionsWithListeners<T>(q: Queryable, now: Date): Promise<T[]> {
  return q.all<T>(
    `SELECT * FROM checkout_sessions WHERE status = 'open' AND expires_at <= ? AND organization_id IN
       (SELECT organization_id FROM webhook_endpoints WHERE enabled = 1 AND events LIKE '%"checkout.expired"%')
     ORDER BY expires_at LIMIT 500`,
    [iso(now)],
  );
}

import type { CoreContext } from './context.ts';
import { iso } from './rows.ts';
import { type SessionRow, settleExpiry } from './session-rows.ts';
import { expiringSessionsWithListeners } from './webhooks/report.ts';

/**
 * Marks open sessions past their expiry as expired, and deletes abandoned
 * ones expired longer than `retentionSeconds` ago, so storage does not grow
 * with checkouts nobody finished.
 */
export async function sweepExpiredSessions(ctx: CoreContext, retentionSeconds: number) {
  const now = ctx.now();
  const reported = await expiringSessionsWithListeners<SessionRow>(ctx.db, now);
  for (const row of reported) await settleExpiry(ctx, row);
  const expired = await ctx.db.run(
    "UPDATE checkout_sessions SET status = 'expired', modified_at = ? WHERE status = 'open' AND expires_at <= ?",
    [iso(now), iso(now)],
  );
  const deleted = await ctx.db.run(
    "DELETE FROM checkout_sessions WHERE status IN ('expired', 'failed') AND expires_at <= ?",
    [iso(new Date(now.getTime() - retentionSeconds * 1000))],
  );
  if (deleted.changes > 0) await ctx.db.compact();
  return { expired: reported.length + expired.changes, deleted: deleted.changes };
}

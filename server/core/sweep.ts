import type { CoreContext } from './context.ts';
import { crashPoint } from './crash-points.ts';
import { foldDeletedSessions } from './link-stats-rollups.ts';
import { iso } from './rows.ts';
import { type SessionRow, settleExpiry } from './session-rows.ts';
import { expiringSessionsWithListeners } from './webhooks/report.ts';

/** Sessions deleted per transaction: SQLite holds the process's only connection while one runs. */
const DELETE_BATCH = 2_000;

/**
 * Marks open sessions past their expiry as expired, and deletes abandoned
 * ones expired longer than `retentionSeconds` ago, so storage does not grow
 * with checkouts nobody finished. Each batch deleted is folded into its
 * links' daily stats in the same transaction (`RETURNING` names exactly the
 * rows this transaction removed), so the stats never change.
 */
export async function sweepExpiredSessions(ctx: CoreContext, retentionSeconds: number) {
  const now = ctx.now();
  const reported = await expiringSessionsWithListeners<SessionRow>(ctx.db, now);
  for (const row of reported) await settleExpiry(ctx, row);
  const expired = await ctx.db.run(
    "UPDATE checkout_sessions SET status = 'expired', modified_at = ? WHERE status = 'open' AND expires_at <= ?",
    [iso(now), iso(now)],
  );
  const cutoff = iso(new Date(now.getTime() - retentionSeconds * 1000));
  // PostgreSQL: concurrent sweeps take disjoint rows instead of queueing on each other's row locks.
  const skipLocked = ctx.db.engine === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  let deleted = 0;
  for (;;) {
    const batch = await ctx.db.transaction(async (tx) => {
      const rows = await tx.all<{ checkout_link_id: string | null; created_at: string; metadata: string }>(
        `DELETE FROM checkout_sessions WHERE id IN (
           SELECT id FROM checkout_sessions WHERE status IN ('expired', 'failed') AND expires_at <= ? LIMIT ${DELETE_BATCH} ${skipLocked}
         ) RETURNING checkout_link_id, created_at, metadata`,
        [cutoff],
      );
      crashPoint('mid-sweep');
      await foldDeletedSessions(tx, rows);
      return rows.length;
    });
    deleted += batch;
    // Short: nothing left, or another process's sweep took some of these rows first.
    if (batch < DELETE_BATCH) break;
  }
  if (deleted > 0) await ctx.db.compact();
  return { expired: reported.length + expired.changes, deleted };
}

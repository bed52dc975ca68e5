import type { Queryable } from '../db/database.ts';
import { sessionFacts } from './link-stats-facts.ts';

/** The dimension and value of a day's total row. */
export const TOTAL = '';

/** Rows per upsert statement: 5 parameters each, well under either engine's limit. */
const CHUNK = 400;

/**
 * Adds sessions the sweep is deleting to their link's daily rollups, in the
 * delete's own transaction: a session is counted live until the commit that
 * removes it also counts it here, so no crash or concurrent sweep loses it or
 * counts it twice. Only the `sessions` figure is folded: the sweep deletes
 * expired and failed sessions, which sold nothing.
 */
export async function foldDeletedSessions(
  tx: Queryable,
  rows: { checkout_link_id: string | null; created_at: string; metadata: string }[],
) {
  const counts = new Map<string, [string, string, string, string, number]>();
  const add = (link: string, day: string, dimension: string, value: string) => {
    const key = JSON.stringify([link, day, dimension, value]);
    const entry = counts.get(key);
    if (entry) entry[4]++;
    else counts.set(key, [link, day, dimension, value, 1]);
  };
  for (const row of rows) {
    if (!row.checkout_link_id) continue;
    const { day, values } = sessionFacts(row);
    add(row.checkout_link_id, day, TOTAL, TOTAL);
    for (const [dimension, value] of Object.entries(values)) add(row.checkout_link_id, day, dimension, value);
  }
  // One order for every sweep, so two folding at once take the rollup rows' locks in the same order.
  const entries = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    await tx.run(
      `INSERT INTO checkout_link_daily_sessions (checkout_link_id, day, dimension, value, sessions)
       VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (checkout_link_id, day, dimension, value)
       DO UPDATE SET sessions = checkout_link_daily_sessions.sessions + excluded.sessions`,
      chunk.flat(),
    );
  }
}

import { STATS_DIMENSIONS, type StatsDimension } from '../../src/shared/schemas/index.ts';
import { parseJson } from './rows.ts';

/** What the stats count of one session: its UTC day and its breakdown values. */
export interface SessionFacts {
  day: string;
  values: Partial<Record<StatsDimension, string>>;
}

/**
 * A metadata value as a breakdown value: strings as they are, numbers and
 * booleans as their JSON text. The sweep's fold and the live query both go
 * through here, so a session counts under the same value before and after.
 */
const asValue = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? JSON.stringify(v) : undefined;

export function sessionFacts(row: { created_at: string; metadata: string }): SessionFacts {
  const metadata = parseJson<Record<string, unknown>>(row.metadata, {});
  const values: SessionFacts['values'] = {};
  for (const d of STATS_DIMENSIONS) {
    const v = asValue(metadata[d]);
    if (v !== undefined) values[d] = v;
  }
  // ISO text in UTC: its first ten characters are the UTC day.
  return { day: row.created_at.slice(0, 10), values };
}

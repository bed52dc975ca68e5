/** The ranges the stats view offers, in days ending today (UTC). */
export const STATS_RANGES = [7, 30, 90, 365] as const;

/** `from` and `to` (UTC days) of the `days` ending today, as the stats API reads them. */
export function lastDays(days: number, now = Date.now()) {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(now - (days - 1) * 86_400_000), to: day(now) };
}

/** A conversion rate (0..1) as a percentage with one decimal: `33.3 %`. */
export const formatRate = (rate: number) => `${(rate * 100).toFixed(1)} %`;

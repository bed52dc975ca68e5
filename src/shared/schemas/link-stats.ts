import { z } from 'zod';
import { id } from './common.ts';

/** The session metadata keys a link's sessions are broken down by (the redirect and the widget fill them in). */
export const STATS_DIMENSIONS = ['utm_source', 'utm_medium', 'utm_campaign', 'reference_id'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** A UTC calendar day, `2026-12-02`. */
export const statsDate = z.iso.date();

/** `from` and `to` (UTC days, both included); by default the 30 days ending today. */
export const linkStatsQuery = z.object({
  from: statsDate.optional(),
  to: statsDate.optional(),
});
export type LinkStatsQuery = z.infer<typeof linkStatsQuery>;

/** Revenue in integer minor units, one entry per currency, in currency order. */
export const statsRevenue = z.array(z.object({ currency: z.string(), amount: z.int() }));

const figures = {
  /** Sessions opened through the link (its redirect and the widget's JSON endpoint). */
  sessions: z.int(),
  /** Of those, the ones that became an order or a subscription. */
  succeeded: z.int(),
  /** What those orders and subscriptions charged (their `total_amount`). */
  revenue: statsRevenue,
};

export const linkStatsTotals = z.object({
  ...figures,
  /** `succeeded / sessions`, 0 without sessions. */
  conversion_rate: z.number(),
});

export const linkStatsBreakdownRow = z.object({ value: z.string(), ...figures });

/**
 * A link's funnel over `from`..`to`. Every figure belongs to the UTC day its
 * session opened (a sale counts on the day of its visit), so a day's
 * `succeeded` is always part of that day's `sessions`.
 */
export const linkStats = z.object({
  checkout_link_id: id,
  from: statsDate,
  to: statsDate,
  totals: linkStatsTotals,
  /** One entry per day of the range, in order, days without sessions included. */
  series: z.array(z.object({ date: statsDate, ...figures })),
  /** Per metadata key, the 20 values with the most sessions (sessions without the key are not listed). */
  breakdown: z.object(
    Object.fromEntries(STATS_DIMENSIONS.map((d) => [d, z.array(linkStatsBreakdownRow)])) as Record<
      StatsDimension,
      z.ZodArray<typeof linkStatsBreakdownRow>
    >,
  ),
});
export type LinkStats = z.infer<typeof linkStats>;

/** Every link's totals over one range: the Checkout Links list. */
export const linkStatsSummary = z.object({
  from: statsDate,
  to: statsDate,
  /** One entry per link of the organization (deleted ones left out), links without sessions included. */
  items: z.array(z.object({ checkout_link_id: id, ...linkStatsTotals.shape })),
});
export type LinkStatsSummary = z.infer<typeof linkStatsSummary>;

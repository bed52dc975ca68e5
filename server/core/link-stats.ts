import {
  type LinkStats,
  type LinkStatsQuery,
  type LinkStatsSummary,
  STATS_DIMENSIONS,
  type StatsDimension,
} from '../../src/shared/schemas/index.ts';
import type { CoreContext } from './context.ts';
import { invalid, notFound } from './errors.ts';
import { sessionFacts } from './link-stats-facts.ts';
import { TOTAL } from './link-stats-rollups.ts';

const DAY_MS = 86_400_000;
/** The longest range one request may ask for. */
export const MAX_STATS_DAYS = 366;
/** The default range, ending today. */
export const DEFAULT_STATS_DAYS = 30;
/** Breakdown rows per dimension. */
const TOP_VALUES = 20;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/** `from`..`to` as UTC days (both included), the last 30 days by default; a 422 when reversed or too long. */
export function statsRange(query: LinkStatsQuery, now: Date) {
  const to = query.to ?? dayOf(now.getTime());
  const from = query.from ?? dayOf(msOf(to) - (DEFAULT_STATS_DAYS - 1) * DAY_MS);
  const days = (msOf(to) - msOf(from)) / DAY_MS + 1;
  if (days < 1) throw invalid(['query', 'from'], 'must not be after to');
  if (days > MAX_STATS_DAYS) throw invalid(['query', 'to'], `the range must be at most ${MAX_STATS_DAYS} days`);
  return { from, to, days, start: `${from}T00:00:00.000Z`, end: `${dayOf(msOf(to) + DAY_MS)}T00:00:00.000Z` };
}

/**
 * Bounds on session ids for sessions created in [start, end): ids are
 * UUIDv7, whose text sorts by creation time, so the live query walks that
 * slice of the primary key instead of the whole table (sessions carry no
 * index on their link: one fewer write per click). A day either side covers
 * a clock that was moved (tests do), since `created_at` decides exactly.
 */
function idBounds(start: string, end: string): [string, string] {
  const floor = (ms: number) => {
    const hex = Math.max(0, ms).toString(16).padStart(12, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
  };
  return [floor(Date.parse(start) - DAY_MS), floor(Date.parse(end) + DAY_MS)];
}

type Revenue = Map<string, number>;
interface Figures {
  sessions: number;
  succeeded: number;
  revenue: Revenue;
}
const emptyFigures = (): Figures => ({ sessions: 0, succeeded: 0, revenue: new Map() });
const revenueList = (r: Revenue) =>
  [...r.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, amount]) => ({ currency, amount }));
const conversion = (f: Figures) => (f.sessions ? f.succeeded / f.sessions : 0);
const wire = (f: Figures) => ({ sessions: f.sessions, succeeded: f.succeeded, revenue: revenueList(f.revenue) });

/** Sessions of links, each with its order's or subscription's charge when it sold. */
const LIVE_SESSIONS = `SELECT s.created_at, s.metadata, COALESCE(o.currency, u.currency) AS currency,
    COALESCE(o.total_amount, u.total_amount) AS amount
  FROM checkout_sessions s
  LEFT JOIN orders o ON o.checkout_id = s.id
  LEFT JOIN subscriptions u ON u.checkout_id = s.id
  WHERE s.checkout_link_id = ? AND s.id >= ? AND s.id < ? AND s.created_at >= ? AND s.created_at < ?`;

/** A live session of a link, with its order's or subscription's charge when it sold. */
export interface LiveSessionRow {
  created_at: string;
  metadata: string;
  currency: string | null;
  amount: number | null;
}
/** A daily rollup row the sweep folded. */
export interface FoldedRow {
  day: string;
  dimension: string;
  value: string;
  sessions: number;
}

/**
 * A link's funnel from its rows: pure, so the MSW mocks answer from their
 * own sessions with the same arithmetic.
 */
export function buildLinkStats(
  linkId: string,
  range: ReturnType<typeof statsRange>,
  live: LiveSessionRow[],
  folded: FoldedRow[],
): LinkStats {
  const totals = emptyFigures();
  const series = new Map<string, Figures>();
  for (let i = 0; i < range.days; i++) series.set(dayOf(msOf(range.from) + i * DAY_MS), emptyFigures());
  const breakdown = new Map<StatsDimension, Map<string, Figures>>(STATS_DIMENSIONS.map((d) => [d, new Map()]));
  const valueFigures = (d: StatsDimension, value: string) => {
    const values = breakdown.get(d)!;
    const f = values.get(value) ?? emptyFigures();
    values.set(value, f);
    return f;
  };
  for (const row of live) {
    const { day, values } = sessionFacts(row);
    const inDay = series.get(day);
    if (!inDay) continue;
    const touched = [inDay, totals, ...Object.entries(values).map(([d, v]) => valueFigures(d as StatsDimension, v))];
    for (const f of touched) {
      f.sessions++;
      if (row.currency === null) continue;
      f.succeeded++;
      f.revenue.set(row.currency, (f.revenue.get(row.currency) ?? 0) + Number(row.amount));
    }
  }
  for (const row of folded) {
    const n = Number(row.sessions);
    if (row.dimension === TOTAL) {
      totals.sessions += n;
      series.get(row.day)!.sessions += n;
    } else if (breakdown.has(row.dimension as StatsDimension))
      valueFigures(row.dimension as StatsDimension, row.value).sessions += n;
  }
  const top = (values: Map<string, Figures>) =>
    [...values.entries()]
      .sort(
        ([va, a], [vb, b]) => b.sessions - a.sessions || b.succeeded - a.succeeded || (va < vb ? -1 : va > vb ? 1 : 0),
      )
      .slice(0, TOP_VALUES)
      .map(([value, f]) => ({ value, ...wire(f) }));
  return {
    checkout_link_id: linkId,
    from: range.from,
    to: range.to,
    totals: { ...wire(totals), conversion_rate: conversion(totals) },
    series: [...series.entries()].map(([date, f]) => ({ date, ...wire(f) })),
    breakdown: Object.fromEntries(STATS_DIMENSIONS.map((d) => [d, top(breakdown.get(d)!)])) as LinkStats['breakdown'],
  };
}

/**
 * A link's funnel over a range: the sessions the sweep already deleted come
 * from the daily rollups it folded them into, everything else (every sale
 * among them: paid sessions are never deleted) from the live rows.
 */
export async function getLinkStats(
  ctx: CoreContext,
  orgId: string,
  linkId: string,
  query: LinkStatsQuery,
): Promise<LinkStats> {
  const link = await ctx.db.get(
    'SELECT id FROM checkout_links WHERE id = ? AND organization_id = ? AND deleted_at IS NULL',
    [linkId, orgId],
  );
  if (!link) throw notFound('Checkout link');
  const range = statsRange(query, ctx.now());
  const [low, high] = idBounds(range.start, range.end);
  const live = await ctx.db.all<LiveSessionRow>(LIVE_SESSIONS, [linkId, low, high, range.start, range.end]);
  const folded = await ctx.db.all<FoldedRow>(
    'SELECT day, dimension, value, sessions FROM checkout_link_daily_sessions WHERE checkout_link_id = ? AND day >= ? AND day <= ?',
    [linkId, range.from, range.to],
  );
  return buildLinkStats(linkId, range, live, folded);
}

/** Every live link's totals over a range, for the Checkout Links list: three grouped queries, whatever the number of links. */
export async function getLinkStatsSummary(
  ctx: CoreContext,
  orgId: string,
  query: LinkStatsQuery,
): Promise<LinkStatsSummary> {
  const range = statsRange(query, ctx.now());
  const links = await ctx.db.all<{ id: string }>(
    'SELECT id FROM checkout_links WHERE organization_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id',
    [orgId],
  );
  const figures = new Map(links.map((l) => [l.id, emptyFigures()]));
  const [low, high] = idBounds(range.start, range.end);
  const live = await ctx.db.all<{
    link: string;
    currency: string | null;
    sessions: number;
    succeeded: number;
    amount: number | null;
  }>(
    `SELECT s.checkout_link_id AS link, COALESCE(o.currency, u.currency) AS currency, COUNT(*) AS sessions,
       COUNT(COALESCE(o.id, u.id)) AS succeeded, SUM(COALESCE(o.total_amount, u.total_amount)) AS amount
     FROM checkout_sessions s
     LEFT JOIN orders o ON o.checkout_id = s.id
     LEFT JOIN subscriptions u ON u.checkout_id = s.id
     WHERE s.organization_id = ? AND s.checkout_link_id IS NOT NULL AND s.id >= ? AND s.id < ? AND s.created_at >= ? AND s.created_at < ?
     GROUP BY s.checkout_link_id, COALESCE(o.currency, u.currency)`,
    [orgId, low, high, range.start, range.end],
  );
  for (const row of live) {
    const f = figures.get(row.link);
    if (!f) continue;
    f.sessions += Number(row.sessions);
    f.succeeded += Number(row.succeeded);
    if (row.currency !== null) f.revenue.set(row.currency, (f.revenue.get(row.currency) ?? 0) + Number(row.amount));
  }
  const folded = await ctx.db.all<{ link: string; sessions: number }>(
    `SELECT r.checkout_link_id AS link, SUM(r.sessions) AS sessions
     FROM checkout_link_daily_sessions r JOIN checkout_links l ON l.id = r.checkout_link_id
     WHERE l.organization_id = ? AND r.dimension = ? AND r.day >= ? AND r.day <= ?
     GROUP BY r.checkout_link_id`,
    [orgId, TOTAL, range.from, range.to],
  );
  for (const row of folded) {
    const f = figures.get(row.link);
    if (f) f.sessions += Number(row.sessions);
  }
  return {
    from: range.from,
    to: range.to,
    items: links.map((l) => {
      const f = figures.get(l.id)!;
      return { checkout_link_id: l.id, ...wire(f), conversion_rate: conversion(f) };
    }),
  };
}

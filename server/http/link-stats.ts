import { Hono } from 'hono';
import { linkStatsQuery } from '../../src/shared/schemas/index.ts';
import type { CoreContext } from '../core/context.ts';
import { getLinkStats, getLinkStatsSummary } from '../core/link-stats.ts';
import { type AuthVariables, requireToken } from './auth.ts';
import { idParam, org, query } from './route-input.ts';

/**
 * `/v1/checkout-links/stats` (every link's totals) and `/v1/checkout-links/{id}/stats`
 * (one link's funnel). Mounted ahead of the management routes, whose `{id}`
 * route would take `stats` for an id; the token check is per route, so the
 * other link routes do not run it twice.
 */
export function linkStatsRoutes(ctx: CoreContext) {
  const app = new Hono<{ Variables: AuthVariables }>();
  const auth = requireToken(ctx);
  app.get('/stats', auth, async (c) => c.json(await getLinkStatsSummary(ctx, org(c), query(c, linkStatsQuery))));
  app.get('/:id/stats', auth, async (c) =>
    c.json(await getLinkStats(ctx, org(c), idParam(c, 'Checkout link'), query(c, linkStatsQuery))),
  );
  return app;
}

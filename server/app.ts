import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { CoreContext } from './core/context.ts';
import { DomainError } from './core/errors.ts';
import type { Database } from './db/database.ts';
import { Assets } from './http/assets.ts';
import { TRUST_NONE, type TrustProxy } from './http/client-address.ts';
import { clientCheckoutRoutes } from './http/client-checkouts.ts';
import { type ErrorReply, errorResponse } from './http/errors.ts';
import { linkStatsRoutes } from './http/link-stats.ts';
import { loggedPath } from './http/logged-path.ts';
import { managementRoutes } from './http/management.ts';
import { buildOpenApi } from './http/openapi.ts';
import { pageRoutes } from './http/pages.ts';
import { publicLinkRoutes } from './http/public-links.ts';
import { RedirectRateLimit } from './http/rate-limit.ts';
import { SessionRateLimit } from './http/session-rate-limit.ts';
import { webhookRoutes } from './http/webhooks.ts';
import { logger } from './logger.ts';

export interface AppOptions {
  rateLimitPerMinute: number;
  /** Shared with the Node fast path of the redirect; by default one of its own at 600 a minute. */
  redirectRateLimit?: RedirectRateLimit;
  /** Shared with the Node fast path of the widget endpoint; by default one of its own at `rateLimitPerMinute`. */
  sessionRateLimit?: SessionRateLimit;
  /** Who may name the client's address (TRUST_PROXY); off when absent. */
  trustProxy?: TrustProxy;
  assets?: Assets;
}

/** Largest JSON body any endpoint accepts (a link with 50 metadata values fits easily). */
export const MAX_BODY_BYTES = 64 * 1024;

const HEALTH_TIMEOUT_MS = 2_000;

/** True when `SELECT 1` answers within `ms` (a database that hangs is as down as one that refuses). */
async function databaseAnswers(db: Database, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([db.get('SELECT 1 AS ok').then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Our own bug behind a 500, for the log: whichever path (Hono or a Node fast path) answered. */
export const reportRequestBug = (bug: Error, c: ErrorReply) =>
  logger.error({ err: bug, method: c.req.method, path: loggedPath(c.req.path) }, 'request failed');

/** The whole HTTP surface over one domain context. Tests call `app.request()` on it. */
export function createApp(ctx: CoreContext, db: Database, options: AppOptions) {
  const app = new Hono();
  app.onError((err, c) => errorResponse(err, c, reportRequestBug));
  app.notFound((c) =>
    c.json(
      {
        error: 'not_found',
        message: 'No such endpoint.',
        detail: [{ loc: ['path'], msg: `${c.req.method} ${c.req.path} does not exist` }],
      },
      404,
    ),
  );

  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      // The rest of a streamed body is not read: say the connection ends, so no client sends on it again.
      c.header('Connection', 'close');
      throw new DomainError(413, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`, [
        { loc: ['body'], msg: `must be at most ${MAX_BODY_BYTES} bytes` },
      ]);
    },
  });
  // Only requests that carry a body: reading `body` on a GET makes the Node
  // adapter build a full Request, a fifth of a link click's cost.
  app.use('/v1/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));

  const openapi = buildOpenApi(ctx.publicUrl);
  app.get('/v1/openapi.json', (c) => c.json(openapi));
  app.get('/health', async (c) => {
    await db.get('SELECT 1 AS ok');
    return c.json({ status: 'ok', engine: db.engine });
  });
  // For load balancers and orchestrators: only whether the database answers, in time.
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    const ok = await databaseAnswers(db, HEALTH_TIMEOUT_MS);
    return c.json({ status: ok ? 'ok' : 'unavailable' }, ok ? 200 : 503);
  });

  // Public routes first: the management API's token check covers the rest of /v1.
  app.route(
    '/v1/checkout-links',
    publicLinkRoutes(ctx, {
      sessionRateLimit:
        options.sessionRateLimit ??
        new SessionRateLimit(db, { bucket: 'sessions', perMinute: options.rateLimitPerMinute }),
      redirectRateLimit: options.redirectRateLimit ?? new RedirectRateLimit(db, 600),
      trustProxy: options.trustProxy ?? TRUST_NONE,
    }),
  );
  app.route('/v1/checkouts/client', clientCheckoutRoutes(ctx));
  app.route('/v1/webhooks', webhookRoutes(ctx));
  app.route('/v1/checkout-links', linkStatsRoutes(ctx));
  app.route('/v1', managementRoutes(ctx));
  app.route('/', pageRoutes(ctx, options.assets ?? new Assets()));
  app.get('/', (c) => c.redirect('/dashboard'));
  return app;
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { settleInterruptedConfirms } from './core/confirm.ts';
import { type CoreContext, createCoreContext } from './core/context.ts';
import { Mailer } from './core/mail/mailer.ts';
import { createMailTransport } from './core/mail/transport.ts';
import { sweepExpiredSessions } from './core/sweep.ts';
import { privateTargetsAllowed } from './core/webhooks/address-guard.ts';
import { WebhookDispatcher } from './core/webhooks/dispatcher.ts';
import { openDatabase } from './db/open-database.ts';
import { type DemoSeed, seedDemo } from './demo/seed.ts';
import { createDemoSite } from './demo-site.ts';
import { Assets } from './http/assets.ts';
import type { TrustProxy } from './http/client-address.ts';
import { closeGracefully } from './http/graceful-close.ts';
import { linkRedirectFastPath } from './http/link-redirect-fast-path.ts';
import { linkSessionsFastPath } from './http/link-sessions-fast-path.ts';
import { refuseOversizeBody } from './http/oversize-body.ts';
import { pruneRateLimits, RedirectRateLimit } from './http/rate-limit.ts';
import { logRequests } from './http/request-log.ts';
import { SessionRateLimit } from './http/session-rate-limit.ts';
import { logger, setLogLevel } from './logger.ts';

export interface RunningServer {
  url: string;
  demoUrl: string | null;
  ctx: CoreContext;
  demo: DemoSeed | null;
  /** Delivers the outbox's webhooks; `close` stops it, handing claimed work back. */
  webhooks: WebhookDispatcher;
  /** Sends the outbox's receipts (SMTP, or .eml files without SMTP_URL); `close` lets messages in flight finish. */
  mail: Mailer;
  /** Stops accepting, lets requests in flight finish (up to SHUTDOWN_TIMEOUT_SECONDS), then closes storage. */
  close(): Promise<void>;
}

type NodeBindings = HttpBindings | Http2Bindings;
type FastPath = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Serves `fetch` (Hono) as @hono/node-server's `serve` does; `fastPath`, once
 * set, sees each request first and passes on what it does not answer. Every
 * request is logged, whichever answers it.
 */
const listen = (
  fetch: (req: Request, env: NodeBindings) => Response | Promise<Response>,
  port: number,
  host: string,
  trust: TrustProxy,
  fastPath?: { current: FastPath | null },
) =>
  new Promise<Server>((resolve) => {
    const hono = getRequestListener(fetch, { hostname: host });
    const log = logRequests(trust);
    const server = createServer((req, res) => {
      log(req, res);
      if (refuseOversizeBody(req, res)) return;
      const fast = fastPath?.current;
      if (fast) fast(req, res, () => hono(req, res));
      else hono(req, res);
    });
    server.listen(port, host, () => resolve(server));
  });

/**
 * Opens storage, seeds the demo, and serves the API, the pages and (unless
 * its port is null) the demo merchant site on its own origin. Port 0 picks a
 * free one: tests start many.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  setLogLevel(config.logLevel);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    sqliteSynchronous: config.sqliteSynchronous,
    sqliteCheckpointMs: config.sqliteCheckpointMs,
  });
  const ctx = createCoreContext(db, config);

  // With port 0 the public URL is known only once bound: bind first, then fill it in.
  const app = {
    fetch: (_req: Request, _env: NodeBindings): Response | Promise<Response> =>
      new Response('starting', { status: 503 }),
  };
  const fastPath: { current: FastPath | null } = { current: null };
  const server = await listen((req, env) => app.fetch(req, env), config.port, config.host, config.trustProxy, fastPath);
  const port = (server.address() as AddressInfo).port;
  if (config.port === 0) ctx.publicUrl = `http://localhost:${port}`;
  const webhooks = new WebhookDispatcher(db, {
    ...config.webhooks,
    allowPrivate: privateTargetsAllowed(config.webhooks.allowPrivate, config.publicUrl),
    now: () => ctx.now(),
  });
  ctx.webhooks = webhooks;
  webhooks.start();
  const mail = new Mailer(db, createMailTransport({ ...config.mail }), { ...config.mail, now: () => ctx.now() });
  ctx.mail = mail;
  mail.start();

  let demoServer: Server | null = null;
  let demoUrl: string | null = null;
  const demoSite = {
    fetch: (_req: Request): Response | Promise<Response> => new Response('starting', { status: 503 }),
  };
  if (config.demoPort !== null && config.seedDemo) {
    demoServer = await listen((req) => demoSite.fetch(req), config.demoPort, config.host, config.trustProxy);
    demoUrl = `http://localhost:${(demoServer.address() as AddressInfo).port}`;
  }

  const demo = config.seedDemo
    ? await seedDemo(ctx, {
        embedOrigins: demoUrl ? [demoUrl, demoUrl.replace('localhost', '127.0.0.1')] : [],
        token: config.demoApiToken,
      })
    : null;
  const redirectRateLimit = new RedirectRateLimit(db, config.redirectRateLimitPerMinute);
  const sessionRateLimit = new SessionRateLimit(db, { bucket: 'sessions', perMinute: config.rateLimitPerMinute });
  const hono = createApp(ctx, db, {
    rateLimitPerMinute: config.rateLimitPerMinute,
    redirectRateLimit,
    sessionRateLimit,
    trustProxy: config.trustProxy,
    assets: new Assets(config.assetsDir),
  });
  // The Node request travels as Hono's env: the client address is read from its socket.
  app.fetch = (req, env) => hono.fetch(req, env);
  const redirectFast = linkRedirectFastPath(ctx, redirectRateLimit, config.trustProxy);
  const sessionsFast = linkSessionsFastPath(ctx, sessionRateLimit, config.trustProxy);
  fastPath.current = (req, res, next) => redirectFast(req, res, () => sessionsFast(req, res, next));
  if (demoUrl && demo)
    demoSite.fetch = createDemoSite({
      backendUrl: ctx.publicUrl,
      linkUrl: demo.linkUrl,
      productIds: demo.productIds,
      root: config.demoDir,
    }).fetch;

  const sweep = async () => {
    try {
      // Settled first: a crashed attempt reopened past its expiry then expires in the same sweep.
      await settleInterruptedConfirms(ctx);
      await sweepExpiredSessions(ctx, config.sessionRetentionSeconds);
      await pruneRateLimits(db);
    } catch (e) {
      logger.error({ err: e }, 'sweep failed');
    }
  };
  const timer = setInterval(sweep, config.sweepIntervalSeconds * 1000);
  timer.unref();

  return {
    url: `http://localhost:${port}`,
    demoUrl,
    ctx,
    demo,
    webhooks,
    mail,
    async close() {
      clearInterval(timer);
      sessionRateLimit.stop();
      // Event streams would hold the shutdown to its timeout: end them, their clients reconnect.
      ctx.events.close();
      await Promise.all([
        closeGracefully(server, config.shutdownTimeoutMs),
        demoServer && closeGracefully(demoServer, config.shutdownTimeoutMs),
      ]);
      // After the requests (a confirm finishing above may queue a delivery): claimed work is handed back.
      await Promise.all([webhooks.stop(), mail.stop()]);
      // Only now: a request finishing above may still write (its batched insert commits in close).
      await db.close();
    },
  };
}

import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_CHECKPOINT_MS } from './db/sqlite.ts';
import { parseTrustProxy } from './http/client-address.ts';
import { LOG_LEVELS } from './logger.ts';

/** Seconds before each retry of a failed delivery, as a comma list. */
const retrySchedule = (fallback: string) =>
  z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be a comma-separated list of seconds')
    .default(fallback)
    .transform((v) => v.split(',').map(Number));

/** An address alone (`receipts@shop.example`) or with a display name (`Shop <receipts@shop.example>`). */
const MAIL_ADDRESS = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: z.string().optional(),
  /** The built browser files the server answers (`/embed.js`, the pages): `npm run build` writes ./dist. */
  ASSETS_DIR: z.string().default('./dist'),
  /** The demo merchant site's pages. */
  DEMO_DIR: z.string().default('./demo'),
  CHECKOUT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 86_400)
    .default(86_400),
  /** Abandoned sessions are deleted this long after they expired. */
  SESSION_RETENTION_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(7 * 86_400),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(300),
  DEMO_API_TOKEN: z.string().min(16).optional(),
  /** Port of the demo merchant site (its own origin); `off` disables it. */
  DEMO_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]).optional(),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** How long a process may reuse what a link URL resolves to (other processes' edits show within this). */
  LINK_CACHE_MS: z.coerce.number().int().min(0).default(2_000),
  /** SQLite durability: FULL (an order system's choice) survives power cuts; NORMAL only process crashes. */
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('FULL'),
  /** How often a worker thread checkpoints SQLite's WAL, off the event loop. */
  SQLITE_CHECKPOINT_MS: z.coerce.number().int().min(10).default(DEFAULT_CHECKPOINT_MS),
  /**
   * How long a confirm may take before another request or the sweep settles it
   * as interrupted; longer than the payment processor's own timeout.
   */
  CONFIRM_LEASE_SECONDS: z.coerce.number().int().min(1).default(60),
  /** POSTs to a link's sessions endpoint per client address per minute. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Opens of a shared link (its redirect) per client address per minute: far above any person's clicks. */
  REDIRECT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /**
   * The reverse proxies in front: a number of hops, or their addresses and
   * subnets (comma-separated). Unset, X-Forwarded-* headers are ignored.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, c) => {
      try {
        return parseTrustProxy(v);
      } catch (e) {
        c.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    }),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** On SIGTERM, how long requests in flight may take to finish before their connections are cut. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).max(600).default(10),
  /** Lets webhook endpoints be private or loopback addresses (development); on by itself when PUBLIC_URL is loopback. */
  WEBHOOK_ALLOW_PRIVATE: z.enum(['0', '1']).default('0'),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Seconds before each retry of a failed webhook: about 10 attempts over a day by default. */
  WEBHOOK_RETRY_SCHEDULE_SECONDS: retrySchedule('10,60,300,1800,3600,7200,14400,28800,43200'),
  /** How often each process looks for webhook work queued elsewhere or due for a retry. */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(10).default(1_000),
  /**
   * The mail server receipts go through: `smtp://user:pass@host:587` (STARTTLS when offered) or
   * `smtps://…:465`. Unset, each message is written as an .eml file under DATA_DIR/outbox-mail/ instead.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'must be an smtp:// or smtps:// URL with a host')
    .optional(),
  /** The sender of receipts and merchant notices; by default no-reply at PUBLIC_URL's host. */
  MAIL_FROM: z.string().regex(MAIL_ADDRESS, 'must be an email address, optionally as "Name <address>"').optional(),
  /** Seconds before each retry of a receipt the mail server did not take: about a day by default. */
  MAIL_RETRY_SCHEDULE_SECONDS: retrySchedule('30,120,600,1800,3600,7200,14400,28800,43200'),
  /** Connection, greeting and idle timeout of one SMTP exchange. */
  MAIL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
  /** How often each process looks for mail queued elsewhere or due for a retry. */
  MAIL_POLL_MS: z.coerce.number().int().min(10).default(1_000),
});

export type Config = ReturnType<typeof loadConfig>;

/** A host a sender address can name: PUBLIC_URL's, unless it is an IP address or a bare name. */
function mailHost(publicUrl: string | undefined): string {
  const host = publicUrl ? new URL(publicUrl).hostname : 'localhost';
  return host.includes('.') && !/^[\d.]+$|^\[/.test(host) ? host : 'localhost';
}

/** Reads the environment once; a bad value stops the start with the variable's name. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env) {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const demoPort: number | null = e.DEMO_PORT === 'off' ? null : (e.DEMO_PORT ?? (e.PORT === 0 ? 0 : e.PORT + 1));
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    assetsDir: resolve(e.ASSETS_DIR),
    demoDir: resolve(e.DEMO_DIR),
    checkoutTtlSeconds: e.CHECKOUT_TTL_SECONDS,
    confirmLeaseSeconds: e.CONFIRM_LEASE_SECONDS,
    sessionRetentionSeconds: e.SESSION_RETENTION_SECONDS,
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    demoApiToken: e.DEMO_API_TOKEN,
    demoPort,
    seedDemo: e.SEED_DEMO === 'true',
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    redirectRateLimitPerMinute: e.REDIRECT_RATE_LIMIT_PER_MINUTE,
    linkCacheMs: e.LINK_CACHE_MS,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    sqliteCheckpointMs: e.SQLITE_CHECKPOINT_MS,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    webhooks: {
      allowPrivate: e.WEBHOOK_ALLOW_PRIVATE === '1',
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      retryScheduleSeconds: e.WEBHOOK_RETRY_SCHEDULE_SECONDS,
      pollMs: e.WEBHOOK_POLL_MS,
    },
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM ?? `checkout-link <no-reply@${mailHost(e.PUBLIC_URL)}>`,
      outboxDir: join(e.DATA_DIR, 'outbox-mail'),
      retryScheduleSeconds: e.MAIL_RETRY_SCHEDULE_SECONDS,
      timeoutMs: e.MAIL_TIMEOUT_MS,
      pollMs: e.MAIL_POLL_MS,
    },
  };
}

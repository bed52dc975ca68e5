import type { IncomingMessage } from 'node:http';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../core/errors.ts';
import type { Database } from '../db/database.ts';
import { incomingClientAddress, type TrustProxy } from './client-address.ts';

/**
 * Fixed-window limit per client address, counted in the database so that it
 * holds across processes sharing one PostgreSQL.
 */
export const rateLimit = (db: Database, options: { bucket: string; perMinute: number; trustProxy: TrustProxy }) =>
  createMiddleware<{ Bindings: { incoming?: IncomingMessage } }>(async function rateLimit(c, next) {
    // app.request() in tests has no socket.
    const incoming = c.env?.incoming;
    const address = incoming ? incomingClientAddress(incoming, options.trustProxy) : 'unknown';
    const window = Math.floor(Date.now() / 60_000);
    const row = await db.get<{ hits: number }>(
      `INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING hits`,
      [`${options.bucket}:${address}`, window],
    );
    const hits = Number(row?.hits ?? 1);
    c.header('RateLimit-Limit', String(options.perMinute));
    c.header('RateLimit-Remaining', String(Math.max(0, options.perMinute - hits)));
    if (hits > options.perMinute) {
      c.header('Retry-After', String(60 - (Math.floor(Date.now() / 1000) % 60)));
      throw new DomainError(
        429,
        'rate_limited',
        'Too many checkout sessions from this address. Try again in a minute.',
      );
    }
    await next();
  });

/** Old windows are dead weight: the sweep calls this. */
export async function pruneRateLimits(db: Database) {
  await db.run('DELETE FROM rate_limits WHERE window_start < ?', [Math.floor(Date.now() / 60_000) - 1]);
}

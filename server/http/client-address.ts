import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * The address a request is counted under by the rate limits: the peer of
 * the socket. The one place to teach about proxies in front of the server.
 * `app.request()` in tests has no socket: those all count as `unknown`.
 */
export function clientAddress(incoming: IncomingMessage | undefined): string {
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** The Node request under a Hono context (undefined under `app.request()`). */
export const incomingOf = (c: Context): IncomingMessage | undefined =>
  (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;

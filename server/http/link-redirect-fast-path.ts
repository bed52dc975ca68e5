import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreContext } from '../core/context.ts';
import { incomingClientAddress, type TrustProxy } from './client-address.ts';
import { previewKind } from './link-previews.ts';
import { LINK_REDIRECT_HEADERS, linkRedirectLocation, REDIRECT_VERDICT } from './public-links.ts';
import type { RedirectRateLimit } from './rate-limit.ts';

const PREFIX = '/v1/checkout-links/';
// A link secret as we issue them (cl_ + base64url): nothing for Hono to decode or normalize.
const PLAIN_SECRET = /^[A-Za-z0-9_-]+$/;
// The Host values @hono/node-server takes as they are (src/url.ts reValidHost); it checks any other one.
const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;

/**
 * The link redirect answered straight from Node's request listener, before
 * Hono: it is the one route hit on every click on a shared link, and the
 * Fetch adapter (a Request, a Response, then their translation back to Node)
 * costs more than the rest of the request. It runs the same domain code as
 * the Hono route (`linkRedirectLocation`) and sends the same headers.
 *
 * Only a person's successful redirect is answered here. Anything the plain
 * path cannot take as is (another method, a percent-encoded secret, a
 * fragment or backslash, an unusual Host), a preview fetcher or a prefetch,
 * an address over the rate limit, and every failure go to `next`, the Hono
 * app, whose route and one error handler answer them. The limit counts each
 * request once: its verdict rides along on the request. A failed attempt wrote
 * nothing (the session insert is all or nothing), so Hono trying again is
 * harmless: a missing or unavailable link answers from the link cache.
 */
export function linkRedirectFastPath(ctx: CoreContext, limit: RedirectRateLimit, trust: TrustProxy) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const plain = plainLinkRequest(req, 'GET', '/redirect');
    if (plain) req[REDIRECT_VERDICT] = limit.hit(incomingClientAddress(req, trust));
    if (!plain || !req[REDIRECT_VERDICT] || previewKind(req.method, req.headers)) next();
    else
      linkRedirectLocation(ctx, plain.secret, plain.query, req.headers['sec-fetch-dest'] === 'iframe').then(
        (location) => {
          res.writeHead(307, { ...LINK_REDIRECT_HEADERS, location });
          res.end();
        },
        () => next(),
      );
  };
}

/**
 * The secret and raw query of a `{method} /v1/checkout-links/{secret}{suffix}`
 * Hono would take verbatim, else null.
 */
export function plainLinkRequest(
  req: IncomingMessage,
  method: 'GET' | 'POST',
  suffix: '/redirect' | '/sessions',
): { secret: string; query: string } | null {
  const url = req.url ?? '';
  if (req.method !== method || !url.startsWith(PREFIX)) return null;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const secret = path.slice(PREFIX.length, path.length - suffix.length);
  const query = q === -1 ? '' : url.slice(q + 1);
  const plain =
    path.endsWith(suffix) &&
    PLAIN_SECRET.test(secret) &&
    !query.includes('#') &&
    !query.includes('\\') &&
    PLAIN_HOST.test(req.headers.host ?? '');
  return plain ? { secret, query } : null;
}

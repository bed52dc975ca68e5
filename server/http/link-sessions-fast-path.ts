import type { IncomingMessage, ServerResponse } from 'node:http';
import { reportRequestBug } from '../app.ts';
import type { CoreContext } from '../core/context.ts';
import { widgetErrorCard } from './card-words.ts';
import { incomingClientAddress, type TrustProxy } from './client-address.ts';
import { type ErrorReply, errorResponse, isJsonType, parseJsonBody } from './errors.ts';
import { plainLinkRequest } from './link-redirect-fast-path.ts';
import { widgetSession } from './public-links.ts';
import { rateLimited, rateLimitHeaders, type SessionRateLimit } from './session-rate-limit.ts';

/** What Hono's `cors({ origin: '*' })` adds to a POST (app: public-links.ts). */
const CORS_HEADERS = { 'access-control-allow-origin': '*' } as const;

/**
 * The widget's `POST /v1/checkout-links/{secret}/sessions`, answered straight
 * from Node's request listener, before Hono: it is what every click on a
 * widget calls, and the Fetch adapter costs more than the rest of the
 * request. It runs the Hono route's code (`widgetSession`, the same rate
 * limit and one error handler), so its answers are the route's.
 *
 * It takes only requests it can answer from start to end: a plain path and
 * Host, a JSON (or text/plain) body with a `Content-Length` (the oversize
 * check has seen it). Anything else goes to `next` before the limit counts
 * it or the body is read, and Hono answers it.
 */
export function linkSessionsFastPath(ctx: CoreContext, limit: SessionRateLimit, trust: TrustProxy) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const plain = plainLinkRequest(req, 'POST', '/sessions');
    if (!plain || req.headers['content-length'] === undefined || !isJsonType(req.headers['content-type'] ?? '', true))
      next();
    else void answer(ctx, limit, incomingClientAddress(req, trust), plain.secret, req, res);
  };
}

async function answer(
  ctx: CoreContext,
  limit: SessionRateLimit,
  address: string,
  secret: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  let headers: Record<string, string> = { ...CORS_HEADERS };
  let json: unknown;
  const acceptLanguage = req.headers['accept-language'];
  try {
    const allowed = await limit.hit(address);
    headers = { ...headers, ...rateLimitHeaders(limit, address, allowed) };
    if (!allowed) throw rateLimited();
    json = parseJsonBody(await readBody(req));
    const body = await widgetSession(ctx, secret, json, acceptLanguage);
    res.writeHead(201, { ...headers, 'cache-control': 'no-store', 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  } catch (e) {
    const card = widgetErrorCard(e as Error, json, acceptLanguage);
    const reply: ErrorReply = {
      req: { method: 'POST', path: (req.url ?? '').split('?')[0]! },
      json: (payload, status) => Response.json({ ...(payload as object), card }, { status }),
    };
    const response = errorResponse(e as Error, reply, reportRequestBug);
    // An error before the body was read (the limit): read it anyway, so the connection can carry the next request.
    req.resume();
    res.writeHead(response.status, { ...headers, 'content-type': 'application/json' });
    res.end(await response.text());
  }
}

/** The whole body as text, decoded as `Request.text()` does (UTF-8, a leading BOM dropped). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(new TextDecoder().decode(Buffer.concat(chunks))));
    req.once('error', reject);
  });
}

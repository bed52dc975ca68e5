import { type Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import { sessionPrefill } from '../../src/shared/schemas/index.ts';
import { linkUrl } from '../core/checkout-links.ts';
import type { CoreContext } from '../core/context.ts';
import { DomainError, LinkUnavailableError } from '../core/errors.ts';
import { createSessionFromLink, servingLink } from '../core/link-sessions.ts';
import { embedPageUrl, prefillFromJson, prefillFromQuery } from '../core/prefill.ts';
import { cardWords, widgetErrorCard, widgetLocale } from './card-words.ts';
import { contextClientAddress, incomingOf, type TrustProxy } from './client-address.ts';
import { parseWith, readJson } from './errors.ts';
import { type PreviewKind, previewKind, renderLinkPreview } from './link-previews.ts';
import { requestLocale } from './page-locale.ts';
import { backUrlFrom, type ProblemCode, type ProblemContext, renderLinkProblemPage } from './problem-page.ts';
import type { RedirectRateLimit } from './rate-limit.ts';
import { setPageSecurityHeaders } from './security-headers.ts';
import { rateLimit, type SessionRateLimit } from './session-rate-limit.ts';

/** A readable page for a link that cannot open a checkout, with the headers of every HTML page. */
const linkProblemPage = (c: Context, code: ProblemCode, status: 404 | 410 | 429, context: ProblemContext) => {
  setPageSecurityHeaders(c);
  c.header('Cache-Control', 'no-store');
  return c.html(renderLinkProblemPage(code, { locale: requestLocale(c) ?? undefined, ...context }), status);
};

/**
 * Set by the Node fast path on a request it counted against the redirect
 * limit and then passed on: the verdict, so the Hono route does not count it twice.
 */
export const REDIRECT_VERDICT = Symbol('redirect rate limit verdict');

declare module 'node:http' {
  interface IncomingMessage {
    [REDIRECT_VERDICT]?: boolean;
  }
}

/** Headers of the link redirect besides `Location`: never cached, and the session's URL is not leaked onward. */
export const LINK_REDIRECT_HEADERS = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } as const;

/**
 * Opens a session for a click on a checkout link and answers where to send
 * the person: the session's page, with the page parameters of `rawQuery`
 * passed on. `framed` (the browser's `Sec-Fetch-Dest: iframe`): the link is
 * loaded in a frame, so its query may ask for the embedded page for an origin
 * the organization allows, which is where it then goes. Shared by the Hono
 * route and the Node fast path (`link-redirect-fast-path.ts`), so both
 * answer the same `Location`.
 */
export async function linkRedirectLocation(
  ctx: CoreContext,
  secret: string,
  rawQuery: string,
  framed = false,
): Promise<string> {
  const { created, pageParams } = await createSessionFromLink(
    ctx,
    secret,
    prefillFromQuery(new URLSearchParams(rawQuery)),
    framed ? 'frame' : 'query',
  );
  const passOn = new URLSearchParams(pageParams).toString();
  const location =
    (framed && embedPageUrl(created.url, pageParams)) || (passOn ? `${created.url}?${passOn}` : created.url);
  // As Hono's c.redirect does: a header value must be Latin-1 (only a non-ASCII PUBLIC_URL could break that).
  return /[\u0100-\uFFFF]/.test(location) ? encodeURI(location) : location;
}

/**
 * Opens a session for the widget from a link's secret and the JSON body it
 * sent: the 201's body, with the overlay card's words in the checkout's
 * language (`acceptLanguage`: the request's header). Shared by the Hono route
 * and the Node fast path (`link-sessions-fast-path.ts`), so both answer the same.
 */
export async function widgetSession(ctx: CoreContext, secret: string, body: unknown, acceptLanguage?: string) {
  const raw = prefillFromJson(parseWith(sessionPrefill, body, 'body'));
  const { created, pageParams, defaultLocale } = await createSessionFromLink(ctx, secret, raw, 'json');
  return {
    ...created,
    // Framed on purpose: the redirect frames only a request the browser made for an iframe.
    embed_url: embedPageUrl(created.url, pageParams),
    card: cardWords(widgetLocale(raw.locale, acceptLanguage, defaultLocale)),
  };
}

/**
 * The page the person came from, as its origin only (the rest of a referrer
 * is none of our business), unless it is this server (a reload is no way back).
 */
export function refererOrigin(referer: string | undefined, self: string): string | null {
  if (!referer) return null;
  try {
    const origin = new URL(referer).origin;
    return origin === new URL(self).origin ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The public endpoints of a checkout link. The redirect is what people
 * share; the JSON endpoint is what the widget calls (CORS open by design:
 * the link's secret is public, a session is cheap and rate-limited).
 */
export function publicLinkRoutes(
  ctx: CoreContext,
  options: { sessionRateLimit: SessionRateLimit; redirectRateLimit: RedirectRateLimit; trustProxy: TrustProxy },
) {
  const app = new Hono();

  app.get('/:secret/redirect', async (c) => {
    const secret = c.req.param('secret');
    const incoming = incomingOf(c);
    // The Node fast path may have counted this request already before passing it on.
    const verdict =
      incoming?.[REDIRECT_VERDICT] ?? options.redirectRateLimit.hit(contextClientAddress(c, options.trustProxy));
    try {
      if (!verdict) {
        c.header('Retry-After', String(options.redirectRateLimit.retryAfter()));
        return linkProblemPage(c, 'rate_limited', 429, {
          backUrl: refererOrigin(c.req.header('referer'), c.req.url),
        });
      }
      const preview = previewKind(c.req.method, c.req.header());
      if (preview) return await answerWithoutSession(c, secret, preview);
      // The hot path of every shared link: parse only the query, not a whole URL.
      const raw = c.req.url;
      const q = raw.indexOf('?');
      const location = await linkRedirectLocation(
        ctx,
        secret,
        q === -1 ? '' : raw.slice(q + 1),
        c.req.header('sec-fetch-dest') === 'iframe',
      );
      for (const [name, value] of Object.entries(LINK_REDIRECT_HEADERS)) c.header(name, value);
      return c.redirect(location, 307);
    } catch (e) {
      // People open this URL: answer a page they can read, with the right status.
      if (e instanceof DomainError && (e.code === 'link_not_found' || e.code === 'link_unavailable')) {
        const known = e instanceof LinkUnavailableError ? e : null;
        return linkProblemPage(c, e.code, e.status as 404, {
          sellerName: known?.sellerName,
          reason: known?.reason,
          message: known?.sentence,
          backUrl: backUrlFrom(known?.returnUrl, refererOrigin(c.req.header('referer'), c.req.url)),
        });
      }
      throw e;
    }
  });

  /** HEAD, a prefetch or a preview fetcher: the link's state, and for a preview its card; never a session. */
  const answerWithoutSession = async (c: Context, secret: string, kind: PreviewKind) => {
    const resolved = await servingLink(ctx, secret);
    // The same URL redirects people: no cache may keep this answer for them.
    c.header('Cache-Control', 'no-store');
    c.header('Vary', 'User-Agent, Sec-Purpose, Purpose');
    // Declining a prefetch the usual way: the browser then fetches for real when the link is followed.
    if (kind === 'prefetch') return c.body(null, 503);
    setPageSecurityHeaders(c);
    if (kind === 'head') return c.body(null, 200, { 'Content-Type': 'text/html; charset=UTF-8' });
    return c.html(renderLinkPreview(resolved, linkUrl(ctx, secret)));
  };

  app.use(
    '/:secret/sessions',
    cors({ origin: '*', allowMethods: ['POST', 'OPTIONS'], allowHeaders: ['Content-Type'], maxAge: 86_400 }),
  );
  /** The bodies the route read, so an error's card can follow their `locale`. */
  const bodies = new WeakMap<Request, unknown>();
  app.post(
    '/:secret/sessions',
    async (c, next) => {
      await next();
      if (c.error && c.res.headers.get('content-type')?.startsWith('application/json')) {
        const card = widgetErrorCard(c.error, bodies.get(c.req.raw), c.req.header('accept-language'));
        c.res = new Response(JSON.stringify({ ...(await c.res.json()), card }), c.res);
      }
    },
    rateLimit(options.sessionRateLimit, options.trustProxy),
    async (c) => {
      const json = await readJson(c, { textPlain: true });
      bodies.set(c.req.raw, json);
      const body = await widgetSession(ctx, c.req.param('secret'), json, c.req.header('accept-language'));
      c.header('Cache-Control', 'no-store');
      return c.json(body, 201);
    },
  );
  return app;
}

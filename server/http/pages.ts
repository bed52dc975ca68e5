import { Hono } from 'hono';
import { html } from 'hono/html';
import { VIEW_OF_STATUS } from '../../src/checkout-page/draft.ts';
import { VIEW_NEEDS, viewsNeeded } from '../../src/checkout-page/view-needs.ts';
import { DEFAULT_LOCALE } from '../../src/i18n/locales.ts';
import type { Organization } from '../../src/shared/schemas/index.ts';
import { isFixedTheme } from '../../src/shared/theme.ts';
import type { CoreContext } from '../core/context.ts';
import { getPublicCheckout } from '../core/customer-checkouts.ts';
import { DomainError } from '../core/errors.ts';
import { matchLocale } from '../core/locale-negotiation.ts';
import { getOrganization } from '../core/organizations.ts';
import { pageStrings, renderCheckoutPage } from '../pages/checkout-page-html.ts';
import type { Assets } from './assets.ts';
import { requestLocale } from './page-locale.ts';
import { renderLinkProblemPage } from './problem-page.ts';
import { refererOrigin } from './public-links.ts';
import { COMMON_SECURITY_HEADERS, pageCsp, setPageSecurityHeaders } from './security-headers.ts';

/** The brand mark (a rounded square in the dashboard's gradient), inline: no request, no 404. */
const DASHBOARD_ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Cdefs%3E%3ClinearGradient id='g' x2='1' y2='1'%3E%3Cstop stop-color='%234f46e5'/%3E%3Cstop offset='1' stop-color='%2306b6d4'/%3E%3C/linearGradient%3E%3C/defs%3E%3Crect width='32' height='32' rx='8' fill='url(%23g)'/%3E%3C/svg%3E";

/** The hosted checkout, the dashboard, and the browser bundles they and merchants' sites load. */
export function pageRoutes(ctx: CoreContext, assets: Assets) {
  const app = new Hono();
  /** The chunks of these views (and of the embedded bridge, when framed), to preload beside the script. */
  const lazyChunks = (views: string[], embedded: boolean) =>
    [...views, ...(embedded ? ['embedded'] : [])]
      .map((name) => assets.chunkUrl('pages', `checkout-${name}`))
      .filter((u): u is string => u !== null);

  // The widget's warm-up frames this on hover. A cross-site frame cannot use what the merchant's page
  // fetched (the HTTP cache is partitioned by site), so the checkout page's own files are fetched here,
  // inside a frame of this origin, and the checkout frame opened on click finds them cached. No UI and
  // no data: any site may frame it.
  app.get('/checkout/warm', (c) => {
    for (const [k, v] of Object.entries(COMMON_SECURITY_HEADERS)) c.header(k, v);
    c.header('Content-Security-Policy', "default-src 'none'; script-src 'self'; style-src 'self'; frame-ancestors *");
    c.header('Cache-Control', 'public, max-age=300');
    const style = assets.get('pages/checkout.css')
      ? html`<link rel="preload" as="style" href="${assets.url('pages/checkout.css')}">`
      : '';
    // Every lazy view too (about 9 kB gzip in all, cached a year): which link is clicked is not known yet.
    const chunks = [...assets.staticImports('pages/checkout.js'), ...lazyChunks(Object.keys(VIEW_NEEDS), true)].map(
      (u) => html`<link rel="modulepreload" href="${u}">`,
    );
    return c.html(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Checkout</title>
<link rel="modulepreload" href="${assets.url('pages/checkout.js')}">${chunks}${style}</head></html>`);
  });

  // The language switcher's answer: the page's words in another locale, so it re-renders in place.
  app.get('/checkout/:secret/strings', async (c) => {
    for (const [k, v] of Object.entries(COMMON_SECURITY_HEADERS)) c.header(k, v);
    c.header('Cache-Control', 'no-store');
    const checkout = await getPublicCheckout(ctx, c.req.param('secret'));
    return c.json(pageStrings(checkout, requestLocale(c) ?? DEFAULT_LOCALE));
  });

  app.get('/checkout/:secret', async (c) => {
    for (const [k, v] of Object.entries(COMMON_SECURITY_HEADERS)) c.header(k, v);
    c.header('Cache-Control', 'no-store');
    let checkout: Awaited<ReturnType<typeof getPublicCheckout>>;
    try {
      checkout = await getPublicCheckout(ctx, c.req.param('secret'));
    } catch (e) {
      if (e instanceof DomainError && e.status === 404) {
        setPageSecurityHeaders(c);
        const backUrl = refererOrigin(c.req.header('referer'), c.req.url);
        return c.html(
          renderLinkProblemPage('checkout_not_found', { backUrl, locale: requestLocale(c) ?? undefined }),
          404,
        );
      }
      throw e;
    }
    // `embed=true` too: embeds written for Polar's links send that.
    const asked = c.req.query('embed') === '1' || c.req.query('embed') === 'true';
    // The session remembers the origin it was created for; the query may name it again.
    const requested = c.req.query('embed_origin') ?? checkout.embed_origin;
    let embedOrigin: string | null = null;
    // The organization is read only when needed: to check a framing origin, or for its default language.
    let org: Organization | null = null;
    const organization = async () => (org ??= await getOrganization(ctx.db, checkout.organization.id));
    if (asked && requested && (await organization()).embed_origins.includes(requested)) embedOrigin = requested;
    const locale = requestLocale(c) ?? matchLocale((await organization()).default_locale) ?? DEFAULT_LOCALE;
    // Embedded (no back link, no redirect to success_url) only inside a frame an allowed origin may hold.
    const embedded = embedOrigin !== null;
    // Inline, the frame sits in the merchant's page: the system's dark mode is not the host's, so light unless told.
    const inline = embedded && c.req.query('embed_mode') === 'inline';
    const askedTheme = c.req.query('theme');
    const theme = isFixedTheme(askedTheme) ? askedTheme : inline && askedTheme !== 'auto' ? 'light' : null;
    setPageSecurityHeaders(c, embedOrigin);
    return c.html(
      renderCheckoutPage({
        checkout,
        // The same hashed URLs as /checkout/warm (the widget's warm-up) preloads.
        scriptUrl: assets.url('pages/checkout.js'),
        preloadUrls: [
          ...assets.staticImports('pages/checkout.js'),
          ...lazyChunks(viewsNeeded(checkout, VIEW_OF_STATUS[checkout.status]), embedded),
        ],
        styleUrl: assets.get('pages/checkout.css') ? assets.url('pages/checkout.css') : null,
        embedded,
        embedOrigin,
        theme,
        locale,
      }),
    );
  });

  app.get('/dashboard', (c) => {
    for (const [k, v] of Object.entries(COMMON_SECURITY_HEADERS)) c.header(k, v);
    c.header('Content-Security-Policy', pageCsp(null));
    c.header('Cache-Control', 'no-store');
    const style = assets.get('pages/dashboard.css') ? assets.url('pages/dashboard.css') : null;
    return c.html(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Dashboard · checkout-link</title>
<link rel="icon" href="${DASHBOARD_ICON}">
${style ? html`<link rel="stylesheet" href="${style}">` : ''}
<script type="module" src="${assets.url('pages/dashboard.js')}"></script>
</head>
<body><checkout-dashboard></checkout-dashboard></body>
</html>`);
  });
  app.get('/dashboard/', (c) => c.redirect('/dashboard', 301));

  // Hashed names are cached for a year, others briefly and revalidated by ETag. CORS: the widget prefetches them.
  app.get('/pages/:file{.+}', (c) =>
    assets.respond(c, `pages/${c.req.param('file')}`, { cors: true, stableMaxAge: 300 }),
  );
  // Merchants paste these URLs once, unversioned: short cache, revalidated by ETag; loaded cross-origin.
  app.get('/embed.js', (c) => assets.respond(c, 'embed.js', { cors: true, stableMaxAge: 300 }));
  // The snippet's frame runtime, a module it imports from beside itself on intent.
  app.get('/embed-frame.js', (c) => assets.respond(c, 'embed-frame.js', { cors: true, stableMaxAge: 300 }));
  app.get('/checkout-link.js', (c) => assets.respond(c, 'checkout-link.js', { cors: true, stableMaxAge: 300 }));
  app.get('/esm/:file{.+}', (c) => assets.respond(c, `esm/${c.req.param('file')}`, { cors: true, stableMaxAge: 300 }));
  return app;
}

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createDemoSite } from '../server/demo-site.ts';
import { DEMO_LINK_SECRET, DEMO_PRODUCTS } from './demo-data.ts';

/**
 * `npm run demo:mock`: the demo merchant site with no backend at all. Every
 * page gets the MSW worker first (mock-server/start-demo.ts), which answers
 * the widget's calls with the same handlers the browser tests use; the
 * snippet and element bundles come from dist/, the framed checkout is a
 * static mock page (demo/mock/checkout.html). Nothing is stored, payments
 * are simulated. PORT (default 3100) sets the port. Missing bundles are
 * built on start; `npm run demo:mock` also rebuilds the mock bundle each time.
 */
const port = Number(process.env.PORT ?? 3100);

const BUNDLES = {
  'dist/embed.js': 'embed',
  'dist/embed-frame.js': 'embed-frame',
  'dist/checkout-link.js': 'element',
  'dist/mock/start.js': 'demo-mock',
  'dist/mock/checkout.js': 'demo-mock',
};
const missing = [...new Set(Object.entries(BUNDLES).flatMap(([file, target]) => (existsSync(file) ? [] : [target])))];
if (missing.length) {
  console.log(`Building ${missing.join(', ')} (missing from dist/)…`);
  execFileSync(process.execPath, ['scripts/build.mjs', ...missing], { stdio: 'inherit' });
}

/**
 * The demo site for the origin a page was asked on (localhost or 127.0.0.1):
 * the pages, the worker's scope and the framed mock checkout must share it.
 */
const sites = new Map<string, ReturnType<typeof createDemoSite>>();
function siteFor(origin: string) {
  let site = sites.get(origin);
  if (!site) {
    site = createDemoSite({
      backendUrl: origin,
      linkUrl: `${origin}/v1/checkout-links/${DEMO_LINK_SECRET}/redirect`,
      productIds: { ebook: DEMO_PRODUCTS.ebook.id, support: DEMO_PRODUCTS.support.id, pro: DEMO_PRODUCTS.pro.id },
    });
    sites.set(origin, site);
  }
  return site;
}

const BANNER =
  '<p role="note" style="margin:0;padding:10px 16px;text-align:center;background:#fef3c7;color:#92400e;' +
  'font:14px/1.5 system-ui,sans-serif;border-bottom:1px solid #fcd34d">' +
  '<strong>No-backend mode: answers come from MSW mocks; payments are simulated.</strong> ' +
  'Add <code>?scenario=expired</code>, <code>linkNotFound</code>, <code>serverError</code>, ' +
  '<code>networkError</code> or <code>slow</code> to this page’s URL to see each fallback.</p>';

/**
 * The worker module goes first in <head>; the page's snippet and element
 * scripts are parked (`type="mock/deferred"`) and loaded by that module
 * once the worker answers, so no widget call can reach this server first.
 */
function withMocks(html: string, origin: string): string {
  const widget = new RegExp(`<script([^>]*?)\\ssrc="(${origin}/(?:embed|checkout-link)\\.js)"([^>]*)></script>`, 'g');
  return html
    .replace('<head>', '<head>\n    <script type="module" src="/__mock/start.js"></script>')
    .replace(/<body([^>]*)>/, `<body$1>${BANNER}`)
    .replace(widget, (_all, before: string, src: string, after: string) => {
      const module = /type="module"/.test(before + after) ? ' data-module' : '';
      return `<script type="mock/deferred" data-src="${src}"${module}></script>`;
    });
}

const js = (path: string) => () =>
  new Response(readFileSync(path), {
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' },
  });

const app = new Hono();
// MSW's worker must be served from the root, so its scope covers every page (and the framed mock checkout).
app.get('/mockServiceWorker.js', js('public/mockServiceWorker.js'));
app.get('/__mock/start.js', js('dist/mock/start.js'));
app.get('/mock/checkout.js', js('dist/mock/checkout.js'));
app.get('/embed.js', js('dist/embed.js'));
app.get('/embed-frame.js', js('dist/embed-frame.js'));
// The widget's warm-up frames the real checkout page's warm-up page; here the framed page is the mock.
app.get('/checkout/warm', (c) => c.body(null, 204));
app.get('/checkout-link.js', js('dist/checkout-link.js'));
// The link URL as a navigation (a plain click, or the widget's fallback), which MSW does not answer:
// the mock checkout page opens the session itself, with the prefill from the query.
// A fallback from a page showing a scenario carries it along (from the Referer), so the landing shows that failure too.
app.get('/v1/checkout-links/:secret/redirect', (c) => {
  const url = new URL(c.req.url);
  const query = url.searchParams;
  query.set('link', c.req.param('secret'));
  const referer = URL.parse(c.req.header('referer') ?? '');
  const scenario = referer?.origin === url.origin && referer.searchParams.get('scenario');
  if (scenario) query.set('scenario', scenario);
  return c.redirect(`/mock/checkout.html?${query}`, 307);
});
// Any other API call reached this server: the worker is not running in that page.
const WORKER_INACTIVE = 'No-backend demo: the MSW worker did not answer this call (service workers disabled?).';
app.all('/v1/*', (c) =>
  c.json(
    { error: 'mock_worker_inactive', message: WORKER_INACTIVE, detail: [{ loc: [], msg: WORKER_INACTIVE }] },
    503,
    { 'access-control-allow-origin': '*' },
  ),
);
app.get('/mock/checkout.html', (c) => c.html(readFileSync('demo/mock/checkout.html', 'utf8')));
app.get('*', async (c) => {
  const origin = new URL(c.req.url).origin;
  const res = await siteFor(origin).fetch(c.req.raw);
  if (!res.headers.get('content-type')?.startsWith('text/html')) return res;
  return c.html(withMocks(await res.text(), origin), res.status as 200);
});

serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => {
  console.log(
    `\n  Demo shop without a backend: http://localhost:${port}/\n  (answers come from MSW mocks in the browser; Ctrl+C stops)\n`,
  );
});

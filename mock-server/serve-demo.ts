import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createDemoSite } from '../server/demo-site.ts';

/**
 * `npm run demo:mock`: the demo merchant site with no backend at all. Every
 * page gets the MSW worker first (mock-server/start-demo.ts), which answers
 * the widget's calls with the same handlers the browser tests use; the
 * snippet and element bundles come from dist/, the framed checkout is a
 * static mock page. Nothing is stored, payments are simulated.
 */
const port = Number(process.env.PORT ?? 3100);
const origin = `http://localhost:${port}`;
const file = (path: string) => readFileSync(path);
const js = { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' };

const site = createDemoSite({
  backendUrl: origin,
  linkUrl: `${origin}/v1/checkout-links/cl_demo_no_backend/redirect`,
  productIds: { ebook: '', support: '', pro: '' },
});
const banner =
  '<p style="margin:0;padding:8px;text-align:center;background:#fef3c7;color:#92400e;font:14px system-ui">' +
  'No-backend mode: answers come from MSW mocks; payments are simulated. ' +
  'Try <code>?scenario=serverError</code> to see the fallback.</p>';

const app = new Hono();
app.get('/mockServiceWorker.js', (c) => c.body(file('public/mockServiceWorker.js'), 200, js));
app.get('/__mock/start.js', (c) => c.body(file('dist/mock/start.js'), 200, js));
app.get('/embed.js', (c) => c.body(file('dist/embed.js'), 200, js));
app.get('/checkout-link.js', (c) => c.body(file('dist/checkout-link.js'), 200, js));
app.get('/mock/checkout.html', (c) => c.html(file('demo/mock/checkout.html').toString()));
app.get('*', async (c) => {
  const res = await site.fetch(c.req.raw);
  if (!res.headers.get('content-type')?.startsWith('text/html')) return res;
  // The worker must be up before the widget's first request: its module goes first in <head>.
  const html = (await res.text())
    .replace('<head>', '<head><script type="module" src="/__mock/start.js"></script>')
    .replace(/<body([^>]*)>/, `<body$1>${banner}`);
  return c.html(html, res.status as 200);
});

serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => {
  console.log(
    `\n  Demo shop without a backend: ${origin}/\n  (build first: node scripts/build.mjs embed element demo-mock)\n`,
  );
});

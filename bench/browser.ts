import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium.mjs';
import { fmtBytes, fmtMs, median, pct, type Row } from './lib/report.ts';
import { spawnServer } from './lib/spawn-server.ts';

interface Info {
  url: string;
  linkUrl: string;
  /** Origin of the merchant pages (a real loopback server: Chromium blocks routed pages from framing localhost). */
  demoUrl: string;
}

/** Serves the bench's merchant pages and Polar's script from a real loopback origin. */
async function startShop(
  pagesFor: (origin: string) => Record<string, string>,
): Promise<{ origin: string; server: Server }> {
  let bodies: Record<string, string> = {};
  const server = createServer((req, res) => {
    const name = (req.url ?? '').split('?')[0]!.slice(1);
    if (name === '__polar/embed.global.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(POLAR_SCRIPT);
      return;
    }
    const body = bodies[name.replace(/\.html$/, '')];
    if (body) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  // Another site than the backend (localhost), as a merchant's shop is: the HTTP cache is partitioned by
  // site, so a same-site shop would flatter any warm-up that fetches from the merchant's page.
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  bodies = pagesFor(origin);
  return { origin, server };
}

/** Set by bench/servers/our-server.ts as the demo organization's token. */
const BENCH_TOKEN = 'bench_token_0123456789abcdef';

const POLAR_SCRIPT = readFileSync('node_modules/@polar-sh/checkout/dist/embed.global.js', 'utf8');

/** The merchant pages under test: identical but for the embed. */
function pages(info: Info) {
  // The link's URL on the backend's public origin (localhost), as the seed printed it.
  const link = info.linkUrl.replace('127.0.0.1', 'localhost');
  const button = (attrs: string) =>
    `<a id="buy" href="${link}" ${attrs} style="display:inline-block;padding:12px 20px;margin:40px">Buy</a>`;
  const doc = (head: string, body: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>${head}</head><body><h1>Shop</h1>${body}</body></html>`;
  return {
    empty: doc('', button('')),
    snippet: doc(`<script src="${info.url}/embed.js" defer></script>`, button(`data-checkout-link="${link}"`)),
    element: doc(
      `<script type="module" src="${info.url}/checkout-link.js"></script>`,
      `<checkout-link id="buy" href="${link}">Buy</checkout-link>`,
    ),
    polar: doc(
      `<script src="${info.demoUrl}/__polar/embed.global.js" defer data-auto-init></script>`,
      button('data-polar-checkout'),
    ),
    thousand: doc(
      `<script type="module" src="${info.url}/checkout-link.js"></script>` +
        // The reference anchors look like the element's button (card-styles.ts), so both lay out alike.
        '<style>.ref{display:inline-block;padding:10px 18px;margin:4px;border-radius:8px;background:#111827;color:#fff;font:600 15px/1.2 system-ui,sans-serif;text-decoration:none}</style>',
      '<div id="grid"></div>',
    ),
  };
}

type PageName = keyof ReturnType<typeof pages>;

async function openPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return { context, page, requests };
}

/**
 * Main-thread script time of the merchant page, from a Chromium trace: every
 * top-level script task (evaluation, module compile and evaluation, callbacks
 * such as Polar's DOMContentLoaded init, microtasks, timers) on the page's
 * renderer main thread, intervals merged so nothing counts twice. The pages
 * differ only by the embed, and the empty page's figure is subtracted.
 */
function scriptTimeFromTrace(trace: Buffer, pageUrl: string): number {
  type Ev = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: any };
  const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: Ev[] };
  const parse = traceEvents.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl);
  if (!parse) return Number.NaN;
  const names = new Set([
    'EvaluateScript',
    'v8.evaluateModule',
    'v8.compileModule',
    'v8.compile',
    'FunctionCall',
    'TimerFire',
    'RunMicrotasks',
    'EventDispatch',
  ]);
  const mine = traceEvents
    .filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.dur && names.has(e.name))
    .sort((x, y) => x.ts - y.ts);
  let total = 0;
  let end = 0;
  for (const e of mine) {
    const from = Math.max(e.ts, end);
    const to = e.ts + e.dur!;
    if (to > from) total += to - from;
    end = Math.max(end, to);
  }
  return total / 1000;
}

async function heapUsed(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function pageLoadCost(browser: Browser, info: Info, name: PageName, runs: number) {
  const script: number[] = [];
  const heap: number[] = [];
  let requestsBeyondScript = 0;
  for (let i = 0; i < runs; i++) {
    const { context, page, requests } = await openPage(browser);
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'],
    });
    await page.goto(`${info.demoUrl}/${name}.html`, { waitUntil: 'load' });
    await page.waitForTimeout(300); // let deferred work settle; no interaction
    const trace = await browser.stopTracing();
    script.push(scriptTimeFromTrace(trace, `${info.demoUrl}/${name}.html`));
    heap.push(await heapUsed(page));
    // The document and the embed script itself are expected; anything else is a request before interaction.
    requestsBeyondScript = Math.max(requestsBeyondScript, requests.length - (name === 'empty' ? 1 : 2));
    await context.close();
  }
  return { scriptMs: median(script), heap: median(heap), requests: requestsBeyondScript };
}

type ClickKind = 'cold' | 'tap' | 'hover';

/** Chromium's network emulation for the "real network" rows: a phone on a fair mobile link. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: 10_000_000 / 8, uploadThroughput: 5_000_000 / 8 };

/**
 * Sequential round trips among `requests` (epoch ms): a request is one trip
 * further than the latest one whose response had ended before it started.
 * An estimate of the critical path from outside: a request that merely came
 * later is counted as if it waited.
 */
function roundTrips(requests: { start: number; end: number }[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    depth[i] = 1 + Math.max(0, ...sorted.slice(0, i).map((o, j) => (o.end <= r.start ? depth[j]! : 0)));
  });
  return Math.max(0, ...depth);
}

/**
 * From the click (a real mouse click; for `tap`, a touch held about 80 ms,
 * as on a phone; for `hover`, a click after the pointer rested on the
 * button) to the checkout page ready in the overlay. With `network`, the
 * page runs under Chromium's network emulation (NETWORK) from its load on.
 */
async function clickToReady(
  browser: Browser,
  info: Info,
  name: 'snippet' | 'polar',
  kind: ClickKind,
  runs: number,
  network = false,
) {
  const times: number[] = [];
  const trips: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, hasTouch: kind === 'tap' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', NETWORK);
    }
    const finished: { start: number; end: number }[] = [];
    page.on('requestfinished', (r) => {
      const t = r.timing();
      if (t.responseEnd >= 0) finished.push({ start: t.startTime, end: t.startTime + t.responseEnd });
    });
    await page.goto(`${info.demoUrl}/${name}.html`, { waitUntil: 'load' });
    await page.waitForTimeout(network ? 600 : 200);
    await page.evaluate((kind) => {
      const w = window as unknown as { __t0: number; __ready: Promise<number> };
      addEventListener('click', (e) => (w.__t0 = e.timeStamp), { capture: true });
      w.__ready = new Promise<number>((resolve) => {
        if (kind === 'snippet') addEventListener('checkout-link:loaded', () => resolve(performance.now()));
        // Polar listens only to its own origins, so its ready point is the frame's load event.
        else
          new MutationObserver((records) => {
            for (const r of records)
              for (const n of r.addedNodes)
                if (n instanceof HTMLIFrameElement)
                  n.addEventListener('load', () => resolve(performance.now()), { once: true });
          }).observe(document.body, { childList: true });
      });
    }, name);
    const box = (await page.locator('#buy').boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    if (kind === 'hover') {
      await page.mouse.move(x, y); // intent: hover warms up the connection and the page's assets
      await page.waitForTimeout(network ? 600 : 400);
    }
    if (kind === 'tap') {
      // No hover on a phone: the touch itself (pointerover, pointerdown) is the only head start.
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await page.waitForTimeout(80);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } else await page.mouse.click(x, y);
    // A navigation away (the widget's fallback) counts as a failed run, not a crash.
    const span = await page
      .evaluate(async () => {
        const w = window as unknown as { __t0: number; __ready: Promise<number> };
        const t1 = await Promise.race([w.__ready, new Promise<number>((r) => setTimeout(() => r(Number.NaN), 15_000))]);
        return { ms: t1 - w.__t0, from: performance.timeOrigin + w.__t0, to: performance.timeOrigin + t1 };
      })
      .catch((e: Error) => {
        if (process.env.BENCH_DEBUG)
          console.error(`[bench] ${name} ${kind} run ${i} failed: ${e.message}; now at ${page.url()}`);
        return { ms: Number.NaN, from: 0, to: 0 };
      });
    if (!Number.isNaN(span.ms)) {
      times.push(span.ms);
      // The requests the click caused: started after it (the touch, for a tap), answered by the time the page was ready.
      const after = finished.filter((r) => r.start >= span.from - (kind === 'tap' ? 120 : 1) && r.end <= span.to + 1);
      trips.push(roundTrips(after));
      counts.push(after.length);
    }
    await context.close();
  }
  return {
    median: times.length ? median(times) : Number.NaN,
    ok: times.length,
    trips: median(trips),
    requests: median(counts),
  };
}

/** The stated ratio for 1,000 elements: at most this many times 1,000 plain styled anchors in the same run. */
const THOUSAND_RATIO = 10;

/**
 * 1,000 elements inserted at once, to their first frame, beside the
 * reference: 1,000 plain anchors with a button's styles on the same page,
 * which is what the browser alone costs for as many buttons.
 */
async function thousandElements(browser: Browser, info: Info, runs: number) {
  const times: number[] = [];
  const anchors: number[] = [];
  let requests = 0;
  for (let i = 0; i < runs; i++) {
    const { context, page, requests: seen } = await openPage(browser);
    await page.goto(`${info.demoUrl}/thousand.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => customElements.get('checkout-link'));
    const before = seen.length;
    const link = info.linkUrl.replace('127.0.0.1', 'localhost');
    const ms = await page.evaluate(async (href) => {
      const grid = document.getElementById('grid')!;
      const t0 = performance.now();
      grid.innerHTML = Array.from(
        { length: 1000 },
        (_, i) => `<checkout-link href="${href}" amount="${500 + i}">Buy ${i}</checkout-link>`,
      ).join('');
      await Promise.all(
        [...grid.children].map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete),
      );
      await new Promise(requestAnimationFrame);
      return performance.now() - t0;
    }, link);
    await page.waitForTimeout(300);
    requests = Math.max(requests, seen.length - before);
    times.push(ms);
    anchors.push(
      await page.evaluate(async (href) => {
        const grid = document.getElementById('grid')!;
        grid.innerHTML = '';
        await new Promise(requestAnimationFrame);
        const t0 = performance.now();
        grid.innerHTML = Array.from({ length: 1000 }, (_, i) => `<a class="ref" href="${href}">Buy ${i}</a>`).join('');
        await new Promise(requestAnimationFrame);
        return performance.now() - t0;
      }, link),
    );
    await context.close();
  }
  return { median: median(times), anchors: median(anchors), requests };
}

/**
 * `options.all`: every browser row, else only the click rows
 * (`npm run bench -- --only=click`); `options.network`: the click rows under
 * network emulation too (`--only=network` for those alone).
 */
export async function benchBrowser(runs: number, options: { all: boolean; network: boolean }): Promise<Row[]> {
  const rows: Row[] = [];
  const server = await spawnServer<Info>('bench/servers/our-server.ts');
  const shop = await startShop((origin) => pages({ ...server.info, demoUrl: origin }));
  const info: Info = { ...server.info, demoUrl: shop.origin };
  // The shop's origin may frame the checkout, as a merchant would set it up.
  await fetch(`${info.url}/v1/organizations/current`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ embed_origins: [shop.origin] }),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  // The checkout frame in the page's own process: network emulation set on the page then covers the frame too.
  const emulated = options.network
    ? await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [
          ...CHROMIUM_ARGS,
          '--disable-site-isolation-trials',
          '--disable-features=IsolateOrigins,site-per-process',
        ],
      })
    : null;
  try {
    if (options.all) rows.push(...(await pageLoadRows(browser, info, runs)));
    if (options.all || !emulated) rows.push(...(await clickRows(browser, info, runs, false)));
    if (emulated) rows.push(...(await clickRows(emulated, info, Math.max(3, Math.round(runs / 2)), true)));
    if (options.all) {
      const many = await thousandElements(browser, info, Math.max(3, Math.round(runs / 3)));
      rows.push({
        section: 'Growth',
        what: '1,000 <checkout-link> elements rendered (to the first frame after insertion)',
        value: `${fmtMs(many.median)}, ${many.requests} requests`,
        reference: `1,000 styled <a> ${fmtMs(many.anchors)}`,
        ratio: `${(many.median / many.anchors).toFixed(1)} ×`,
        budget: `≤ ${THOUSAND_RATIO} × the anchors, no request`,
        pass: many.median <= many.anchors * THOUSAND_RATIO && many.requests === 0,
      });
    }
  } finally {
    await browser.close();
    await emulated?.close();
    shop.server.close();
    await server.stop();
  }
  return rows;
}

async function pageLoadRows(browser: Browser, info: Info, runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  {
    const SECTION = `Page load, headless Chromium (median of ${runs} fresh loads)`;
    const empty = await pageLoadCost(browser, info, 'empty', runs);
    const polar = await pageLoadCost(browser, info, 'polar', runs);
    const snippet = await pageLoadCost(browser, info, 'snippet', runs);
    const element = await pageLoadCost(browser, info, 'element', runs);
    const net = (x: typeof empty) => Math.max(0, x.scriptMs - empty.scriptMs);
    rows.push({
      section: SECTION,
      what: "Polar's embed: script time (reference)",
      value: `${fmtMs(net(polar))}, heap +${fmtBytes(Math.max(0, polar.heap - empty.heap))}`,
    });
    rows.push({
      section: SECTION,
      what: 'embed.js: script time',
      value: `${fmtMs(net(snippet))}, heap +${fmtBytes(Math.max(0, snippet.heap - empty.heap))}`,
      reference: fmtMs(net(polar)),
      ratio: pct(net(snippet), net(polar)),
      budget: '≤ 1.2 × Polar',
      pass: net(snippet) <= net(polar) * 1.2,
    });
    rows.push({
      section: SECTION,
      what: 'embed.js: requests before any interaction (beyond itself)',
      value: String(snippet.requests),
      budget: 'none',
      pass: snippet.requests === 0,
    });
    rows.push({
      section: SECTION,
      what: '<checkout-link> bundle: script time',
      value: `${fmtMs(net(element))}, heap +${fmtBytes(Math.max(0, element.heap - empty.heap))}, requests beyond itself ${element.requests}`,
      reference: fmtMs(net(polar)),
      ratio: pct(net(element), net(polar)),
    });
  }
  return rows;
}

/** Budgets of SPEC section 8, as shares of Polar's time in the same run. */
const CLICK_BUDGET: Record<ClickKind, number> = { cold: 0.7, tap: 0.7, hover: 0.5 };
const KIND_LABEL: Record<ClickKind, string> = {
  cold: 'cold click (no hover first)',
  tap: 'tap (touch held ~80 ms, no hover)',
  hover: 'click after hover warm-up',
};

async function clickRows(browser: Browser, info: Info, runs: number, network: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const section = network
    ? `Click to checkout ready, network emulation 150 ms / 10 Mbit/s down / 5 up (median of ${runs})`
    : `Click to checkout ready in the overlay, loopback (median of ${runs})`;
  for (const kind of ['cold', 'tap', 'hover'] as const) {
    const polar = await clickToReady(browser, info, 'polar', kind, runs, network);
    const ours = await clickToReady(browser, info, 'snippet', kind, runs, network);
    const trips = (r: typeof ours) => `${r.trips} round trips, ${r.requests} requests after the click`;
    rows.push({
      section,
      what: `Polar's embed, ${KIND_LABEL[kind]}, opening the same checkout page (reference; iframe load)`,
      value: `${fmtMs(polar.median)} (${polar.ok}/${runs}; ${trips(polar)})`,
    });
    rows.push({
      section,
      what: `embed.js, ${KIND_LABEL[kind]} (session created, page says loaded)`,
      value: `${fmtMs(ours.median)} (${ours.ok}/${runs}; ${trips(ours)}${network ? '; the limit is 1' : ''})`,
      reference: `Polar ${fmtMs(polar.median)}`,
      ratio: pct(ours.median, polar.median),
      budget: `≤ ${CLICK_BUDGET[kind] * 100} % of Polar`,
      pass: ours.ok === runs && ours.median <= polar.median * CLICK_BUDGET[kind],
    });
  }
  return rows;
}

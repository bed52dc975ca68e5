/**
 * The demo's no-backend mode, in the browser: MSW answers every call the
 * widget makes to the (absent) backend, with the same handlers the browser
 * tests use. `?scenario=linkNotFound|expired|serverError|networkError|slow`
 * on any demo page shows that failure and the widget's fallback.
 *
 * The static server (mock-server/serve-demo.ts) puts this module first in
 * every page and parks the page's snippet and element scripts as
 * `<script type="mock/deferred">`: they are loaded here once the worker
 * answers, so even a call made on load (the inline checkout) reaches the mocks.
 */
import { delay, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { DEMO_DISCOUNTS, DEMO_PRODUCTS } from './demo-data.ts';
import { createHandlers, type MockOptions, type ScenarioName, scenarios } from './handlers.ts';

const options: MockOptions = {
  // MSW does not answer navigations, so the framed "checkout" is a static mock page of this server.
  checkoutPageUrl: (secret) => `${location.origin}/mock/checkout.html?secret=${encodeURIComponent(secret)}`,
  products: Object.values(DEMO_PRODUCTS),
  discounts: DEMO_DISCOUNTS,
  // As the seeded organization allows the demo site: the checkout may be framed here only.
  embedOrigins: [location.origin],
};
const worker = setupWorker(...createHandlers(options));

const scenario = new URLSearchParams(location.search).get('scenario');
if (scenario && scenario !== 'ok') {
  // `slow` delays only the session's creation: the real page arrives with its session inline, while the
  // mock page fetches it, and the widget wants `loaded` soon after the frame loads (its refused-frame check).
  if (scenario === 'slow')
    worker.use(
      http.post('*/v1/checkout-links/:secret/sessions', async () => {
        await delay(3_000); // then falls through to the `ok` handlers
      }),
    );
  else if (Object.hasOwn(scenarios, scenario))
    worker.use(...scenarios[scenario as Exclude<ScenarioName, 'ok' | 'slow'>]());
  else console.warn(`[demo:mock] Unknown scenario "${scenario}"; use one of: ${Object.keys(scenarios).join(', ')}.`);
}

let mock: 'ready' | 'unavailable' = 'ready';
try {
  await worker.start({
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
  });
} catch (error) {
  // Without a service worker (a private window, a browser setting) the widget's calls reach the
  // static server, which answers 503: the buttons fall back to the link URL.
  mock = 'unavailable';
  console.error('[demo:mock] The MSW worker could not start; the widget will fall back to the link URL.', error);
}

// The page's own widget scripts, in document order, now that the worker answers.
const loaded: Promise<unknown>[] = [];
for (const parked of document.querySelectorAll<HTMLScriptElement>('script[type="mock/deferred"]')) {
  const script = document.createElement('script');
  if (parked.dataset.module !== undefined) script.type = 'module';
  script.src = parked.dataset.src ?? '';
  script.async = false;
  loaded.push(
    new Promise((settle) => {
      script.onload = settle;
      script.onerror = settle;
    }),
  );
  parked.replaceWith(script);
}
// Said once the widget is wired too: a click before its script ran would do nothing (the tests wait for this).
await Promise.all(loaded);
document.documentElement.dataset.mock = mock;

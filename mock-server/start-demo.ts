/**
 * The demo's no-backend mode, in the browser: MSW answers every call the
 * widget makes to the (absent) backend, with the same handlers the browser
 * tests use. `?scenario=linkNotFound|expired|serverError|networkError|slow`
 * on any demo page shows that failure and the widget's fallback.
 */
import { setupWorker } from 'msw/browser';
import { createHandlers, type ScenarioName, scenarios } from './handlers.ts';

const worker = setupWorker(
  // MSW does not answer navigations, so the framed "checkout" is a static mock page of this server.
  ...createHandlers({ checkoutPageUrl: (secret) => `${location.origin}/mock/checkout.html?checkout_id=${secret}` }),
);
const scenario = new URLSearchParams(location.search).get('scenario') as ScenarioName | null;
if (scenario && scenario !== 'ok' && scenario in scenarios) worker.use(...(scenarios[scenario] as () => never[])());

await worker.start({
  quiet: true,
  serviceWorker: { url: '/mockServiceWorker.js' },
  onUnhandledRequest: 'bypass',
});
document.documentElement.dataset.mock = 'ready';

/**
 * The browser suites' one toolkit: the mocked backend (MSW) framing the fake
 * checkout page, recorders for sessions, navigations and events, and
 * waits that poll instead of sleeping.
 */
import { http } from 'msw';
import { startWorker, worker } from '../../mock-server/browser.ts';
import { type MockOptions, scenarios } from '../../mock-server/handlers.ts';
import { forgetSessions } from '../../src/widget/frame.ts';
import { setNavigate } from '../../src/widget/navigate.ts';

/** A checkout link URL on the test server's origin: the MSW worker answers it. */
export const LINK_URL = `${location.origin}/v1/checkout-links/cl_test_link/redirect`;
export const SESSIONS_PATH = '/v1/checkout-links/cl_test_link/sessions';
/** The shared stand-in for the hosted checkout page (posts `loaded`; tests call its `send`). */
export const FAKE_PAGE = '/test/browser/fixtures/fake-checkout.html';

let started: Promise<unknown> | undefined;

/** Starts the MSW worker once per test page; unhandled API requests fail loudly. */
export function startMocks() {
  started ??= startWorker();
  return started;
}

/**
 * The `ok` backend whose sessions frame the fake checkout page with
 * `behavior` (see fixtures/fake-checkout.html); `options` may frame another page.
 */
export function useFakeCheckout(behavior = 'ready', options: MockOptions = {}) {
  worker.use(
    ...scenarios.ok({
      checkoutPageUrl: (secret) =>
        `${location.origin}${FAKE_PAGE}?checkout_id=${secret}&behavior=${encodeURIComponent(behavior)}`,
      ...options,
    }),
  );
}

export interface RecordedRequest {
  url: string;
  body: Record<string, unknown>;
}

/** Records the requests to the sessions endpoint as they arrive; they still reach the mocks. */
export function captureSessions() {
  const requests: RecordedRequest[] = [];
  worker.use(
    // Answering nothing lets the request fall through to the handlers used before.
    http.post('*/v1/checkout-links/:secret/sessions', async ({ request }) => {
      requests.push({ url: request.url, body: (await request.clone().json()) as Record<string, unknown> });
    }),
  );
  return requests;
}

/**
 * The element suites' backend: the `ok` scenario framing the fake page as
 * checkout `co_test`, with `scenario` handlers in front; returns the sessions
 * requests. Call `resetMocks()` after each test.
 */
export async function useMockBackend(scenario: ReturnType<(typeof scenarios)[keyof typeof scenarios]> = []) {
  await startMocks();
  useFakeCheckout('ready', { checkoutPageUrl: () => `${location.origin}${FAKE_PAGE}?checkout_id=co_test` });
  // A later `use()` is tried first.
  worker.use(...scenario);
  return captureSessions();
}

/** Back to no handlers, and no session kept for reopening (each test starts afresh). */
export const resetMocks = () => {
  worker.resetHandlers();
  forgetSessions();
};

/** Replaces navigation with a recorder for the test; call the returned `restore` after. */
export function recordNavigations() {
  const urls: string[] = [];
  const restore = setNavigate((url) => urls.push(url));
  return { urls, restore };
}

const EVENT_NAMES = ['open', 'loaded', 'confirmed', 'success', 'close', 'error'];

/** Records every `checkout-link:*` event reaching the document, in order. */
export function recordEvents() {
  const events: CustomEvent[] = [];
  const listener = (event: Event) => events.push(event as CustomEvent);
  for (const name of EVENT_NAMES) document.addEventListener(`checkout-link:${name}`, listener);
  return {
    events,
    names: () => events.map((e) => e.type.replace('checkout-link:', '')),
    stop: () => {
      for (const name of EVENT_NAMES) document.removeEventListener(`checkout-link:${name}`, listener);
    },
  };
}

/** Resolves with the next `checkout-link:<name>` event heard on `target` (the document by default). */
export const nextEvent = <E extends Event = CustomEvent>(name: string, target: EventTarget = document) =>
  new Promise<E>((resolve) => target.addEventListener(`checkout-link:${name}`, (e) => resolve(e as E), { once: true }));

/** Waits until `check` holds, polling each animation frame (no fixed sleeps). */
export async function until(check: () => unknown, what: string, timeoutMs = 5000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(requestAnimationFrame);
  }
}

/** The first match of `selector` under `root` or inside any shadow root below it (the widget keeps its DOM in one). */
export const deepQuery = (root: ParentNode, selector: string): Element | null =>
  root.querySelector(selector) ??
  [...root.querySelectorAll('*')].map((e) => e.shadowRoot && deepQuery(e.shadowRoot, selector)).find(Boolean) ??
  null;

/** The overlay's dialog (inside its host's shadow root), if open. */
export const overlay = () =>
  document.querySelector('checkout-link-overlay')?.shadowRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
/** The overlay card's own close button (shown until the page is up). */
export const cardClose = () => overlay()?.querySelector<HTMLButtonElement>('div>button[aria-label=Close]') ?? null;
/** The card's action button (Try again) and its link to the checkout page. */
export const cardAction = () => overlay()?.querySelector<HTMLButtonElement>('span>button') ?? null;
export const cardLink = () => overlay()?.querySelector<HTMLAnchorElement>('span>a') ?? null;

/** What the fake checkout page exposes to tests: `send` posts an embed message to its parent. */
export type FakePageWindow = Window & { send(type: string, fields?: object): void };
export type FakeFrame = HTMLIFrameElement & { contentWindow: FakePageWindow };

/** The overlay's framed page's window, once the iframe is in the overlay. */
export const frameWindow = () => (overlay()?.querySelector('iframe')?.contentWindow ?? null) as FakePageWindow | null;

/** The framed fake page under `root` (the overlay's dialog by default), once it is loaded and can `send`. */
export async function framedPage(root: ParentNode = document, selector = 'dialog iframe'): Promise<FakeFrame> {
  const frame = () => deepQuery(root, selector) as FakeFrame | null;
  await until(() => frame()?.contentWindow?.send, `the fake checkout page in ${selector}`);
  return frame()!;
}

export { worker };

import { waitUntil } from '@open-wc/testing';
import { http } from 'msw';
import { startWorker, worker } from '../../../mock-server/browser.ts';
import { type MockOptions, scenarios } from '../../../mock-server/handlers.ts';
import { forgetSessions } from '../../../src/widget/frame.ts';
import { setNavigate } from '../../../src/widget/navigate.ts';

/** A checkout link URL on the test server's origin: the MSW worker answers it. */
export const LINK_URL = `${location.origin}/v1/checkout-links/cl_test_secret/redirect`;
export const SESSIONS_PATH = '/v1/checkout-links/cl_test_secret/sessions';
/** The shared stand-in for the hosted checkout page (posts `loaded`; tests call its `send`). */
export const FAKE_PAGE = '/test/browser/fixtures/fake-checkout.html';

let started: Promise<unknown> | undefined;

export interface RecordedRequest {
  url: string;
  body: Record<string, unknown>;
}

/**
 * Starts the mocked backend (once per test file) with the `ok` scenario, its
 * sessions framing the fake checkout page, or with `scenario` handlers put
 * in front. Returns the sessions requests as they arrive (they still reach
 * the mocks). Call `resetMocks()` after each test.
 */
export async function useMockBackend(scenario: ReturnType<(typeof scenarios)[keyof typeof scenarios]> = []) {
  started ??= startWorker();
  await started;
  const requests: RecordedRequest[] = [];
  const options: MockOptions = { checkoutPageUrl: () => `${location.origin}${FAKE_PAGE}?checkout_id=co_test` };
  // In one `use()` call the first handler listed is tried first.
  worker.use(
    // Answering nothing lets the request fall through to the handlers below.
    http.post('*/v1/checkout-links/:secret/sessions', async ({ request }) => {
      requests.push({ url: request.url, body: (await request.clone().json()) as Record<string, unknown> });
    }),
    ...scenario,
    ...scenarios.ok(options),
  );
  return requests;
}

/** Back to no handlers, and no session kept for reopening (each test starts afresh). */
export const resetMocks = () => {
  worker.resetHandlers();
  forgetSessions();
};

/** Captures the widget's navigations instead of leaving the test page. */
export function captureNavigation() {
  const urls: string[] = [];
  const restore = setNavigate((url) => urls.push(url));
  return { urls, restore };
}

/** Resolves with the next event of `type` heard on `target`. */
export const nextEvent = <E extends Event = CustomEvent>(target: EventTarget, type: string) =>
  new Promise<E>((resolve) => target.addEventListener(type, (e) => resolve(e as E), { once: true }));

/** What the fake checkout page exposes to tests. */
export interface FakePage {
  send(type: string, extra?: Record<string, unknown>): void;
}
type FakeFrame = HTMLIFrameElement & { contentWindow: Window & FakePage };

/** The first match of `selector` under `root` or inside any shadow root below it (the widget keeps its DOM in one). */
export const deepQuery = (root: ParentNode, selector: string): Element | null =>
  root.querySelector(selector) ??
  [...root.querySelectorAll('*')].map((e) => e.shadowRoot && deepQuery(e.shadowRoot, selector)).find(Boolean) ??
  null;

/** The framed checkout page under `root` (the overlay's dialog by default), once it exists. */
export async function framedPage(root: ParentNode = document, selector = 'dialog iframe'): Promise<FakeFrame> {
  await waitUntil(() => deepQuery(root, selector), `no ${selector} appeared`);
  return deepQuery(root, selector) as FakeFrame;
}

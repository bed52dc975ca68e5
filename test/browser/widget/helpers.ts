import { http } from 'msw';
import { worker } from '../../../mock-server/browser.ts';
import { scenarios } from '../../../mock-server/handlers.ts';
import { setNavigate } from '../../../src/widget/navigate.ts';

/** A link URL on the test server's origin: the MSW worker answers it. */
export const LINK_URL = `${location.origin}/v1/checkout-links/cl_test_link/redirect`;
export const FAKE_PAGE = `${location.origin}/test/browser/fixtures/fake-checkout.html`;

let started: Promise<unknown> | undefined;

/** Starts the MSW worker once per test page; unhandled API requests fail loudly. */
export function startMocks() {
  started ??= worker.start({
    quiet: true,
    onUnhandledRequest(request, print) {
      if (new URL(request.url).pathname.startsWith('/v1/')) print.error();
    },
  });
  return started;
}

/** The `ok` backend whose sessions frame the fake checkout page with `behavior`. */
export function useFakeCheckout(behavior = 'ready', extra: Parameters<typeof scenarios.ok>[0] = {}) {
  worker.use(
    ...scenarios.ok({
      checkoutPageUrl: (secret) => `${FAKE_PAGE}?checkout_id=${secret}&behavior=${encodeURIComponent(behavior)}`,
      ...extra,
    }),
  );
}

/** Captures the JSON bodies sent to the sessions endpoint (the request still reaches the mocks). */
export function captureSessionBodies() {
  const bodies: Record<string, unknown>[] = [];
  worker.use(
    http.post('*/v1/checkout-links/:secret/sessions', async ({ request }) => {
      bodies.push((await request.clone().json()) as Record<string, unknown>);
    }),
  );
  return bodies;
}

/** Replaces navigation with a recorder for the test; call the returned `restore` after. */
export function recordNavigations() {
  const urls: string[] = [];
  const restore = setNavigate((url) => urls.push(url));
  return { urls, restore };
}

/** Records every `checkout-link:*` event reaching the document, in order. */
export function recordEvents() {
  const events: CustomEvent[] = [];
  const types = ['open', 'loaded', 'confirmed', 'success', 'close', 'error'];
  const listener = (event: Event) => events.push(event as CustomEvent);
  for (const type of types) document.addEventListener(`checkout-link:${type}`, listener);
  return {
    events,
    names: () => events.map((e) => e.type.replace('checkout-link:', '')),
    stop: () => {
      for (const type of types) document.removeEventListener(`checkout-link:${type}`, listener);
    },
  };
}

/** Resolves with the next `checkout-link:<name>` event reaching the document. */
export const nextEvent = (name: string) =>
  new Promise<CustomEvent>((resolve) =>
    document.addEventListener(`checkout-link:${name}`, (e) => resolve(e as CustomEvent), { once: true }),
  );

/** The overlay's dialog (inside its host's shadow root), if open. */
export const overlay = () =>
  document.querySelector('checkout-link-overlay')?.shadowRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
/** The overlay card's own close button (shown until the page is up). */
export const cardClose = () => overlay()?.querySelector<HTMLButtonElement>('div>button[aria-label=Close]') ?? null;
/** The card's action button (Try again, Keep waiting) and its link to the checkout page. */
export const cardAction = () => overlay()?.querySelector<HTMLButtonElement>('span>button') ?? null;
export const cardLink = () => overlay()?.querySelector<HTMLAnchorElement>('span>a') ?? null;
/** The framed page's window, once the iframe is in the overlay. */
export const frameWindow = () =>
  (overlay()?.querySelector('iframe')?.contentWindow ?? null) as
    | (Window & { send(type: string, fields?: object): void })
    | null;

/** Waits until `check` holds, polling each animation frame (no fixed sleeps). */
export async function until(check: () => unknown, what: string, timeoutMs = 5000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(requestAnimationFrame);
  }
}

/** Waits until the framed fake page is loaded and can `send`. */
export async function framedPage() {
  await until(() => frameWindow()?.send, 'the framed fake checkout page');
  return frameWindow() as Window & { send(type: string, fields?: object): void };
}

export { worker };

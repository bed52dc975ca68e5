/**
 * The script-tag snippet (`dist/embed.js`): one `<script src="…/embed.js">`,
 * loaded with `defer`, `async` or late, turns every `data-checkout-link`
 * anchor or button into a buy button that opens the checkout overlay.
 *
 * Event delegation on the document (not a listener per element) covers
 * buttons added at any time; a MutationObserver only gives href-less
 * anchors their no-JS URL and notices the first `<checkout-link>`, which is
 * when the Lit element bundle gets loaded. Safe to load twice: the second
 * copy finds the page wired (shared state) and only fills in missing API members.
 */
import { buildPrefill, prefillFromAttributes, withPrefill } from '../widget/build-prefill.ts';
import { onCheckoutEvent } from '../widget/events.ts';
import { closeCheckout, type OpenCheckoutOptions, openCheckout } from '../widget/open-checkout.ts';
import { sharedState } from '../widget/shared-state.ts';
import { warmUp } from '../widget/warm-up.ts';

const ATTRIBUTE = 'data-checkout-link';
/** Read now: `currentScript` is only set while this script runs (the element bundle sits beside it). */
const scriptSrc = (document.currentScript as HTMLScriptElement | null)?.src || location.href;

/** The `window.CheckoutLink` API. */
export interface CheckoutLinkApi {
  /** Opens a checkout link (overlay by default); the promise settles on success, close or error. */
  open: typeof openCheckout;
  /** Closes the open overlay. */
  close: typeof closeCheckout;
  /** Listens to every `checkout-link:*` event on the page; returns the unsubscribe function. */
  on: typeof onCheckoutEvent;
}

declare global {
  interface Window {
    CheckoutLink?: Partial<CheckoutLinkApi>;
  }
}

const optionsFor = (el: HTMLElement): OpenCheckoutOptions => ({
  prefill: buildPrefill(prefillFromAttributes(el, 'data-'), undefined, location.search),
  mode: el.dataset.mode === 'redirect' ? 'redirect' : 'overlay',
  source: el,
});

/** The `data-checkout-link` element an event happened in, if any. */
const buyButton = (event: Event) => (event.target as Element).closest?.<HTMLElement>(`[${ATTRIBUTE}]`);
const linkOf = (el: Element) => el.getAttribute(ATTRIBUTE) as string;

let elementBundleRequested = false;

/** Gives href-less anchors their no-JS URL; loads the element bundle on the first `<checkout-link>`. */
function upgrade() {
  for (const a of document.querySelectorAll<HTMLAnchorElement>(`a[${ATTRIBUTE}]:not([href])`))
    a.href = withPrefill(linkOf(a), optionsFor(a).prefill as object);
  if (!elementBundleRequested && !customElements.get('checkout-link') && document.querySelector('checkout-link')) {
    elementBundleRequested = true;
    document.head.append(
      Object.assign(document.createElement('script'), {
        type: 'module',
        src: new URL('checkout-link.js', scriptSrc).href,
      }),
    );
  }
}

window.CheckoutLink = { open: openCheckout, close: closeCheckout, on: onCheckoutEvent, ...window.CheckoutLink };

const shared = sharedState();
if (!shared.embedded) {
  shared.embedded = true;
  document.addEventListener('click', (event) => {
    const el = buyButton(event);
    // Modified and non-primary clicks keep their link behaviour (new tab, new window, download).
    if (
      el &&
      !(event.defaultPrevented || event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
    ) {
      event.preventDefault();
      openCheckout(linkOf(el), optionsFor(el));
    }
  });
  for (const type of ['pointerover', 'focusin', 'touchstart'])
    document.addEventListener(
      type,
      (event) => {
        const el = buyButton(event);
        if (el) warmUp(linkOf(el));
      },
      { passive: true, capture: true },
    );
  new MutationObserver(upgrade).observe(document, { childList: true, subtree: true });
  upgrade();
}

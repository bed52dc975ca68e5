/**
 * The script-tag snippet (`dist/embed.js`): one `<script src="…/embed.js">`,
 * loaded with `defer`, `async` or late, turns every `data-checkout-link`
 * anchor or button into a buy button that opens the checkout overlay.
 *
 * Event delegation on the document (not a listener per element) covers
 * buttons added at any time; a MutationObserver only notices the first
 * `<checkout-link>`, which is when the Lit element bundle gets loaded.
 * Anchors keep their own `href` (the link URL: it works with no JavaScript);
 * the snippet enhances, it fills nothing in. Safe to load twice: the second
 * copy finds the page wired (shared state) and only fills in missing API members.
 */
import { addQueryPrefill, prefillFromAttributes } from '../widget/build-prefill.ts';
import { onCheckoutEvent } from '../widget/events.ts';
import { setFrameLoader } from '../widget/frame-loader.ts';
import { closeCheckout, type OpenCheckoutOptions, openCheckout } from '../widget/open-checkout.ts';
import { sharedState } from '../widget/shared-state.ts';
import { warmUp } from '../widget/warm-up.ts';

const ATTRIBUTE = 'data-checkout-link';
/** Read now: `currentScript` is only set while this script runs (the element bundle sits beside it). */
const script = (document.currentScript as HTMLScriptElement | null)?.src;
const scriptSrc = script || location.href;
// Built, a classic script: the frame runtime is the file beside it, by its full URL (the `import()` of a
// cross-origin classic script has no base URL). As a module (tests, bundlers) the import stays as written.
// `retry` ('' until a load failed, then a `?` more each time) makes it another URL: see frame-loader.ts.
if (script) setFrameLoader((retry) => import(/* @vite-ignore */ new URL(`embed-frame.js${retry}`, script).href));

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

/** The element's `data-*` prefill, then the page's query (weaker). */
const prefillOf = (el: Element) => addQueryPrefill(location.search, prefillFromAttributes(el, 'data-'));
const linkOf = (el: Element) => el.getAttribute(ATTRIBUTE) as string;

/** Loads the element bundle once the first `<checkout-link>` is on the page (now or later), then stops looking. */
const upgrade = () => {
  if (document.querySelector('checkout-link')) {
    observer.disconnect();
    // A classic script may `import()` a module (the server answers it with CORS, as a module script needs).
    // No check for an element already defined: the same URL is one module however often it is imported,
    // and a copy from elsewhere (a bundler) finds the name taken and defines nothing.
    import(/* @vite-ignore */ new URL('checkout-link.js', scriptSrc).href);
  }
};
const observer = new MutationObserver(upgrade);

window.CheckoutLink = { open: openCheckout, close: closeCheckout, on: onCheckoutEvent, ...window.CheckoutLink };

const shared = sharedState();
if (!shared.wired) {
  shared.wired = true;
  // Intent (hover, focus, and touch: a touch is a pointer too) warms up; a click opens.
  for (const type of ['pointerover', 'focusin', 'click'])
    document.addEventListener(type, (event) => {
      const el = (event.target as Element).closest?.<HTMLElement>(`[${ATTRIBUTE}]`);
      const e = event as MouseEvent;
      if (el) {
        warmUp(linkOf(el));
        // shared/plain-click.ts's test, written out: as a call it costs the snippet 12 B gzip of its budget.
        if (type === 'click' && !(e.defaultPrevented || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)) {
          openCheckout(linkOf(el), {
            prefill: prefillOf(el),
            mode: el.dataset.mode as OpenCheckoutOptions['mode'],
            source: el,
          });
          // Only now: if reading the button threw, an anchor still follows its own link.
          e.preventDefault();
        }
      }
    });
  observer.observe(document, { childList: true, subtree: true });
  upgrade();
}

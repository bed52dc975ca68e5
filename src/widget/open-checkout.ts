import { flatten, type Prefill, withPrefill } from './build-prefill.ts';
import { create } from './dom.ts';
import { type CheckoutLinkErrorDetail, emit } from './events.ts';
import { navigate } from './navigate.ts';
import { LOADING, STYLE } from './overlay-styles.ts';
import { type FrameTimings, loadCheckout, type MessageDetail } from './session.ts';
import { sharedState } from './shared-state.ts';

export type CheckoutTheme = 'light' | 'dark' | 'auto';

export interface OpenCheckoutOptions extends FrameTimings {
  /** Prefill, already merged (see `buildPrefill`); custom fields nested or flat. */
  prefill?: Prefill;
  /** `overlay` (default) frames the checkout; `redirect` goes to the link URL. */
  mode?: 'overlay' | 'redirect';
  /** Overrides `prefill.theme`. */
  theme?: CheckoutTheme;
  /** Receives the events and gets the focus back on close; the document when absent. */
  source?: HTMLElement;
}

/**
 * How a checkout ended. `success`: the order or subscription exists (detail:
 * the success detail); `closed`: closed by the customer or from code, or
 * `:open` was canceled; `error`: the checkout could not be shown (detail: the
 * error detail) and the customer was sent to the link URL; `redirected`:
 * `mode: 'redirect'` navigated to the link URL.
 */
export interface OpenCheckoutResult {
  status: 'success' | 'closed' | 'error' | 'redirected';
  detail?: unknown;
}

/** Closes the open overlay, if any (`checkout-link:close` fires; its promise settles `closed`). */
export function closeCheckout(): void {
  sharedState().close?.();
}

/**
 * Opens a checkout link in an overlay: a native `<dialog>` shown at once
 * with a spinner, a session created from the link's JSON endpoint, the
 * session page framed and shown on its `loaded` message. Never throws and
 * never leaves a dead button: any failure fires `checkout-link:error` and
 * navigates to the link URL with the prefill. Settles once (a promise
 * ignores later resolves), see `OpenCheckoutResult`.
 */
export function openCheckout(linkUrl: string, options: OpenCheckoutOptions = {}): Promise<OpenCheckoutResult> {
  return new Promise((resolve) => {
    const { source } = options;
    const prefill = flatten({ theme: options.theme }, options.prefill);
    const theme = prefill.theme;
    const mode = options.mode === 'redirect' ? 'redirect' : 'overlay';
    const focusBack = source ?? (document.activeElement as HTMLElement | null);
    const dialog = create('dialog', {
      className: 'cl-o',
      ariaLabel: 'Checkout',
      // The loading state's Close button closes the dialog natively (`method=dialog`), through `onclose`.
      innerHTML: `${STYLE}<form method=dialog class=cl-s>${LOADING}<button>Close</button></form>`,
    });
    /** A payment is in progress: the customer cannot close until it settles. */
    let confirmed = false;
    let stop = () => {};
    /** The link URL with the prefill: where failures go, and what the session is made from. */
    let url = linkUrl;

    /** Settles the promise, taking the overlay down (if it is up) with `:close`. */
    const end = (status: OpenCheckoutResult['status'], detail?: unknown) => {
      if (dialog.isConnected) {
        stop();
        dialog.remove();
        focusBack?.focus();
        emit(source, 'close');
      }
      resolve(detail ? { status, detail } : { status });
    };
    const close = () => end('closed');
    /** Closing asked by the customer: never during a payment. */
    const ask = () => confirmed || close();
    const fallBack = (detail: CheckoutLinkErrorDetail) => {
      emit(source, 'error', detail);
      end('error', detail);
      navigate(url);
    };
    const onMessage = (type: string, detail: MessageDetail, redirecting: boolean) => {
      if (type === 'close') ask();
      else if (type !== 'resize') {
        // A `loaded` after `confirmed`: the payment was declined and the page is interactive again.
        confirmed = type === 'confirmed';
        if (type === 'loaded') (dialog.lastChild as HTMLElement).focus();
        if (type === 'success') redirecting ? end(type, detail) : resolve({ status: type, detail });
      }
    };

    try {
      url = withPrefill(linkUrl, prefill);
      closeCheckout();
      if (!emit(source, 'open', { url: linkUrl, mode })) close();
      else if (mode === 'redirect') {
        navigate(url);
        end('redirected');
      } else {
        // The frame inherits it: a framed page's transparent background shows only where the
        // frame's color scheme is the page's own (else Chromium paints it opaque), and the page
        // follows the customer's system unless told light or dark (any other word would be taken
        // as a custom scheme name, so only these two pass).
        dialog.style.colorScheme = theme === 'light' || theme === 'dark' ? theme : 'light dark';
        // Escape, a back gesture or the loading state's Close button close the dialog natively;
        // during a payment it comes right back.
        // Rare: once the page is up, keys go to the frame, whose own Escape asks through `close`.
        dialog.onclose = () => (confirmed && dialog.isConnected ? dialog.showModal() : close());
        document.body.append(dialog);
        dialog.showModal();
        sharedState().close = close;
        stop = loadCheckout(dialog, url, options, onMessage, fallBack);
      }
    } catch {
      // Never into the host page: whatever broke, the link URL still works.
      fallBack({ code: 'server', message: 'server' });
    }
  });
}

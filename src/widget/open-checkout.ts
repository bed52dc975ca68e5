import type { Theme } from '../shared/theme.ts';
import { mergePrefill, type Prefill, withPrefill } from './build-prefill.ts';
import { mountCheckout } from './checkout-card.ts';
import { create } from './dom.ts';
import { type CheckoutLinkErrorDetail, emit } from './events.ts';
import type { MessageDetail } from './frame.ts';
import type { FrameTimings } from './frame-loader.ts';
import { navigate } from './navigate.ts';
import { sharedState } from './shared-state.ts';

export interface OpenCheckoutOptions extends FrameTimings {
  /** Prefill, already merged (see `buildPrefill`); custom fields nested or flat. */
  prefill?: Prefill;
  /** `overlay` (default) frames the checkout; `redirect` goes to the link URL. */
  mode?: 'overlay' | 'redirect';
  /** Overrides `prefill.theme`. */
  theme?: Theme;
  /** Receives the events and gets the focus back on close; the document when absent. */
  source?: HTMLElement;
}

/**
 * How a checkout ended. `success`: the order or subscription exists (detail:
 * the success detail); `closed`: closed by the customer or from code, or
 * `:open` was canceled; `error`: closed while the overlay showed a failure
 * (detail: the last error detail); `redirected`: `mode: 'redirect'`
 * navigated to the link URL.
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
 * Opens a checkout link in an overlay: a native `<dialog>` in its own styled
 * shadow root, shown at once with the loading card, a session created from
 * the link's JSON endpoint, the session page framed and shown on its `loaded`
 * message. Never throws and never leaves a dead button: a failure fires
 * `checkout-link:error` and the card says what happened, with Try again and a
 * plain link to the checkout page; if even that cannot be built, it navigates
 * to the link URL. Settles once (a promise ignores later resolves), see
 * `OpenCheckoutResult`.
 */
export function openCheckout(linkUrl: string, options: OpenCheckoutOptions = {}): Promise<OpenCheckoutResult> {
  return new Promise((resolve) => {
    const { source } = options;
    const prefill = mergePrefill({ theme: options.theme }, options.prefill);
    const theme = prefill.theme;
    const mode = options.mode === 'redirect' ? 'redirect' : 'overlay';
    const focusBack = source ?? (document.activeElement as HTMLElement | null);
    // A custom element name: a host may attach a shadow root to it, and no host rule for `div` reaches it.
    const host = document.createElement('checkout-link-overlay');
    const dialog = create('dialog', { ariaLabel: 'Checkout' });
    /** A payment is in progress: the customer cannot close until it settles. */
    let confirmed = false;
    /** The failure the card shows, if any: closing then settles `error`. */
    let failure: CheckoutLinkErrorDetail | undefined;
    let stop = () => {};
    /** The link URL with the prefill: what the session is made from, and the way out if all else fails. */
    let url = linkUrl;
    const html = document.documentElement.style;
    const overflow = html.overflow;

    /** Settles the promise, taking the overlay down (if it is up) with `:close`. */
    const end = (status: OpenCheckoutResult['status'], detail?: unknown) => {
      if (host.isConnected) {
        stop();
        host.remove();
        html.overflow = overflow;
        focusBack?.focus();
        emit(source, 'close');
      }
      resolve(detail ? { status, detail } : { status });
    };
    const close = () => (failure ? end('error', failure) : end('closed'));
    /** Closing asked by the customer: never during a payment. */
    const askToClose = () => confirmed || close();
    const onMessage = (type: string, detail: MessageDetail, redirecting: boolean) => {
      if (type === 'close') askToClose();
      else if (type !== 'resize') {
        failure = undefined;
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
        // A framed page is transparent only where its color scheme matches the frame's (else Chromium paints
        // it opaque); any other word would be read as a custom scheme name.
        if (theme === 'light' || theme === 'dark') dialog.style.colorScheme = theme;
        // Escape or a back gesture close the dialog natively; during a payment it comes right back.
        // Rare: once the page is up, keys go to the frame, whose own Escape asks through `close`.
        dialog.onclose = () => (confirmed && host.isConnected ? dialog.showModal() : close());
        stop = mountCheckout(
          host,
          dialog,
          url,
          { ...options, source },
          onMessage,
          (error) => (failure = error),
          askToClose,
        );
        document.body.append(host);
        // The page behind stays still (a modal dialog does not stop it scrolling).
        html.overflow = 'hidden';
        dialog.showModal();
        sharedState().close = close;
      }
    } catch {
      // Never into the host page: whatever broke, the link URL still works.
      emit(source, 'error', { code: 'server', message: 'server' });
      end('error');
      navigate(url);
    }
  });
}

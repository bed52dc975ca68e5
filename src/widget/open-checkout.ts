import type { EmbedMessage } from '../shared/embed-messages.ts';
import { type Prefill, withPrefill } from './build-prefill.ts';
import { type CheckoutLinkErrorDetail, type CheckoutLinkSuccessDetail, emit } from './events.ts';
import { navigate } from './navigate.ts';
import { injectStyles, SPINNER } from './overlay-styles.ts';
import { type FrameTimings, loadCheckout } from './session.ts';
import { sharedState } from './shared-state.ts';

export type CheckoutTheme = 'light' | 'dark' | 'auto';

export interface OpenCheckoutOptions extends FrameTimings {
  /** Prefill, already merged (see `buildPrefill`). */
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
    const { source, mode, theme = options.prefill?.theme } = options;
    const prefill: Prefill = { ...options.prefill, theme };
    const focusBack = source ?? (document.activeElement as HTMLElement | null);
    const body = document.body.style;
    const overflow = body.overflow;
    const holder = document.createElement('div');
    // Static markup only: nothing user-supplied is ever rendered as HTML.
    holder.innerHTML = `<dialog class="cl-o${
      theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme:dark)').matches) ? ' cl-d' : ''
    }" aria-label=Checkout><button type=button class=cl-x aria-label="Close checkout">×</button>${SPINNER}</dialog>`;
    const dialog = holder.firstChild as HTMLDialogElement;
    const closeButton = dialog.firstChild as HTMLButtonElement;
    /** A payment is in progress: the customer cannot close until it settles. */
    let confirmed = false;
    let stop = () => {};
    let fallbackUrl = linkUrl;

    /** Takes the overlay down, if it is up, and says so with `:close`. */
    const takeDown = () => {
      if (dialog.isConnected) {
        stop();
        body.overflow = overflow;
        dialog.remove();
        focusBack?.focus();
        emit(source, 'close');
      }
    };
    const close = () => {
      takeDown();
      resolve({ status: 'closed' });
    };
    const fallBack = (detail: CheckoutLinkErrorDetail) => {
      emit(source, 'error', detail);
      takeDown();
      resolve({ status: 'error', detail });
      navigate(fallbackUrl);
    };
    const onMessage = (message: EmbedMessage, iframe: HTMLIFrameElement) => {
      const { type, source: _, redirect, ...detail } = message as EmbedMessage & { redirect?: boolean };
      if (type === 'close') {
        if (!confirmed) close();
      } else if (type !== 'resize') {
        // A `loaded` after `confirmed`: the payment was declined and the page is interactive again.
        confirmed = closeButton.disabled = type === 'confirmed';
        if (type === 'loaded') {
          if (dialog.classList.contains('cl-l')) return;
          dialog.classList.add('cl-l');
          iframe.focus();
        }
        const proceed = emit(source, type, detail, type === 'success');
        if (type === 'success') {
          resolve({ status: type, detail });
          const url = (detail as CheckoutLinkSuccessDetail).success_url;
          if (proceed && redirect && url) {
            takeDown();
            navigate(url);
          }
        }
      }
    };

    try {
      fallbackUrl = withPrefill(linkUrl, prefill);
      closeCheckout();
      if (!emit(source, 'open', { url: linkUrl, mode: mode ?? 'overlay' }, true)) resolve({ status: 'closed' });
      else if (mode === 'redirect') {
        navigate(fallbackUrl);
        resolve({ status: 'redirected' });
      } else {
        injectStyles();
        closeButton.onclick = close;
        // Escape: the platform would close the dialog; we decide (never during a payment).
        dialog.oncancel = (event) => {
          event.preventDefault();
          if (!confirmed) close();
        };
        // Closed by the browser anyway (a repeated Escape cannot be canceled): keep the payment lock.
        dialog.onclose = () => (confirmed && dialog.isConnected ? dialog.showModal() : close());
        body.overflow = 'hidden';
        document.body.append(dialog);
        dialog.showModal();
        sharedState().close = close;
        stop = loadCheckout(dialog, linkUrl, prefill, options, onMessage, fallBack);
      }
    } catch (error) {
      // Never into the host page: whatever broke, the link URL still works.
      fallBack({ code: 'server', message: `${error}` });
    }
  });
}

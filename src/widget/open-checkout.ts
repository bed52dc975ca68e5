import type { EmbedMessage } from '../shared/embed-messages.ts';
import { type Prefill, withPrefill } from './build-prefill.ts';
import { type CheckoutLinkErrorDetail, emit } from './events.ts';
import { type FrameTimings, frameCheckout } from './frame.ts';
import { navigate } from './navigate.ts';
import { injectOverlayStyles } from './overlay-styles.ts';
import { createEmbeddedSession, toErrorDetail } from './session.ts';
import { sharedState } from './shared-state.ts';

export type CheckoutTheme = 'light' | 'dark' | 'auto';

export interface OpenCheckoutOptions extends FrameTimings {
  /** Prefill, already merged (see `buildPrefill`). */
  prefill?: Prefill;
  /** `overlay` (default) frames the checkout; `redirect` goes to the link URL. */
  mode?: 'overlay' | 'redirect';
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

/** Closes the open overlay, if any (`checkout-link:close` fires; the promise settles `closed`). */
export function closeCheckout(): void {
  sharedState().close?.();
}

/**
 * Opens a checkout link in an overlay: a native `<dialog>` shown at once
 * with a spinner, a session created from the link's JSON endpoint, the
 * session page framed and shown on its `loaded` message. Never throws and
 * never leaves a dead button: any failure fires `checkout-link:error` and
 * navigates to the link URL with the prefill. Resolves once, see
 * `OpenCheckoutResult`.
 */
export function openCheckout(linkUrl: string, options: OpenCheckoutOptions = {}): Promise<OpenCheckoutResult> {
  return new Promise((resolve) => {
    const { prefill = {}, source } = options;
    const theme = options.theme ?? (prefill.theme as CheckoutTheme | undefined);
    const fullPrefill = theme ? { ...prefill, theme } : prefill;
    let fallbackUrl = linkUrl;
    let settled = false;
    const settle = (status: OpenCheckoutResult['status'], detail?: unknown) => {
      if (!settled) resolve({ status, detail });
      settled = true;
    };
    try {
      fallbackUrl = withPrefill(linkUrl, fullPrefill);
      closeCheckout();
      if (!emit(source, 'open', { url: linkUrl, mode: options.mode ?? 'overlay' }, true)) return settle('closed');
      if (options.mode === 'redirect') {
        navigate(fallbackUrl);
        return settle('redirected');
      }
      showOverlay(linkUrl, fullPrefill, fallbackUrl, options, theme, settle);
    } catch (thrown) {
      // Never into the host page: whatever broke, the link URL still works.
      const detail = toErrorDetail(thrown);
      emit(source, 'error', detail);
      navigate(fallbackUrl);
      settle('error', detail);
    }
  });
}

function showOverlay(
  linkUrl: string,
  prefill: Prefill,
  fallbackUrl: string,
  options: OpenCheckoutOptions,
  theme: CheckoutTheme | undefined,
  settle: (status: OpenCheckoutResult['status'], detail?: unknown) => void,
) {
  const { source } = options;
  const returnFocus = source ?? (document.activeElement as HTMLElement | null);
  injectOverlayStyles();
  const dialog = document.createElement('dialog');
  dialog.className = `cl-o${theme === 'dark' ? ' cl-d' : theme === 'auto' ? ' cl-a' : ''}`;
  dialog.setAttribute('aria-label', 'Checkout');
  const card = dialog.appendChild(document.createElement('div'));
  card.className = 'cl-c';
  const closeButton = card.appendChild(document.createElement('button'));
  closeButton.className = 'cl-x';
  closeButton.type = 'button';
  closeButton.setAttribute('aria-label', 'Close checkout');
  closeButton.textContent = '×';
  const spinner = card.appendChild(document.createElement('div'));
  spinner.className = 'cl-s';
  spinner.setAttribute('role', 'status');
  spinner.setAttribute('aria-label', 'Loading checkout');

  const body = document.body.style;
  const previousOverflow = body.overflow;
  body.overflow = 'hidden';
  document.body.append(dialog);
  dialog.showModal();

  /** A payment is in progress: the customer cannot close until it settles. */
  let confirmed = false;
  let open = true;
  let stopFrame = () => {};

  const finish = () => {
    if (!open) return false;
    open = false;
    stopFrame();
    if (sharedState().close === requestClose) sharedState().close = undefined;
    body.overflow = previousOverflow;
    dialog.close();
    dialog.remove();
    if (returnFocus?.isConnected) returnFocus.focus();
    return true;
  };
  const requestClose = () => {
    if (finish()) {
      emit(source, 'close');
      settle('closed');
    }
  };
  const failAndFallBack = (detail: CheckoutLinkErrorDetail) => {
    if (!finish()) return;
    emit(source, 'error', detail);
    emit(source, 'close');
    navigate(fallbackUrl);
    settle('error', detail);
  };
  sharedState().close = requestClose;

  closeButton.addEventListener('click', requestClose);
  // Escape: the platform would close the dialog; we decide (not during a payment).
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    if (!confirmed) requestClose();
  });
  // Closed by the browser despite `cancel` being canceled (repeated Escape): honour the payment lock.
  dialog.addEventListener('close', () => {
    if (!open) return;
    if (confirmed) dialog.showModal();
    else requestClose();
  });

  const onMessage = (message: EmbedMessage) => {
    if (!open) return;
    switch (message.type) {
      case 'loaded':
        // Loaded again after `confirmed`: the payment was declined and the page is interactive again.
        confirmed = closeButton.disabled = false;
        if (!dialog.classList.contains('cl-l')) {
          dialog.classList.add('cl-l');
          iframe.focus();
          emit(source, 'loaded', { checkout_id: message.checkout_id });
        }
        break;
      case 'confirmed':
        confirmed = closeButton.disabled = true;
        emit(source, 'confirmed', { checkout_id: message.checkout_id });
        break;
      case 'success': {
        confirmed = closeButton.disabled = false;
        const { source: _s, type: _t, redirect, ...detail } = message;
        const proceed = emit(source, 'success', detail, true);
        settle('success', detail);
        if (proceed && redirect && message.success_url) {
          finish();
          navigate(message.success_url);
        }
        break;
      }
      case 'close':
        if (!confirmed) requestClose();
        break;
    }
  };

  let iframe: HTMLIFrameElement;
  createEmbeddedSession(linkUrl, prefill).then(
    (page) => {
      if (!open) return;
      const framed = frameCheckout(page, options, onMessage, failAndFallBack);
      iframe = framed.iframe;
      stopFrame = framed.stop;
      card.append(iframe);
    },
    (thrown) => failAndFallBack(toErrorDetail(thrown)),
  );
}

import type { EmbedMessage } from '../shared/embed-messages.ts';
import { type Prefill, withPrefill } from './build-prefill.ts';
import { type CheckoutLinkErrorDetail, emit } from './events.ts';
import { type FrameTimings, frameCheckout } from './frame.ts';
import { navigate } from './navigate.ts';
import type { CheckoutTheme } from './open-checkout.ts';
import { injectOverlayStyles } from './overlay-styles.ts';
import { createEmbeddedSession, toErrorDetail } from './session.ts';

export interface InlineCheckoutOptions extends FrameTimings {
  prefill?: Prefill;
  theme?: CheckoutTheme;
  /** Receives the events; the container when absent. */
  source?: HTMLElement;
  /** Frame height before the page reports its own (pixels, default 640). */
  initialHeight?: number;
  /** Text of the fallback link shown when the checkout cannot be framed. */
  fallbackLabel?: string;
}

/**
 * Renders a checkout link's session in place, inside `container` (no dialog):
 * a spinner, then the framed page, its height following the page's `resize`
 * messages. On failure it fires `checkout-link:error` and leaves a plain link
 * to the checkout in the container rather than navigating away from a page the
 * customer did not ask to leave. Returns the function that unmounts it.
 */
export function mountInlineCheckout(
  container: HTMLElement,
  linkUrl: string,
  options: InlineCheckoutOptions = {},
): () => void {
  const target = options.source ?? container;
  const prefill = options.theme ? { ...options.prefill, theme: options.theme } : (options.prefill ?? {});
  let mounted = true;
  let stopFrame = () => {};
  injectOverlayStyles(container.getRootNode());
  const card = document.createElement('div');
  card.className = 'cl-c cl-i';
  card.style.height = `${options.initialHeight ?? 640}px`;
  const spinner = card.appendChild(document.createElement('div'));
  spinner.className = 'cl-s';
  spinner.setAttribute('role', 'status');
  spinner.setAttribute('aria-label', 'Loading checkout');
  container.replaceChildren(card);

  const onFail = (detail: CheckoutLinkErrorDetail) => {
    if (!mounted) return;
    stopFrame();
    emit(target, 'error', detail);
    const link = document.createElement('a');
    link.href = withPrefill(linkUrl, prefill);
    link.textContent = options.fallbackLabel ?? 'Open the checkout';
    container.replaceChildren(link);
  };
  const onMessage = (message: EmbedMessage) => {
    if (!mounted) return;
    if (message.type === 'resize') card.style.height = `${Math.ceil(message.height)}px`;
    else if (message.type === 'loaded') {
      if (!card.classList.contains('cl-l')) emit(target, 'loaded', { checkout_id: message.checkout_id });
      card.classList.add('cl-l');
    } else if (message.type === 'confirmed') emit(target, 'confirmed', { checkout_id: message.checkout_id });
    else if (message.type === 'success') {
      const { source: _s, type: _t, redirect, ...detail } = message;
      const proceed = emit(target, 'success', detail, true);
      if (proceed && redirect && message.success_url) navigate(message.success_url);
    }
  };

  try {
    if (emit(target, 'open', { url: linkUrl, mode: 'inline' }, true))
      createEmbeddedSession(linkUrl, prefill).then(
        (page) => {
          if (!mounted) return;
          const framed = frameCheckout(page, options, onMessage, onFail);
          stopFrame = framed.stop;
          card.append(framed.iframe);
        },
        (thrown) => onFail(toErrorDetail(thrown)),
      );
    else container.replaceChildren();
  } catch (thrown) {
    onFail(toErrorDetail(thrown));
  }

  return () => {
    mounted = false;
    stopFrame();
    card.remove();
  };
}

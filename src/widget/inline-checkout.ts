import { flatten, type Prefill, withPrefill } from './build-prefill.ts';
import { type CheckoutLinkErrorDetail, emit } from './events.ts';
import type { CheckoutTheme } from './open-checkout.ts';
import { LOADING, STYLE } from './overlay-styles.ts';
import { type FrameTimings, loadCheckout } from './session.ts';

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
 * a loading text, then the framed page (told `embed_mode=inline`: no card), its height following the page's `resize`
 * messages. On failure it fires `checkout-link:error` and leaves a plain link
 * to the checkout in the container rather than navigating away from a page the
 * customer did not ask to leave. Returns the function that unmounts it.
 */
export function mountInlineCheckout(
  container: HTMLElement,
  linkUrl: string,
  options: InlineCheckoutOptions = {},
): () => void {
  const source = options.source ?? container;
  const prefill = flatten({ theme: options.theme }, options.prefill);
  let stop = () => {};
  /** The link URL with the prefill: the fallback link, and what the session is made from. */
  let url = linkUrl;
  const card = document.createElement('div');
  // `flow-root`: the loading text's top margin stays inside the card rather than pushing it down.
  card.style.cssText = `position:relative;display:flow-root;height:${options.initialHeight ?? 640}px`;
  card.innerHTML = `${STYLE}<div class=cl-s>${LOADING}</div>`;

  const onFail = (detail: CheckoutLinkErrorDetail) => {
    emit(source, 'error', detail);
    const link = document.createElement('a');
    link.href = url;
    link.textContent = options.fallbackLabel ?? 'Open the checkout';
    card.replaceWith(link);
  };

  try {
    url = withPrefill(linkUrl, prefill);
    if (emit(source, 'open', { url: linkUrl, mode: 'inline' })) {
      container.replaceChildren(card);
      stop = loadCheckout(
        card,
        url,
        { ...options, source, embed_mode: 'inline' },
        (type, detail) => {
          if (type === 'resize') card.style.height = `${Math.ceil(detail.height as number)}px`;
        },
        onFail,
      );
    }
  } catch {
    onFail({ code: 'server', message: 'server' });
  }
  return () => {
    stop();
    card.remove();
  };
}

import type { Theme } from '../shared/theme.ts';
import { mergePrefill, type Prefill, withPrefill } from './build-prefill.ts';
import { mountCheckout } from './checkout-card.ts';
import { emit } from './events.ts';
import type { FrameTimings } from './frame-loader.ts';

export interface InlineCheckoutOptions extends FrameTimings {
  prefill?: Prefill;
  theme?: Theme;
  /** Receives the events; the container when absent. */
  source?: HTMLElement;
  /** Frame height before the page reports its own (pixels, default 640). */
  initialHeight?: number;
}

/**
 * Renders a checkout link's session in place, inside `container` (no dialog):
 * the loading card, then the framed page (told `embed_mode=inline`: no card),
 * its height following the page's `resize` messages. On failure it fires
 * `checkout-link:error` and the card says what happened, with Try again and a
 * plain link to the checkout, rather than navigating away from a page the
 * customer did not ask to leave. Returns the function that unmounts it.
 */
export function mountInlineCheckout(
  container: HTMLElement,
  linkUrl: string,
  options: InlineCheckoutOptions = {},
): () => void {
  const source = options.source ?? container;
  const prefill = mergePrefill({ theme: options.theme }, options.prefill);
  let stop = () => {};
  const card = document.createElement('div');
  const box = document.createElement('article');
  // CSSOM, which a strict CSP allows (an inline `style` attribute it would not); here rather than in
  // the shared stylesheet, whose bytes count against the snippet's budget (which has no inline checkout).
  box.style.cssText = `position:relative;display:grid;place-items:center;height:${options.initialHeight ?? 640}px`;
  try {
    if (emit(source, 'open', { url: linkUrl, mode: 'inline' })) {
      container.replaceChildren(card);
      stop = mountCheckout(
        card,
        box,
        withPrefill(linkUrl, prefill),
        { ...options, source, embed_mode: 'inline' },
        (type, detail) => {
          if (type === 'resize') box.style.height = `${Math.ceil(detail.height as number)}px`;
        },
        () => {},
      );
    }
  } catch {
    // Never into the host page: the plain link still works.
    emit(source, 'error', { code: 'server', message: 'server' });
    const link = document.createElement('a');
    link.href = linkUrl;
    link.textContent = 'Open the checkout page';
    container.replaceChildren(link);
  }
  return () => {
    stop();
    card.remove();
  };
}

import { type EmbedMessage, parseEmbedMessage } from '../shared/embed-messages.ts';
import type { CheckoutLinkErrorDetail } from './events.ts';

/** Timing knobs of a framed checkout (milliseconds); tests shorten them. */
export interface FrameTimings {
  /** Longest wait for the page's `loaded` message before giving up (default 10 s). */
  timeout?: number;
  /**
   * Wait after the frame's `load` event for `loaded` (default 2.5 s). A frame
   * refused by CSP `frame-ancestors` still fires `load` (Chromium shows its
   * error page) but never says `loaded`: this reports it before the timeout.
   */
  refusedGrace?: number;
}

export interface FramedCheckout {
  iframe: HTMLIFrameElement;
  /** Removes the listener and timers (call when the frame goes away). */
  stop(): void;
}

/**
 * Builds the iframe of a session page and listens to it. Messages count only
 * when they come from the page's origin AND from this iframe's window (any
 * other window or origin could forge them), and then only if they parse as
 * one of the embed messages.
 */
export function frameCheckout(
  page: URL,
  timings: FrameTimings,
  onMessage: (message: EmbedMessage) => void,
  onFail: (error: CheckoutLinkErrorDetail) => void,
): FramedCheckout {
  const iframe = document.createElement('iframe');
  iframe.title = 'Checkout';
  iframe.allow = 'payment';
  iframe.src = page.href;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let ready = false;
  const stop = () => {
    clearTimeout(timer);
    clearTimeout(graceTimer);
    removeEventListener('message', listener);
  };
  const failWith = (code: CheckoutLinkErrorDetail['code'], message: string) => {
    stop();
    onFail({ code, message });
  };
  const timer = setTimeout(
    () => failWith('timeout', `The checkout page did not say it was ready within ${timings.timeout ?? 10_000} ms.`),
    timings.timeout ?? 10_000,
  );
  iframe.addEventListener('load', () => {
    // Only until `loaded` arrived: later loads (the page's own navigation) are fine.
    if (!ready) {
      clearTimeout(graceTimer);
      graceTimer = setTimeout(
        () => failWith('frame_refused', `The checkout page at ${page.origin} refused to be framed here.`),
        timings.refusedGrace ?? 2_500,
      );
    }
  });
  function listener(event: MessageEvent) {
    if (event.origin !== page.origin || event.source !== iframe.contentWindow) return;
    const message = parseEmbedMessage(event.data);
    if (!message) return;
    if (message.type === 'loaded' && !ready) {
      ready = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
    }
    onMessage(message);
  }
  addEventListener('message', listener);
  return { iframe, stop };
}

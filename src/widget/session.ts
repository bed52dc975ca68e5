import { type EmbedMessage, parseEmbedMessage } from '../shared/embed-messages.ts';
import { flatten, type Prefill, prefillFromQuery, withPrefill } from './build-prefill.ts';
import type { CheckoutLinkErrorCode, CheckoutLinkErrorDetail } from './events.ts';
import { warnOnce } from './warn.ts';

/** Timing knobs of a framed checkout (milliseconds); tests shorten them. */
export interface FrameTimings {
  /** Longest wait, from the start, for the page's `loaded` message (default 10 s): a slow server counts too. */
  timeout?: number;
  /**
   * Wait after the frame's `load` event for `loaded` (default 2.5 s). A frame
   * refused by CSP `frame-ancestors` still fires `load` (Chromium shows its
   * error page) but never says `loaded`: this reports it before the timeout.
   */
  refusedGrace?: number;
}

/**
 * Loads a checkout link's session into a new iframe appended to `parent`:
 * creates the session from the link's JSON endpoint (`…/redirect` →
 * `…/sessions`; the link URL's own query joins the prefill, weakest), frames
 * `<session url>?embed=1&embed_origin=<this origin>` and passes on its
 * messages. Messages count only when they come from the page's origin AND
 * from this iframe's window (any other window or origin could forge them),
 * and then only if they parse as an embed message. Any failure (network,
 * 4xx, 5xx, CORS, an `embed_origin` the server dropped, no `loaded` in time,
 * a refused frame) calls `onFail` once. Returns the function that stops it all.
 */
export function loadCheckout(
  parent: Element,
  linkUrl: string,
  prefill: Prefill,
  timings: FrameTimings,
  onMessage: (message: EmbedMessage, iframe: HTMLIFrameElement) => void,
  onFail: (error: CheckoutLinkErrorDetail) => void,
): () => void {
  const iframe = document.createElement('iframe');
  const embed_origin = location.origin;
  let stopped = false;
  let ready = false;
  let graceTimer: ReturnType<typeof setTimeout>;
  let page: URL;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    clearTimeout(graceTimer);
    removeEventListener('message', listener);
  };
  const fail = (code: CheckoutLinkErrorCode, message: string) => {
    if (!stopped) {
      stop();
      onFail({ code, message });
    }
  };
  const listener = (event: MessageEvent) => {
    const message =
      event.origin === page.origin && event.source === iframe.contentWindow && parseEmbedMessage(event.data);
    if (message) {
      if (message.type === 'loaded') {
        ready = true;
        clearTimeout(timer);
        clearTimeout(graceTimer);
      }
      onMessage(message, iframe);
    }
  };
  const timer = setTimeout(fail, timings.timeout ?? 10_000, 'timeout', 'no loaded message');

  (async () => {
    const link = new URL(linkUrl, document.baseURI);
    let response: Response;
    try {
      response = await fetch(new URL(link.pathname.replace(/\/redirect\/?$/, '/sessions'), link), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(prefillFromQuery(link.search, flatten({ embed_origin } as Prefill, prefill))),
      });
    } catch {
      return fail('network', `${link.origin} unreachable`);
    }
    const status = response.status;
    if (!response.ok)
      return fail(
        ({ 404: 'link_not_found', 410: 'session_expired', 429: 'rate_limited' } as const)[status as 404] ?? 'server',
        `HTTP ${status}`,
      );
    const session: { url: string; dropped?: { field: string }[] } = await response.json();
    if (session.dropped?.some((d) => d.field === 'embed_origin')) {
      warnOnce(
        'EMBED_ORIGIN',
        `${embed_origin} is not in embed_origins, so the checkout opens as a page. Add it in the dashboard.`,
      );
      return fail('frame_refused', 'embed_origin refused');
    }
    page = new URL(withPrefill(session.url, { embed: 1, embed_origin, theme: prefill.theme } as Prefill));
    if (stopped) return;
    addEventListener('message', listener);
    // Until `loaded` arrived: the page's own later navigations are fine.
    iframe.onload = () => {
      clearTimeout(graceTimer);
      if (!ready) graceTimer = setTimeout(fail, timings.refusedGrace ?? 2_500, 'frame_refused', 'frame refused');
    };
    parent.append(Object.assign(iframe, { className: 'cl-f', title: 'Checkout', allow: 'payment', src: page.href }));
  })().catch((error) => fail('server', `${error}`));
  return stop;
}

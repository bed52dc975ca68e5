import { type EmbedMessage, parseEmbedMessage } from '../shared/embed-messages.ts';
import type { SessionCreated } from '../shared/schemas/checkout.ts';
import { create } from './dom.ts';
import { type CheckoutLinkErrorCode, type CheckoutLinkErrorDetail, emit } from './events.ts';
import { navigate } from './navigate.ts';

/** Timing knobs of a framed checkout (milliseconds); tests shorten them. */
export interface FrameTimings {
  /** Longest wait, from the start, for the page's `loaded` message (default 10 s): a slow server counts too. */
  timeout?: number;
  /**
   * Wait after the frame's first `load` event for `loaded` (default 2.5 s). A
   * frame refused by CSP `frame-ancestors` still fires `load` (Chromium shows
   * its error page) but never says `loaded`: this reports it before the timeout.
   */
  refusedGrace?: number;
}

/** Error codes of the session endpoint's statuses; any other failing status is `server`. */
const STATUS_CODES: Record<number, CheckoutLinkErrorCode> = {
  404: 'link_not_found',
  410: 'session_expired',
  429: 'rate_limited',
};

/** What the page said, minus the protocol's own keys: the detail of the matching event. */
export type MessageDetail = Record<string, unknown>;

/**
 * Loads a checkout link's session into a new iframe appended to `parent`.
 * `url` is the link URL with the prefill in its query (`withPrefill`, the
 * fallback URL too): that query, plus `embed_origin`, is the JSON body that
 * creates the session at the link's endpoint (`…/redirect` → `…/sessions`);
 * then the page it answers as `embed_url` (the session's page embedded for
 * this origin, with `theme` and `embed_mode`) is framed and its messages
 * handled. Messages count only when they come from the page's origin AND
 * from this iframe's window (any other window or origin could forge them),
 * and then only if they parse as an embed message.
 *
 * The first `loaded` shows the frame (class `cl-l` on `parent`) and fires
 * `:loaded`; `confirmed` and `success` fire their events on `target`, and an
 * uncanceled `success` asking for it navigates to `success_url` right after
 * `onMessage` (which hears every message, told whether that redirect comes).
 * Any failure (network, 4xx, 5xx, CORS, an origin the organization does not
 * list, no `loaded` in time, a refused frame) calls `onFail` once; none is
 * reported after `loaded` or after the returned stop function ran.
 */
export function loadCheckout(
  parent: Element,
  url: string,
  options: FrameTimings & { source?: HTMLElement; embed_mode?: 'inline' },
  onMessage: (type: EmbedMessage['type'], detail: MessageDetail, redirecting: boolean) => void,
  onFail: (error: CheckoutLinkErrorDetail) => void,
): () => void {
  const iframe = create('iframe', { className: 'cl-f', title: 'Checkout', allow: 'payment' });
  const embed_origin = location.origin;
  const params = new URL(url).searchParams;
  /** `loaded` came, a failure was reported, or stopped: no failure counts any more (timers just lapse). */
  let done = false;
  let origin: string;
  const listener = (event: MessageEvent) => {
    const message = event.origin === origin && event.source === iframe.contentWindow && parseEmbedMessage(event.data);
    if (message) {
      const { type, source: _, redirect, ...detail } = message as EmbedMessage & { redirect?: boolean };
      // A repeated `loaded` (the page interactive again after a declined payment) is no new event.
      const to =
        type !== 'close' &&
        type !== 'resize' &&
        !(type === 'loaded' && done) &&
        emit(options.source, type, detail) &&
        redirect &&
        (detail as { success_url: string | null }).success_url;
      if (type === 'loaded') {
        done = true;
        parent.classList.add('cl-l');
      }
      onMessage(type, detail, !!to);
      if (to) navigate(to);
    }
  };
  const stop = () => {
    done = true;
    removeEventListener('message', listener);
  };
  // The message is the code: short, and the code says it all (the server's own answer is in the network panel).
  const fail = (code: CheckoutLinkErrorCode) => {
    if (!done) {
      stop();
      onFail({ code, message: code });
    }
  };
  setTimeout(fail, options.timeout ?? 10_000, 'timeout');

  (async () => {
    // No content type: sent as text/plain, a CORS simple request (no preflight on the click path); the endpoint takes it.
    const response = await fetch(url.replace(/\/redirect\/?(\?.*)?$/, '/sessions'), {
      method: 'POST',
      body: JSON.stringify({ ...Object.fromEntries(params), embed_origin, embed_mode: options.embed_mode }),
    });
    if (!response.ok) return fail(STATUS_CODES[response.status] ?? 'server');
    // The server builds the page URL to frame (embedded, for this origin, with the theme and `embed_mode`);
    // none when the organization does not list this origin, whose frame the page would refuse.
    const src = ((await response.json()) as SessionCreated).embed_url;
    if (!src) return fail('frame_refused');
    origin = new URL(src).origin;
    if (done) return;
    addEventListener('message', listener);
    iframe.onload = () => setTimeout(fail, options.refusedGrace ?? 2_500, 'frame_refused');
    iframe.src = src;
    parent.append(iframe);
    // A rejection: the request itself failed (offline, CORS, DNS), or its answer was no JSON.
  })().catch(() => fail('network'));
  return stop;
}

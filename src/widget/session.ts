import { type EmbedMessage, parseEmbedMessage } from '../shared/embed-messages.ts';
import type { SessionCreated } from '../shared/schemas/checkout.ts';
import { create } from './dom.ts';
import { type CheckoutLinkErrorCode, type CheckoutLinkErrorDetail, emit } from './events.ts';
import { navigate } from './navigate.ts';

/** Timing knobs of a framed checkout (milliseconds); tests shorten them. */
export interface FrameTimings {
  /**
   * Wait, from the start, for the page's `loaded` message (default 10 s; a
   * slow server counts too) before `:error` `timeout` and the "still loading"
   * choice: keep waiting, or open the checkout page.
   */
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
  410: 'link_unavailable',
  429: 'rate_limited',
};

/** What the page said, minus the protocol's own keys: the detail of the matching event. */
export type MessageDetail = Record<string, unknown>;

/**
 * Sessions this page created, by request (endpoint and body): opening the
 * same button again within the session's life frames the same session, so
 * what the page saved of the customer's input is still there. Dropped once
 * it succeeded or the page restarted it; nothing typed is kept here.
 */
const sessions = new Map<string, SessionCreated>();

let warned = 0;

/**
 * Loads a checkout link's session into a new iframe appended to `parent`.
 * `url` is the link URL with the prefill in its query (`withPrefill`): that
 * query, plus `embed_origin`, is the JSON body that creates the session at
 * the link's endpoint (`…/redirect` → `…/sessions`); then the page it answers
 * as `embed_url` (the session's page embedded for this origin, with `theme`
 * and `embed_mode`) is framed and its messages handled. Messages count only
 * when they come from the page's origin AND from this iframe's window (any
 * other window or origin could forge them), and then only if they parse.
 *
 * A `loaded` from a session not seen yet (the first, or after the page
 * restarted an expired one) sets `parent.id = 'r'` and fires `:loaded`;
 * `confirmed` and `success` fire their events on the source, and an
 * uncanceled `success` asking for it navigates to `success_url` right after
 * `onMessage` (which hears every message, told whether that redirect comes).
 * A failure (network, 4xx, 5xx, CORS, an origin the organization does not
 * list, a refused frame) calls `onFail` once; none is reported after `loaded`
 * or after the returned stop ran. `link` (the way out to the checkout page)
 * points at the session's own page once one exists: no second session for one click.
 */
export function loadCheckout(
  parent: Element,
  url: string,
  options: FrameTimings & { source?: HTMLElement; embed_mode?: 'inline' },
  onMessage: (type: EmbedMessage['type'], detail: MessageDetail, redirecting: boolean) => void,
  onFail: (error: CheckoutLinkErrorDetail) => void,
  link: HTMLAnchorElement,
): () => void {
  const iframe = create('iframe', { title: 'Checkout', allow: 'payment' });
  const endpoint = url.replace(/\/redirect\/?(\?.*)?$/, '/sessions');
  // No content type: sent as text/plain, a CORS simple request (no preflight on the click path); the endpoint takes it.
  const body = JSON.stringify({
    ...Object.fromEntries(new URL(url).searchParams),
    embed_origin: location.origin,
    embed_mode: options.embed_mode,
  });
  const key = endpoint + body;
  /** Failures no longer count: `loaded` came, one was reported, or stopped (timers just lapse). */
  let done = false;
  let loadedId: unknown;
  let origin: string;
  const listener = (event: MessageEvent) => {
    const message = event.origin === origin && event.source === iframe.contentWindow && parseEmbedMessage(event.data);
    if (message) {
      const {
        type,
        source: _,
        redirect,
        ...detail
      } = message as EmbedMessage & { redirect?: boolean; checkout_id?: string };
      // A repeated `loaded` of the same session (interactive again after a declined payment) is no new event.
      const fresh = type !== 'loaded' || loadedId !== detail.checkout_id;
      // Paid, or restarted by the page (a `loaded` of another session): the cached one is spent.
      if (type === 'success' || (type === 'loaded' && fresh && loadedId)) sessions.delete(key);
      if (type === 'loaded') loadedId = detail.checkout_id;
      const to =
        fresh &&
        type !== 'close' &&
        type !== 'resize' &&
        emit(options.source, type, detail) &&
        redirect &&
        (detail as { success_url: string | null }).success_url;
      if (type === 'loaded') parent.id = 'r';
      done = true;
      onMessage(type, detail, !!to);
      if (to) navigate(to);
    }
  };
  const stop = () => {
    done = true;
    removeEventListener('message', listener);
  };
  const fail = (code: CheckoutLinkErrorCode, message: string = code) => {
    if (!done) {
      stop();
      // Try again starts from a new session: this one's page did not come up.
      sessions.delete(key);
      onFail({ code, message });
    }
  };

  (async () => {
    let created = sessions.get(key);
    if (!(Date.parse(created?.expires_at as string) > Date.now())) {
      const response = await fetch(endpoint, { method: 'POST', body });
      // The server's own sentence (JSON `message`) says what happened, in words for the customer.
      if (!response.ok)
        return fail(STATUS_CODES[response.status] ?? 'server', (await response.json().catch(() => 0))?.message);
      created = (await response.json()) as SessionCreated;
      sessions.set(key, created);
    }
    link.href = created!.url;
    // The server builds the page URL to frame (embedded, for this origin, with the theme and `embed_mode`);
    // none when the organization does not list this origin, whose frame the page would refuse.
    const src = created!.embed_url;
    if (!src) {
      warned++ ||
        console.warn(
          `[checkout-link] EMBED_ORIGIN: ${location.origin} is not in this organization's embed_origins. Add it in Settings.`,
        );
      return fail('frame_refused');
    }
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

/** Forgets the sessions kept for reopening (tests start each case afresh). */
export const forgetSessions = (): void => sessions.clear();

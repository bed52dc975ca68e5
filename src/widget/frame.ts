import { type EmbedMessage, parseEmbedMessage } from '../shared/embed-messages.ts';
import { create } from './dom.ts';
import { type CheckoutLinkErrorCode, emit } from './events.ts';
import { navigate } from './navigate.ts';

/** What the page said, minus the protocol's own keys: the detail of the matching event. */
export type MessageDetail = Record<string, unknown>;

/**
 * The overlay card's words (`CardWords` of the session endpoint's answers),
 * written out so the package's types need no zod. English until an answer
 * brings them in the checkout's language; `failed` is the server's.
 */
export interface CardWords {
  lang?: string;
  dir?: string;
  retry: string;
  slow: string;
  open: string;
  unreachable: string;
  close?: string;
  failed?: string;
}

/** What the runtime reads of a created session (`SessionCreated`), so the package's types need no zod. */
export interface FramedSession {
  url: string;
  embed_url?: string | null;
  expires_at: string;
  card?: CardWords;
}

/**
 * Sessions this page created, by request (endpoint and body): opening the
 * same button again within the session's life frames the same session, so
 * what the page saved of the customer's input is still there. Dropped once
 * it succeeded, failed to come up (Try again starts from a new one) or the
 * page restarted it; nothing typed is kept here. Kept here, in the runtime:
 * before it loaded, the page has no session to reopen.
 */
const sessions = new Map<string, FramedSession>();

/** The session kept for request `key`, if it is still in its life. */
export function keptSession(key: string): FramedSession | undefined {
  const kept = sessions.get(key);
  return Date.parse(kept?.expires_at as string) > Date.now() ? kept : undefined;
}

/** Forgets the sessions kept for reopening (tests start each case afresh). */
export const forgetSessions = (): void => sessions.clear();

/** Error codes of the session endpoint's statuses; any other failing status is `server`. */
const STATUS_CODES: Record<number, CheckoutLinkErrorCode> = {
  404: 'link_not_found',
  410: 'link_unavailable',
  429: 'rate_limited',
};

let warned = 0;

/**
 * The frame runtime: reads the session endpoint's `answer` (or takes a kept
 * session), frames the session's page in a new iframe appended to `parent`
 * and handles its messages. The snippet loads it as its own file
 * (`dist/embed-frame.js`), beside the session request, so what must work with
 * the backend down or slow (the overlay, its cards, the request) stays in
 * `embed.js`; the element bundle inlines it.
 *
 * A failing status is `fail`ed with its code and the server's own sentence
 * (JSON `message`, in words for the customer), else the card's words for the code.
 * A session read is kept under `key` (see `keptSession`) and `link` (the way
 * out to the checkout page) points at its page: no second session for one click.
 * The page framed is the session's `embed_url` (the server builds it: embedded
 * for this origin, with the theme and `embed_mode`); with none, this origin is
 * not in the organization's `embed_origins` and the page would refuse the frame.
 * Messages count only when they come from the page's origin AND from this
 * iframe's window (any other window or origin could forge them), and then only
 * if they parse. A `loaded` from a session not seen yet (the first, or after the
 * page restarted an expired one) sets `parent.id = 'r'` and fires `:loaded`;
 * `confirmed` and `success` fire their events on the source, and an uncanceled
 * `success` asking for it navigates to `success_url` right after `onMessage`
 * (which hears every message, told whether that redirect comes).
 * `fail` gets `frame_refused` too; the caller ignores it once a message came.
 * Returns the function that stops listening and removes the frame.
 */
export function frameSession(
  parent: HTMLElement,
  answer: Response | FramedSession,
  options: { source?: HTMLElement; refusedGrace?: number },
  onMessage: (type: EmbedMessage['type'], detail: MessageDetail, redirecting: boolean) => void,
  fail: (code: CheckoutLinkErrorCode, message: string, words: string) => void,
  key: string,
  link: HTMLAnchorElement,
  words: CardWords,
): () => void {
  /** Failures no longer count (as for the caller): a message came, or stopped. */
  let over = false;
  const failed = (code: CheckoutLinkErrorCode, message: string = code) => {
    // Try again starts from a new session: this one's page did not come up.
    if (!over) sessions.delete(key);
    fail(
      code,
      message,
      code === 'network'
        ? words.unreachable
        : (words.failed ?? (message !== code ? message : 'The checkout could not be shown here.')),
    );
  };
  /** The card speaks the checkout's language from here on: the answer's words, on the card's own nodes too. */
  const speak = (card?: CardWords) => {
    if (card) {
      Object.assign(words, card);
      parent.lang = card.lang as string;
      parent.dir = card.dir as string;
      link.textContent = card.open;
      const close = parent.querySelector<HTMLElement>('button[aria-label]');
      if (close && card.close) close.ariaLabel = card.close;
    }
  };
  const iframe = create('iframe', { title: 'Checkout', allow: 'payment' });
  // Over the card, hidden until `loaded`; CSSOM, which a strict CSP allows, and here rather than in the
  // snippet's stylesheet, whose bytes count against its budget.
  iframe.style.cssText = 'position:absolute;width:100%;height:100%;border:0;display:none';
  let loadedId: unknown;
  let origin: string;
  const listener = (event: MessageEvent) => {
    const message = event.origin === origin && event.source === iframe.contentWindow && parseEmbedMessage(event.data);
    if (message) {
      over = true;
      const {
        type,
        source: _,
        redirect,
        ...detail
      } = message as EmbedMessage & { redirect?: boolean; checkout_id?: string };
      // A repeated `loaded` of the same session (interactive again after a declined payment) is no new event.
      const fresh = type !== 'loaded' || loadedId !== detail.checkout_id;
      if (type === 'success' || (type === 'loaded' && fresh && loadedId)) sessions.delete(key);
      if (type === 'loaded') loadedId = detail.checkout_id;
      const redirectTo =
        fresh &&
        type !== 'close' &&
        type !== 'resize' &&
        emit(options.source, type, detail) &&
        redirect &&
        (detail as { success_url: string | null }).success_url;
      if (type === 'loaded') {
        parent.id = 'r';
        iframe.style.display = '';
      }
      onMessage(type, detail, !!redirectTo);
      if (redirectTo) navigate(redirectTo);
    }
  };
  const frame = async () => {
    let session = answer as FramedSession;
    if (answer instanceof Response) {
      if (!answer.ok) {
        const error = await answer.json().catch(() => 0);
        speak(error?.card);
        return failed(STATUS_CODES[answer.status] ?? 'server', error?.message);
      }
      session = await answer.json();
    }
    speak(session.card);
    sessions.set(key, session);
    link.href = session.url;
    const src = session.embed_url;
    if (over) return;
    if (!src) {
      warned++ ||
        console.warn(
          `[checkout-link] EMBED_ORIGIN: ${location.origin} is not in this organization's embed_origins. Add it in Settings.`,
        );
      failed('frame_refused');
    } else {
      origin = new URL(src).origin;
      addEventListener('message', listener);
      iframe.onload = () => setTimeout(failed, options.refusedGrace ?? 2_500, 'frame_refused');
      iframe.src = src;
      parent.append(iframe);
    }
  };
  // An answer that is no JSON: the server could not be reached as it should be.
  frame().catch(() => failed('network'));
  return () => {
    over = true;
    removeEventListener('message', listener);
    iframe.remove();
  };
}
export { styleCard } from './card-styles.ts';
export { warmHints } from './warm-hints.ts';

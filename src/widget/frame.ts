import { type EmbedMessage, parseEmbedMessage } from '../shared/embed-messages.ts';
import { create } from './dom.ts';
import { type CheckoutLinkErrorCode, emit } from './events.ts';
import { navigate } from './navigate.ts';

/** What the page said, minus the protocol's own keys: the detail of the matching event. */
export type MessageDetail = Record<string, unknown>;

let warned = 0;

/**
 * The frame runtime: frames a created session's page in a new iframe
 * appended to `parent` and handles its messages. The snippet loads it as its
 * own file (`dist/embed-frame.js`), beside the session request, so what must
 * work with the backend down or slow (the overlay, its cards, the request)
 * stays in `embed.js`; the element bundle inlines it.
 *
 * The page framed is the session's `embed_url` (the server builds it: embedded
 * for this origin, with the theme and `embed_mode`); with none, this origin is
 * not in the organization's `embed_origins` and the page would refuse the frame.
 * Messages count only when they come from the page's origin AND from this
 * iframe's window (any other window or origin could forge them), and then only
 * if they parse. A `loaded` from a session not seen yet (the first, or after the
 * page restarted an expired one) sets `parent.id = 'r'` and fires `:loaded`;
 * `confirmed` and `success` fire their events on the source, and an uncanceled
 * `success` asking for it navigates to `success_url` right after `onMessage`
 * (which hears every message, told whether that redirect comes). `spent` runs
 * when the session can no longer be reopened (paid, or restarted by the page).
 * `fail` gets `frame_refused`; the caller ignores it once a message came.
 * Returns the function that stops listening and removes the frame.
 */
export function frameSession(
  parent: Element,
  // Only what it reads of the session (`SessionCreated`), so the package's types need no zod.
  { embed_url: src }: { embed_url?: string | null },
  options: { source?: HTMLElement; refusedGrace?: number },
  onMessage: (type: EmbedMessage['type'], detail: MessageDetail, redirecting: boolean) => void,
  fail: (code: CheckoutLinkErrorCode) => void,
  spent: () => void,
): () => void {
  const iframe = create('iframe', { title: 'Checkout', allow: 'payment' });
  // Over the card, hidden until `loaded`; CSSOM, which a strict CSP allows, and here rather than in the
  // snippet's stylesheet, whose bytes count against its budget.
  iframe.style.cssText = 'position:absolute;width:100%;height:100%;border:0;display:none';
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
      if (type === 'success' || (type === 'loaded' && fresh && loadedId)) spent();
      if (type === 'loaded') loadedId = detail.checkout_id;
      const to =
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
      onMessage(type, detail, !!to);
      if (to) navigate(to);
    }
  };
  if (!src) {
    warned++ ||
      console.warn(
        `[checkout-link] EMBED_ORIGIN: ${location.origin} is not in this organization's embed_origins. Add it in Settings.`,
      );
    fail('frame_refused');
  } else {
    origin = new URL(src).origin;
    addEventListener('message', listener);
    iframe.onload = () => setTimeout(fail, options.refusedGrace ?? 2_500, 'frame_refused');
    iframe.src = src;
    parent.append(iframe);
  }
  return () => {
    removeEventListener('message', listener);
    iframe.remove();
  };
}

import type { EmbedMessage } from '../shared/embed-messages.ts';
import type { CheckoutLinkErrorCode, CheckoutLinkErrorDetail } from './events.ts';
import type { CardWords, FramedSession, MessageDetail } from './frame.ts';

/** Timing knobs of a framed checkout (milliseconds); tests shorten them. */
export interface FrameTimings {
  /**
   * Wait, from the start, for the page's `loaded` message (default 10 s; a
   * slow server counts too) before `:error` `timeout` and the card's "still
   * loading", with Try again and the checkout page's link.
   */
  timeout?: number;
  /**
   * Wait after the frame's first `load` event for `loaded` (default 2.5 s). A
   * frame refused by CSP `frame-ancestors` still fires `load` (Chromium shows
   * its error page) but never says `loaded`: this reports it before the timeout.
   */
  refusedGrace?: number;
}

/**
 * Loads the frame runtime (`./frame.ts`): inlined where it is bundled (the
 * element); the snippet, built without it, points this at the file beside
 * itself (`setFrameLoader`). Called by the warm-up on intent and on the click
 * beside the session request.
 */
export let loadFrame = (_retry: string): Promise<typeof import('./frame.ts')> => import('./frame.ts');
export const setFrameLoader = (load: typeof loadFrame) => {
  loadFrame = load;
};

/**
 * A `?` more after each click whose runtime did not load: Chromium remembers a failed `import()` for
 * the page's life, so the snippet's next load asks for another URL, and Try again works once the
 * network is back. Only that failure counts: a second URL for a runtime that loaded would be a
 * second copy of it, with its own kept sessions and warm-up.
 */
export let retry = '';

/** The frame runtime once it loaded: it keeps the sessions to reopen, so the click can ask it first. */
let runtime: Awaited<ReturnType<typeof loadFrame>> | undefined;

/**
 * Loads a checkout link's session into a new iframe appended to `parent`.
 * `url` is the link URL with the prefill in its query (`withPrefill`): that
 * query, plus `embed_origin`, is the JSON body that creates the session at
 * the link's endpoint (`…/redirect` → `…/sessions`), a request sent at once;
 * the frame runtime (`frameSession`), loaded at the same time, reads its
 * answer, frames the page it names as `embed_url` and handles its messages.
 *
 * A failure (network, 4xx, 5xx, CORS, an origin the organization does not
 * list, a refused frame, a frame runtime that did not load) calls `onFail`
 * once, with the card's words; none is reported after `loaded` or after the
 * returned stop ran. `link` (the way out to the checkout page) points at the
 * session's own page once the runtime read one: no second session for one click.
 */
export function loadCheckout(
  parent: HTMLElement,
  url: string,
  options: FrameTimings & { source?: HTMLElement; embed_mode?: 'inline' },
  onMessage: (type: EmbedMessage['type'], detail: MessageDetail, redirecting: boolean) => void,
  onFail: (words: string, error: CheckoutLinkErrorDetail) => void,
  link: HTMLAnchorElement,
  words: CardWords,
): () => void {
  const endpoint = url.replace(/\/redirect\/?(\?.*)?$/, '/sessions');
  // No content type: sent as text/plain, a CORS simple request (no preflight on the click path); the endpoint takes it.
  const body = JSON.stringify({
    ...Object.fromEntries(new URL(url).searchParams),
    embed_origin: location.origin,
    embed_mode: options.embed_mode,
  });
  const key = endpoint + body;
  /** Failures no longer count: a message came, one was reported, or stopped (timers just lapse). */
  let done = false;
  let unframe = () => {};
  const stop = () => {
    done = true;
    unframe();
  };
  // A failure this file sees itself is the network's; the runtime words its own.
  const fail = (code: CheckoutLinkErrorCode, message: string = code, said = words.unreachable) => {
    if (!done) {
      stop();
      onFail(said, { code, message });
    }
  };
  // With no runtime yet there is no session to reopen either: the runtime keeps them.
  const kept = runtime?.keptSession(key);
  // Both at once, so the frame runtime adds no round trip to the click. A rejection: the request
  // itself failed (offline, CORS, DNS) or the frame runtime did not load.
  Promise.all([
    loadFrame(retry).then(
      (loaded) => {
        loaded.styleCard(parent);
        runtime = loaded;
        return loaded;
      },
      (e) => {
        retry += '?';
        throw e;
      },
    ),
    kept || fetch(endpoint, { method: 'POST', body }),
  ])
    .then(([{ frameSession }, answer]) => {
      if (!done)
        unframe = frameSession(
          parent,
          answer as FramedSession | Response,
          options,
          (type, detail, redirecting) => {
            done = true;
            onMessage(type, detail, redirecting);
          },
          fail,
          key,
          link,
          words,
        );
    })
    .catch(() => fail('network'));
  return stop;
}

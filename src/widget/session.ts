import type { EmbedMessage } from '../shared/embed-messages.ts';
import type { SessionCreated } from '../shared/schemas/checkout.ts';
import type { CheckoutLinkErrorCode, CheckoutLinkErrorDetail } from './events.ts';
import type { MessageDetail } from './frame.ts';

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

/**
 * Sessions this page created, by request (endpoint and body): opening the
 * same button again within the session's life frames the same session, so
 * what the page saved of the customer's input is still there. Dropped once
 * it succeeded or the page restarted it; nothing typed is kept here.
 */
const sessions = new Map<string, SessionCreated>();

/**
 * Loads the frame runtime (`./frame.ts`): inlined where it is bundled (the
 * element); the snippet, built without it, points this at the file beside
 * itself (`setFrameLoader`). Called by the warm-up on intent and on the click
 * beside the session request.
 */
export let loadFrame = (): Promise<typeof import('./frame.ts')> => import('./frame.ts');
export const setFrameLoader = (load: typeof loadFrame) => {
  loadFrame = load;
};

/**
 * Loads a checkout link's session into a new iframe appended to `parent`.
 * `url` is the link URL with the prefill in its query (`withPrefill`): that
 * query, plus `embed_origin`, is the JSON body that creates the session at
 * the link's endpoint (`…/redirect` → `…/sessions`); then the page it answers
 * as `embed_url` is framed by the frame runtime (`frameSession`, which handles
 * its messages), loaded at the same time as that request.
 *
 * A failure (network, 4xx, 5xx, CORS, an origin the organization does not
 * list, a refused frame, a frame runtime that did not load) calls `onFail` once; none is reported after `loaded`
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
  const fail = (code: CheckoutLinkErrorCode, message: string = code) => {
    if (!done) {
      stop();
      // Try again starts from a new session: this one's page did not come up.
      sessions.delete(key);
      onFail({ code, message });
    }
  };
  const session = async () => {
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
    return created;
  };
  // Both at once, so the frame runtime adds no round trip to the click. A rejection: the request
  // itself failed (offline, CORS, DNS), its answer was no JSON, or the frame runtime did not load.
  Promise.all([loadFrame(), session()])
    .then(([{ frameSession }, created]) => {
      if (created && !done)
        unframe = frameSession(
          parent,
          created,
          options,
          (type, detail, redirecting) => {
            done = true;
            onMessage(type, detail, redirecting);
          },
          fail,
          () => sessions.delete(key),
        );
    })
    .catch(() => fail('network'));
  return stop;
}

/** Forgets the sessions kept for reopening (tests start each case afresh). */
export const forgetSessions = (): void => sessions.clear();

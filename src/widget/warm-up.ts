import { create } from './dom.ts';
import { loadFrame } from './session.ts';

const warmed = new Set<string>();

/**
 * Intent-based warm-up (hover, focus, touch start), once per backend origin,
 * so the click path is short. It creates no session: nobody asked for one.
 * The session request comes from this page, so a preconnect here serves it.
 * The checkout page's files must land in the cache of the checkout frame:
 * a cross-site frame cannot use what this page fetched (the HTTP cache is
 * partitioned by site), so a hidden frame of the backend's `/checkout/warm`
 * fetches them under the right partition. The frame runtime loads too (a
 * file of its own for the snippet); a failure here is retried on the click.
 */
export function warmUp(linkUrl: string): void {
  try {
    const origin = new URL(linkUrl, document.baseURI).origin;
    if (!warmed.has(origin)) {
      warmed.add(origin);
      loadFrame().catch(() => {});
      document.head.append(create('link', { rel: 'preconnect', href: origin, crossOrigin: '' }));
      // It stays (hidden, one per backend): its preloads do not hold its load event, so no moment says they are done.
      document.body.append(create('iframe', { src: `${origin}/checkout/warm`, hidden: true }));
    }
  } catch {
    // A bad link URL fails on click, with the error event.
  }
}

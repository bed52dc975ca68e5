import { create } from './dom.ts';

const warmed = new Set<string>();

/**
 * The warm-up's hints for the backend of `linkUrl`, once per origin. The session request comes from this page, so a preconnect here serves it.
 * The checkout page's files must land in the cache of the checkout frame:
 * a cross-site frame cannot use what this page fetched (the HTTP cache is
 * partitioned by site), so a hidden frame of the backend's `/checkout/warm`
 * fetches them under the right partition.
 */
export function warmHints(linkUrl: string): void {
  try {
    const origin = new URL(linkUrl, document.baseURI).origin;
    if (warmed.has(origin)) return;
    warmed.add(origin);
    document.head.append(create('link', { rel: 'preconnect', href: origin, crossOrigin: '' }));
    // It stays (hidden, one per backend): its preloads do not hold its load event, so no moment says they are done.
    document.body.append(create('iframe', { src: `${origin}/checkout/warm`, hidden: true }));
  } catch {
    // A bad link URL fails on click, with the error event.
  }
}

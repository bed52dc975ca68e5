import { create } from './dom.ts';

/**
 * The warm-up's hints for a backend `origin`. The session request comes from this page, so a preconnect here serves it.
 * The checkout page's files must land in the cache of the checkout frame:
 * a cross-site frame cannot use what this page fetched (the HTTP cache is
 * partitioned by site), so a hidden frame of the backend's `/checkout/warm`
 * fetches them under the right partition.
 */
export function warmHints(origin: string): void {
  document.head.append(create('link', { rel: 'preconnect', href: origin, crossOrigin: '' }));
  // It stays (hidden, one per backend): its preloads do not hold its load event, so no moment says they are done.
  document.body.append(create('iframe', { src: `${origin}/checkout/warm`, hidden: true }));
}

import { create } from './dom.ts';

const warmed = new Set<string>();

/**
 * Intent-based warm-up (hover, focus, touch start): preconnects to the
 * backend and prefetches the checkout page's script and style, once per
 * backend origin, so the click path is short. It creates no session: nobody
 * asked for one yet.
 */
export function warmUp(linkUrl: string): void {
  try {
    const origin = new URL(linkUrl, document.baseURI).origin;
    if (!warmed.has(origin)) {
      warmed.add(origin);
      // Preconnect twice (CORS mode for the session fetch and the module script, no-CORS for the style)
      // and prefetch in the mode each will be loaded in, so the hints are reused.
      for (const [i, path] of ['', '', '/pages/checkout.js', '/pages/checkout.css'].entries())
        document.head.append(
          create('link', {
            rel: i < 2 ? 'preconnect' : 'prefetch',
            href: origin + path,
            crossOrigin: i % 2 ? null : '',
          }),
        );
    }
  } catch {
    // A bad link URL fails on click, with the error event.
  }
}

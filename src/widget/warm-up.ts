const warmed = new Set<string>();

/**
 * Intent-based warm-up (hover, focus, touch start): preconnects to the
 * backend and prefetches the checkout page's script and style, once per
 * backend origin, so the click path is short. It creates no session: nobody
 * asked for one yet.
 */
export function warmUp(linkUrl: string): void {
  let origin: string;
  try {
    origin = new URL(linkUrl, document.baseURI).origin;
  } catch {
    return; // a bad link URL fails on click, with the error event
  }
  if (warmed.has(origin)) return;
  warmed.add(origin);
  // `crossOrigin`: the session fetch is anonymous CORS and module scripts load in CORS mode, so the hints must match to be reused.
  for (const [rel, path, crossOrigin] of [
    ['preconnect', '', 'anonymous'],
    ['preconnect', ''],
    ['prefetch', '/pages/checkout.js', 'anonymous'],
    ['prefetch', '/pages/checkout.css'],
  ])
    document.head.append(Object.assign(document.createElement('link'), { rel, href: origin + path, crossOrigin }));
}

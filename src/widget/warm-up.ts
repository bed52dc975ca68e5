const warmed = new Set<string>();

/**
 * Intent-based warm-up (hover, focus, touch start): preconnects to the
 * backend and prefetches the checkout page's script and style, once per
 * backend origin, so the click path is short. It creates no session: nobody
 * asked for one yet. Never throws (a bad URL is simply not warmed).
 */
export function warmUp(linkUrl: string): void {
  let origin: string;
  try {
    origin = new URL(linkUrl, document.baseURI).origin;
  } catch {
    return;
  }
  if (warmed.has(origin)) return;
  warmed.add(origin);
  // The session fetch is anonymous (CORS without credentials) and the frame's navigation is not: one connection each.
  const hints: [string, string, string?][] = [
    ['preconnect', origin],
    ['preconnect', origin, 'anonymous'],
    // Module scripts are fetched in CORS mode: the prefetch must match to be reused.
    ['prefetch', `${origin}/pages/checkout.js`, 'anonymous'],
    ['prefetch', `${origin}/pages/checkout.css`],
  ];
  for (const [rel, href, crossOrigin] of hints) {
    const link = document.createElement('link');
    link.rel = rel;
    link.href = href;
    if (crossOrigin) link.crossOrigin = crossOrigin;
    document.head.append(link);
  }
}

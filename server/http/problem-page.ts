import { html } from 'hono/html';

const PAGES = {
  link_not_found: {
    title: 'This checkout link does not exist',
    body: 'The link may have been mistyped or removed by the seller. Ask them for a current link.',
  },
  link_unavailable: {
    title: 'This product is no longer available',
    body: 'The seller no longer offers the products of this checkout link.',
  },
  rate_limited: {
    title: 'Too many checkouts from this address',
    body: 'This network opened this checkout link very many times in the last minute. Wait a minute and try again.',
  },
  checkout_not_found: {
    title: 'This checkout does not exist',
    body: 'The checkout may have been mistyped, or it was cleaned up after it expired. Go back to the seller’s page and start again from their checkout link.',
  },
} as const;

export type ProblemCode = keyof typeof PAGES;

/** A small readable page for people who open a link that cannot serve. No user input is echoed. */
export function renderLinkProblemPage(code: ProblemCode) {
  const page = PAGES[code];
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title}</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
  main { max-width: 28rem; padding: 2rem; }
  h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
  p { line-height: 1.5; opacity: .8; margin: 0; }
</style>
</head>
<body><main role="main"><h1>${page.title}</h1><p>${page.body}</p></main></body>
</html>`;
}

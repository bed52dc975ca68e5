import { html, raw } from 'hono/html';
import type { CheckoutPublic } from '../../src/shared/schemas/index.ts';

export interface CheckoutPageOptions {
  checkout: CheckoutPublic;
  scriptUrl: string;
  styleUrl: string | null;
  embedded: boolean;
  /** The parent's origin, only when framing is allowed for it. */
  embedOrigin: string | null;
  theme: 'light' | 'dark' | null;
}

/** JSON inside a <script type="application/json">: `<` escaped so no value can close the tag. */
const safeJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, '');

/**
 * The HTML shell of the hosted checkout. The session rides along as inert
 * JSON so the page renders without a second round trip.
 */
export function renderCheckoutPage(o: CheckoutPageOptions) {
  return html`<!doctype html>
<html lang="en"${o.theme ? raw(` data-theme="${o.theme}"`) : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>Checkout · ${o.checkout.organization.name}</title>
${o.styleUrl ? html`<link rel="stylesheet" href="${o.styleUrl}">` : ''}
<script type="module" src="${o.scriptUrl}"></script>
</head>
<body>
<checkout-page${o.embedded ? raw(' embedded') : ''}></checkout-page>
<script type="application/json" id="checkout-data">${raw(safeJson({ checkout: o.checkout, embedded: o.embedded, embed_origin: o.embedOrigin }))}</script>
</body>
</html>`;
}

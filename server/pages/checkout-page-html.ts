import { html, raw } from 'hono/html';
import { describeMoney, type MoneyFormat } from '../../src/checkout-page/money-format.ts';
import type { PageData } from '../../src/checkout-page/page-data.ts';
import { pageCatalogFor } from '../../src/i18n/catalogs/index.ts';
import { fill } from '../../src/i18n/fill.ts';
import { isRtl, type Locale } from '../../src/i18n/locales.ts';
import type { CheckoutPublic } from '../../src/shared/schemas/index.ts';
import type { FixedTheme } from '../../src/shared/theme.ts';

export interface CheckoutPageOptions {
  checkout: CheckoutPublic;
  scriptUrl: string;
  /** What the script imports at once (its app chunk), preloaded so it does not wait for the script. */
  preloadUrls?: string[];
  styleUrl: string | null;
  embedded: boolean;
  /** The parent's origin, only when framing is allowed for it. */
  embedOrigin: string | null;
  theme: FixedTheme | null;
  /** The negotiated locale: the page's language, its catalog and its money formats. */
  locale: Locale;
}

/** JSON inside a <script type="application/json">: `<` escaped so no value can close the tag. */
const safeJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, '');

/** Per locale and currency code: ICU's reading of it, once per process (null: the page formats it with `Intl`). */
const described = new Map<string, MoneyFormat | null>();

/** How every currency the session can show reads in the locale: its own, its products' prices', a fixed discount's. */
function moneyFormats(c: CheckoutPublic, locale: Locale): Record<string, MoneyFormat> {
  const codes = new Set(
    [
      c.currency,
      ...c.products.flatMap((p) => p.prices.map((x) => x.price_currency)),
      c.discount?.currency ?? c.currency,
    ].map((code) => code.toUpperCase()),
  );
  const formats: Record<string, MoneyFormat> = {};
  for (const code of codes) {
    const key = `${locale} ${code}`;
    if (!described.has(key)) {
      let m: MoneyFormat | null = null;
      try {
        m = describeMoney(code, locale);
      } catch {
        // Not a code ICU takes: the page meets the same error through `Intl`, as before.
      }
      described.set(key, m);
    }
    const m = described.get(key);
    if (m) formats[code] = m;
  }
  return formats;
}

/** What the page needs to speak a locale: its catalog and how the session's money reads in it (also the switcher's). */
export const pageStrings = (checkout: CheckoutPublic, locale: Locale) => ({
  locale,
  strings: pageCatalogFor(locale),
  money_formats: moneyFormats(checkout, locale),
});

/**
 * The HTML shell of the hosted checkout. The session rides along as inert
 * JSON so the page renders without a second round trip.
 *
 * The script is an async module after the data: it runs as soon as it
 * arrives (the widget prefetched it on hover), in a task of its own, and the
 * page's `loaded` message reaches the parent right after the first render.
 * A deferred module in the head ran in the same task as the end of parsing:
 * `DOMContentLoaded`, Chromium's autofill scan of the fresh form (a forced
 * layout) and the load event all went before the parent could hear `loaded`.
 */
export function renderCheckoutPage(page: CheckoutPageOptions) {
  const { locale } = page;
  const words = pageStrings(page.checkout, locale);
  const strings = words.strings;
  const data: PageData = {
    checkout: page.checkout,
    embedded: page.embedded,
    embed_origin: page.embedOrigin,
    money_formats: words.money_formats,
    strings,
  };
  return html`<!doctype html>
<html lang="${locale}"${isRtl(locale) ? raw(' dir="rtl"') : ''}${page.theme ? raw(` data-theme="${page.theme}"`) : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${fill(strings.pageTitle, { name: page.checkout.organization.name })}</title>
${page.styleUrl ? html`<link rel="stylesheet" href="${page.styleUrl}">` : ''}
${(page.preloadUrls ?? []).map((url) => html`<link rel="modulepreload" href="${url}">`)}
</head>
<body>
<checkout-page${page.embedded ? raw(' embedded') : ''}></checkout-page>
<script type="application/json" id="checkout-data">${raw(safeJson(data))}</script>
<script type="module" async src="${page.scriptUrl}"></script>
</body>
</html>`;
}

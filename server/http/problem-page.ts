import { html, raw } from 'hono/html';
import type { MessageKey } from '../../src/i18n/catalog.ts';
import { catalogFor } from '../../src/i18n/catalogs/index.ts';
import { fill } from '../../src/i18n/fill.ts';
import { isRtl, type Locale } from '../../src/i18n/locales.ts';
import type { LinkUnavailableReason } from '../../src/shared/schemas/index.ts';
import { UNAVAILABLE_SENTENCES } from '../core/link-availability.ts';

/** Each problem's title and body in the catalogs. */
const PAGES = {
  link_not_found: ['linkNotFoundTitle', 'linkNotFoundBody'],
  link_unavailable: ['linkUnavailableTitle', 'linkUnavailableBody'],
  rate_limited: ['rateLimitedTitle', 'rateLimitedBody'],
  checkout_not_found: ['checkoutNotFoundTitle', 'checkoutNotFoundBody'],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

/** Why a link does not serve, in the catalogs. */
const REASONS = {
  inactive: ['inactiveTitle', 'inactiveBody'],
  not_started: ['notStartedTitle', 'notStartedBody'],
  ended: ['endedTitle', 'endedBody'],
  limit_reached: ['limitReachedTitle', 'limitReachedBody'],
} as const satisfies Record<LinkUnavailableReason, readonly [MessageKey, MessageKey]>;

export type ProblemCode = keyof typeof PAGES;

/** What the page may say about where the person came from. */
export interface ProblemContext {
  /** The seller's name, where the link is known. */
  sellerName?: string | null;
  /** The link's return URL, else the referring page's origin: the way back. */
  backUrl?: string | null;
  /** Why a `link_unavailable` link does not serve (none: its products are gone). */
  reason?: LinkUnavailableReason | null;
  /** The merchant's own words for it (`inactive_message`), shown as text. */
  message?: string | null;
  /** The language the page is written in (English when not given). */
  locale?: Locale;
}

/** The way back: only an http(s) URL, else none (never a `javascript:` or `data:` link). */
export function backUrlFrom(...candidates: (string | null | undefined)[]): string | null {
  for (const c of candidates) {
    if (!c) continue;
    try {
      const url = new URL(c);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      // Not a URL: try the next one.
    }
  }
  return null;
}

// The checkout page's palette and card (src/checkout-page/checkout-page.css), inline: this page loads nothing.
const STYLE = `
:root { color-scheme: light; --bg: #f5f6f8; --surface: #fff; --text: #101828; --muted: #5d6679; --border: #e4e7ec;
  --accent: #4f46e5; --accent-contrast: #fff; --shadow: 0 1px 2px rgb(16 24 40 / 4%), 0 12px 32px -8px rgb(16 24 40 / 10%);
  font: 400 16px/1.5 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
@media (prefers-color-scheme: dark) { :root { color-scheme: dark; --bg: #0c0e13; --surface: #151922; --text: #eceff4;
  --muted: #9ca5b5; --border: #272d39; --accent: #8f96ff; --accent-contrast: #0c0e13; --shadow: 0 12px 32px -8px rgb(0 0 0 / 50%); } }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; background: var(--bg); color: var(--text); }
header { display: flex; align-items: center; gap: 10px; padding: 16px 24px; font-weight: 600; }
.avatar { display: grid; place-items: center; width: 32px; height: 32px; border-radius: 8px; background: var(--accent);
  color: var(--accent-contrast); font-weight: 700; }
main { flex: 1; display: grid; place-items: center; padding: 24px 16px; }
.card { width: min(100%, 30rem); padding: 32px 28px; border: 1px solid var(--border); border-radius: 12px;
  background: var(--surface); box-shadow: var(--shadow); text-align: center; }
.icon { display: inline-grid; place-items: center; width: 56px; height: 56px; margin-bottom: 16px; border-radius: 50%;
  background: color-mix(in srgb, var(--accent) 12%, transparent); color: var(--accent); font-size: 28px; font-weight: 700; }
h1 { margin: 0 0 8px; font-size: 1.375rem; line-height: 1.3; letter-spacing: -0.01em; }
p { margin: 0; color: var(--muted); }
.message { white-space: pre-line; overflow-wrap: anywhere; }
.button { display: inline-block; margin-top: 24px; padding: 11px 20px; border-radius: 10px; background: var(--accent);
  color: var(--accent-contrast); font-weight: 600; text-decoration: none; }
.button:focus-visible { outline: 2px solid var(--accent); outline-offset: 3px; }
.hint { margin-top: 20px; font-size: 0.875rem; }
footer { padding: 24px; text-align: center; color: var(--muted); font-size: 0.8125rem; }
`;

/**
 * A problem's title and body in `locale`: the merchant's inactive message
 * (`context.message`) as they wrote it, our own sentence for a reason in the locale.
 */
export function problemWords(
  code: ProblemCode,
  locale: Locale,
  context: Pick<ProblemContext, 'reason' | 'message'> = {},
): { title: string; body: string; merchantWords: string | null } {
  const t = catalogFor(locale);
  const reason = code === 'link_unavailable' ? context.reason : null;
  const [titleKey, bodyKey] = reason ? REASONS[reason] : PAGES[code];
  const own = context.message?.trim();
  const merchantWords = own && reason && own !== UNAVAILABLE_SENTENCES[reason].body ? own : null;
  return { title: t[titleKey], body: merchantWords ?? t[bodyKey], merchantWords };
}

/**
 * A readable page for people who open a link or checkout that cannot serve,
 * in the checkout's look, with the seller's name where it is known and a way
 * back. Only our own text, the seller's name and a checked http(s) URL are
 * shown, and the merchant's inactive message as text, all escaped by hono/html.
 */
export function renderLinkProblemPage(code: ProblemCode, context: ProblemContext = {}) {
  const locale = context.locale ?? 'en';
  const t = catalogFor(locale);
  const page = problemWords(code, locale, context);
  const seller = context.sellerName?.trim() || null;
  const back = context.backUrl ? backUrlFrom(context.backUrl) : null;
  const [footBefore, footAfter] = t.secureBy.split('{brand}');
  return html`<!doctype html>
<html lang="${locale}"${isRtl(locale) ? raw(' dir="rtl"') : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${page.title}</title>
<style>${STYLE}</style>
</head>
<body>
${seller ? html`<header><span class="avatar" aria-hidden="true">${seller.charAt(0)}</span>${seller}</header>` : ''}
<main>
<section class="card" aria-labelledby="problem-title">
<div class="icon" aria-hidden="true">!</div>
<h1 id="problem-title">${page.title}</h1>
<p class="message">${page.body}</p>
${
  back
    ? html`<a class="button" href="${back}">${seller ? fill(t.backTo, { name: seller }) : t.backToShop}</a>`
    : html`<p class="hint">${t.useBackButton}</p>`
}
</section>
</main>
<footer>${footBefore}<strong>checkout-link</strong>${footAfter ?? ''}</footer>
</body>
</html>`;
}

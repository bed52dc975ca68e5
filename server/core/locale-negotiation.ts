import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../src/i18n/locales.ts';

/** Where the page's locale can come from, strongest first; each may be absent or unusable. */
export interface LocaleSources {
  /** The `locale` prefill (the link's query, the sessions endpoint's JSON, a button's `data-locale`). */
  prefill?: string | null;
  /** The switcher's choice, from its cookie. */
  cookie?: string | null;
  /** The browser's `Accept-Language` header. */
  acceptLanguage?: string | null;
  /** The organization's `default_locale`. */
  organizationDefault?: string | null;
}

const BY_LOWER = new Map<string, Locale>(LOCALES.map((l) => [l.toLowerCase(), l]));
/** A language we speak only in one variant: the bare language reads that one. */
const REGIONAL: Record<string, Locale> = { pt: 'pt-BR', zh: 'zh-CN' };

/**
 * The supported locale a language tag asks for, or null: the tag itself
 * (any case, `_` taken for `-`), else its language (`de-AT` → `de`,
 * `pt-PT` → `pt-BR`, `zh-Hant-TW` → `zh-CN`). Anything else, malformed
 * included, is null, never an error.
 */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (typeof tag !== 'string') return null;
  const t = tag.trim().replace(/_/g, '-').toLowerCase();
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(t)) return null;
  const exact = BY_LOWER.get(t);
  if (exact) return exact;
  const language = t.split('-')[0] as string;
  return BY_LOWER.get(language) ?? REGIONAL[language] ?? null;
}

/** An `Accept-Language` header's tags, most wanted first (by q, then order); q=0 and `*` left out. */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 50)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      // A malformed q weighs nothing: the tag is not wanted in a form we can read.
      const q = params.map((p) => /^\s*q\s*=(.*)$/.exec(p)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : /^\s*[01](\.\d{0,3})?\s*$/.test(q) ? Number(q) : 0;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((e) => e.tag && e.tag !== '*' && e.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((e) => e.tag);
}

/**
 * The locale a page is written in: the first source naming a supported
 * locale wins, in the order of `LocaleSources`, then English. An unknown
 * tag only falls through to the next source.
 */
export function negotiateLocale(s: LocaleSources): Locale {
  return customerLocale(s) ?? matchLocale(s.organizationDefault) ?? DEFAULT_LOCALE;
}

/** The locale the customer's side names (prefill, cookie, browser), or null: the organization's is not needed. */
export function customerLocale(s: Omit<LocaleSources, 'organizationDefault'>): Locale | null {
  return (
    matchLocale(s.prefill) ??
    matchLocale(s.cookie) ??
    acceptedLanguages(s.acceptLanguage)
      .map(matchLocale)
      .find((l) => l !== null) ??
    null
  );
}

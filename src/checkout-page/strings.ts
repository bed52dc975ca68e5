import type { PageCatalog } from '../i18n/catalog.ts';
import { fill, fillParts } from '../i18n/fill.ts';

/**
 * The page's words: the one catalog the server inlined for the negotiated
 * locale (`strings` in the page data). The page carries no catalog of its
 * own, so its weight does not grow with the locales.
 */
let strings: Partial<PageCatalog> = {};

export const useStrings = (catalog: Partial<PageCatalog> | undefined) => {
  strings = catalog ?? {};
};

/** The page's locale: the document's language, which the server sets. */
export const lang = () => document.documentElement.lang || 'en';

/** A string of the catalog with its `{placeholders}` filled; the key itself if the catalog lacks it. */
export const t = (key: keyof PageCatalog, params?: Record<string, string | number>) =>
  fill(strings[key] ?? key, params);

/** The same, split around its placeholders so a value can be markup (`<strong>`, a link). */
export const tParts = <T>(key: keyof PageCatalog, params: Record<string, T>) => fillParts(strings[key] ?? key, params);

/** "14 days", "1 Monat", "3か月": a count of a calendar unit, from `Intl` in the page's language. */
export const unitCount = (count: number, unit: 'day' | 'week' | 'month' | 'year') =>
  new Intl.NumberFormat(lang(), { style: 'unit', unit, unitDisplay: 'long' }).format(count);

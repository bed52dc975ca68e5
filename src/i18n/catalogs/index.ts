import { CARD_KEYS, type Catalog, type PageCatalog, PROBLEM_PAGE_KEYS } from '../catalog.ts';
import type { Locale } from '../locales.ts';
import { ar } from './ar.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { ja } from './ja.ts';
import { nl } from './nl.ts';
import { pl } from './pl.ts';
import { ptBR } from './pt-BR.ts';
import { sv } from './sv.ts';
import { zhCN } from './zh-CN.ts';

/** Every locale's catalog, for the server: a page receives only its own (see strings-for.ts). */
export const CATALOGS: Record<Locale, Catalog> = {
  en,
  de,
  fr,
  es,
  it,
  nl,
  'pt-BR': ptBR,
  pl,
  sv,
  ja,
  'zh-CN': zhCN,
  ar,
};

/**
 * The strings of `locale`, English for any key it lacks: a catalog is
 * checked complete by the tests, and this keeps a page readable if one ever
 * ships short or with an empty string.
 */
export function catalogFor(locale: Locale): Catalog {
  if (locale === 'en') return en;
  const own = Object.entries(CATALOGS[locale] ?? {}).filter(([, text]) => typeof text === 'string' && text.trim());
  return { ...en, ...Object.fromEntries(own) };
}

const NOT_FOR_THE_PAGE = new Set<string>([...PROBLEM_PAGE_KEYS, ...CARD_KEYS]);

/** The strings the checkout page is sent for `locale`: only its own keys, so the page carries no more than it shows. */
export const pageCatalogFor = (locale: Locale): PageCatalog =>
  Object.fromEntries(Object.entries(catalogFor(locale)).filter(([key]) => !NOT_FOR_THE_PAGE.has(key))) as PageCatalog;

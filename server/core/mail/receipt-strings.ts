import { fill } from '../../../src/i18n/fill.ts';
import type { Locale } from '../../../src/i18n/locales.ts';
import { matchLocale } from '../locale-negotiation.ts';
import { en, type ReceiptKey } from './receipt-catalogs/en.ts';
import { RECEIPT_CATALOGS } from './receipt-catalogs/index.ts';

/** A receipt's words in one locale: `t('orderSubject', { org })`. */
export type ReceiptWords = (key: ReceiptKey, params?: Record<string, string>) => string;

/**
 * The locale a receipt is written in, matched as the page matches it
 * (`de-AT` reads German, `pt` Brazilian Portuguese), else English.
 */
export const receiptCatalogTag = (locale: string): Locale => matchLocale(locale) ?? 'en';

/** The words of `locale`, English for any key its catalog lacks or leaves empty. */
export function receiptWords(locale: string): ReceiptWords {
  const catalog = RECEIPT_CATALOGS[receiptCatalogTag(locale)];
  return (key, params = {}) => fill(catalog[key]?.trim() ? catalog[key] : en[key], params);
}

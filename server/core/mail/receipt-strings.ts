import { en, type ReceiptKey } from './receipt-catalogs/en.ts';
import { RECEIPT_CATALOGS } from './receipt-catalogs/index.ts';

/** A receipt's words in one locale: `t('orderSubject', { org })`. */
export type ReceiptWords = (key: ReceiptKey, params?: Record<string, string>) => string;

/**
 * The catalog of `locale`: its own tag, else the one of its language
 * (`de-AT` reads German, `pt` Brazilian Portuguese), else English.
 */
export function receiptCatalogTag(locale: string): string {
  const tags = Object.keys(RECEIPT_CATALOGS);
  const lower = locale.toLowerCase();
  const language = lower.split('-')[0];
  return tags.find((tag) => tag.toLowerCase() === lower) ?? tags.find((tag) => tag.split('-')[0] === language) ?? 'en';
}

/** The words of `locale`, English for any key its catalog lacks or leaves empty. */
export function receiptWords(locale: string): ReceiptWords {
  const catalog = RECEIPT_CATALOGS[receiptCatalogTag(locale)] ?? en;
  return (key, params = {}) =>
    (catalog[key]?.trim() ? catalog[key] : en[key]).replace(
      /\{(\w+)\}/g,
      (whole, name: string) => params[name] ?? whole,
    );
}

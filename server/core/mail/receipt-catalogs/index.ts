import type { Locale } from '../../../../src/i18n/locales.ts';
import { ar } from './ar.ts';
import { de } from './de.ts';
import { en, type ReceiptCatalog } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { ja } from './ja.ts';
import { nl } from './nl.ts';
import { pl } from './pl.ts';
import { ptBR } from './pt-BR.ts';
import { sv } from './sv.ts';
import { zhCN } from './zh-CN.ts';

/** A receipt's words in each locale the checkout speaks. */
export const RECEIPT_CATALOGS: Record<Locale, ReceiptCatalog> = {
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

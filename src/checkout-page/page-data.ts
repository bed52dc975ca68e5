import type { PageCatalog } from '../i18n/catalog.ts';
import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import type { MoneyFormat } from './money-format.ts';

/** What the server inlines in `#checkout-data`, so the first paint needs no request. */
export interface PageData {
  checkout: CheckoutPublic;
  /** `?embed=1` was asked for: render without page chrome. */
  embedded: boolean;
  /** The parent's origin, set only when the organization allows framing there; else nothing is posted. */
  embed_origin: string | null;
  /** How each currency of the session reads (see money-format.ts), so the first render needs no `Intl`. */
  money_formats?: Record<string, MoneyFormat>;
  /** The page's strings: the negotiated locale's catalog alone (English filled in for a key it lacks). */
  strings?: PageCatalog;
}

/**
 * Reads the inline session JSON. It is trusted server output (the type only
 * documents it): validating it again here would cost the page a runtime
 * schema library for no gain.
 */
export function readPageData(doc: Document = document): PageData | null {
  const text = doc.getElementById('checkout-data')?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as PageData;
  } catch {
    return null;
  }
}

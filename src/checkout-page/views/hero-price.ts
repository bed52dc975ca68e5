import { html, nothing } from 'lit';
import type { CheckoutPublic } from '../../shared/schemas/checkout.ts';
import { formatMoney, intervalSuffix } from '../money.ts';
import { t } from '../strings.ts';
import { renewalNote } from './order-summary.ts';
import { trialTerms } from './trial-terms.ts';

/**
 * The big price beside the product name: what the customer pays, so a
 * discount shows here too (the full price struck through beside it). A
 * subscription discount that ends keeps the full price, which is what
 * renews; the summary says what is due today.
 */
export function renderHeroPrice(c: CheckoutPublic) {
  if (c.product_price.amount_type === 'free') return t('free');
  const trial = trialTerms(c);
  if (trial) return trial;
  const interval = c.product.recurring_interval
    ? html`<span class="interval">${intervalSuffix(c.product)}</span>`
    : nothing;
  if (c.discount_amount === 0 || renewalNote(c) !== null) return html`${formatMoney(c.amount, c.currency)}${interval}`;
  return html`<s class="was"><span class="sr-only">${t('was')} </span>${formatMoney(c.amount, c.currency)}</s>
    <span class="sr-only">${t('now')} </span>${formatMoney(c.total_amount, c.currency)}${interval}`;
}

/** A name with each hyphenated word kept whole ("(e-book)" never breaks after "e-"); the text is unchanged. */
export function keepHyphenatedWords(text: string) {
  const parts = text.split(/(\S*-\S*)/);
  if (parts.length === 1) return text;
  return html`${parts.map((p, i) => (i % 2 ? html`<span class="nobr">${p}</span>` : p))}`;
}

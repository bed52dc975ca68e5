import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import type { CrossedBound } from '../shared/schemas/common.ts';
import { formatMoney } from './money.ts';
import { lang, t } from './strings.ts';

/**
 * What the customer reads about a refusal, in the page's language. The API
 * speaks English to developers: in English its precise words are shown;
 * in any other language the page says it from the error code, the field and
 * the bound crossed, never the server's English `msg`. This part is drawn
 * with the form (a prefilled value left out); failure-text.ts words the
 * answers to a save or a payment.
 */

export const english = () => lang() === 'en';

/** An amount's bound in money ("This must be at least $5.00."), or null without one. */
export function boundText(bound: CrossedBound | undefined, currency: string): string | null {
  if (bound?.ge !== undefined) return t('errAmountMin', { amount: formatMoney(bound.ge, currency) });
  if (bound?.le !== undefined) return t('errAmountMax', { amount: formatMoney(bound.le, currency) });
  return null;
}

/** Why the link's prefilled value for a field was not used. */
export function droppedText(key: string, d: CheckoutPublic['prefill_dropped'][number], c: CheckoutPublic): string {
  const bound = key === 'amount' ? boundText(d.ctx, c.currency) : null;
  if (!english()) return bound ? `${t('droppedValue')} ${bound}` : t('droppedValue');
  // "must be at least $5.00" from the bound, else the server's words: "…was not used: it is not a valid email address."
  const reason = bound ? bound.replace(/^This /, '').replace(/\.$/, '') : d.reason.trim().replace(/\.$/, '');
  return `The value from your link was not used: it ${reason}.`;
}

import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import type { CrossedBound, ErrorDetail } from '../shared/schemas/common.ts';
import type { ApiFailure } from './checkout-api.ts';
import { formatMoney } from './money.ts';
import { lang, t } from './strings.ts';

/**
 * What the customer reads about a refusal, in the page's language. The API
 * speaks English to developers: in English its precise words are shown;
 * in any other language the page says it from the error code, the field and
 * the bound crossed, never the server's English `msg`.
 */

const english = () => lang() === 'en';

/**
 * The server's reasons are fragments ("is required", "must be at least 3
 * characters"); beside their field they read as "This is required." Full
 * sentences ("Your card was declined.") pass through.
 */
export const sentence = (msg: string) => {
  let s = msg.trim();
  if (!s) return s;
  if (/^(is|must|should|cannot|can't|does|has)\b/.test(s)) s = `This ${s}`;
  return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.');
};

/** An amount's bound in money ("This must be at least $5.00."), or null without one. */
function boundText(bound: CrossedBound | undefined, currency: string): string | null {
  if (bound?.ge !== undefined) return t('errAmountMin', { amount: formatMoney(bound.ge, currency) });
  if (bound?.le !== undefined) return t('errAmountMax', { amount: formatMoney(bound.le, currency) });
  return null;
}

/** The sentence beside a field (`key`) for one of the server's details, with the failure's code. */
export function detailText(key: string, d: ErrorDetail, code: string, c: CheckoutPublic): string {
  if (key === 'amount') return boundText(d.ctx, c.currency) ?? (english() ? sentence(d.msg) : t('errAmount'));
  if (english()) return sentence(d.msg);
  if (code === 'card_declined') return t('errDeclined');
  if (/\b(required|must be checked)\b/.test(d.msg)) return t('errRequired');
  if (key === 'customer_email') return t('errEmail');
  if (key === 'card_number') return t('errCard');
  if (key === 'discount_code') return t('errDiscount');
  const q = c.adjustable_quantity;
  if (key === 'quantity' && q) return t('errQuantity', { min: q.minimum, max: q.maximum });
  return t('errInvalid');
}

/** A detail about no field on the page ("body.metadata: …" in English). */
export const otherText = (d: ErrorDetail) =>
  english()
    ? sentence(d.loc.length ? `${d.loc.filter((p) => p !== 'body').join('.')}: ${d.msg}` : d.msg)
    : t('errInvalid');

/** A failure with no detail to place: the network, an expired session, anything else. */
export function failureText(r: ApiFailure): string {
  if (r.status === 0) return t('errNetwork');
  if (english()) return r.message;
  return t(r.error === 'checkout_expired' ? 'errExpired' : 'errServer');
}

/** Why the link's prefilled value for a field was not used. */
export function droppedText(key: string, d: CheckoutPublic['prefill_dropped'][number], c: CheckoutPublic): string {
  const bound = key === 'amount' ? boundText(d.ctx, c.currency) : null;
  if (!english()) return bound ? `${t('droppedValue')} ${bound}` : t('droppedValue');
  // "must be at least $5.00" from the bound, else the server's words: "…was not used: it is not a valid email address."
  const reason = bound ? bound.replace(/^This /, '').replace(/\.$/, '') : d.reason.trim().replace(/\.$/, '');
  return `The value from your link was not used: it ${reason}.`;
}

/** A confirm refused as the total changed: why (the server's words in English), then the new total. */
export const totalChangedText = (why: string, total: string) =>
  `${english() ? sentence(why) : t('errTotalChanged')} ${t('newTotal', { total })}`;

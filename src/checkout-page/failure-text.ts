import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import type { ErrorDetail } from '../shared/schemas/common.ts';
import type { ApiFailure } from './checkout-api.ts';
import type { Draft } from './draft.ts';
import { boundText, english } from './error-text.ts';
import { type FieldKey, fieldKeyOf, isShownField } from './field-errors.ts';
import { formatMoney, intervalSuffix, toDecimalInput } from './money.ts';
import { t } from './strings.ts';

/** A refused save or payment in the page's language (see error-text.ts); fetched with the first refusal. */

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

/** A confirm refused as the total changed: why (the server's words in English), then the new total. */
export const totalChangedText = (why: string, total: string) =>
  `${english() ? sentence(why) : t('errTotalChanged')} ${t('newTotal', { total })}`;

/** The server's details by field key, the first per field; the rest (no field shown for them) in `other`. */
export function errorsByField(detail: readonly ErrorDetail[], known: (key: FieldKey) => boolean) {
  const fields = new Map<FieldKey, ErrorDetail>();
  const other: ErrorDetail[] = [];
  for (const d of detail) {
    const key = fieldKeyOf(d.loc);
    if (key && known(key)) {
      if (!fields.has(key)) fields.set(key, d);
    } else other.push(d);
  }
  return { fields, other };
}

/**
 * A refused save or payment as the form shows it: each field's message
 * beside it, the rest in one sentence above the button. A save keeps the
 * other fields' messages; a payment attempt starts from none.
 */
export function failureMessages(
  r: ApiFailure,
  c: CheckoutPublic,
  kept: ReadonlyMap<FieldKey, string>,
  submitting: boolean,
): { errors: Map<FieldKey, string>; formError: string | null } {
  const { fields, other } = errorsByField(r.detail, (key) => isShownField(c, key));
  const errors = submitting ? new Map<FieldKey, string>() : new Map(kept);
  for (const [key, d] of fields) errors.set(key, detailText(key, d, r.error, c));
  const formError = other.length
    ? [...new Set(other.map(otherText))].join(' ')
    : fields.size
      ? submitting
        ? t('errAttention')
        : null
      : failureText(r);
  return { errors, formError };
}

/** A confirm refused as the total changed (a discount ran out, a price moved): the new one, to pay again. */
export function newTotalNotice(c: CheckoutPublic, draft: Draft, why: string) {
  return {
    draft: {
      ...draft,
      discountCode: c.discount ? draft.discountCode : '',
      amount: c.product_price.amount_type === 'custom' ? toDecimalInput(c.amount, c.currency) : draft.amount,
      quantity: String(c.quantity),
    },
    errors: new Map<FieldKey, string>(),
    formError: totalChangedText(why, formatMoney(c.total_amount, c.currency) + intervalSuffix(c.product)),
  };
}

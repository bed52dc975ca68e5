import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import { droppedText } from './error-text.ts';
import type { FieldMeta } from './views/field.ts';

/**
 * The key of a form field: `customer_email`, `amount`, `discount_code`,
 * `card_number`, `product_id`, `quantity`, `custom_field_data.{slug}` or
 * `billing_address.{line}`. The server's
 * `detail[].loc` and `prefill_dropped[].field` both map onto it.
 */
export type FieldKey = string;

/** Turns a `loc` (`['body', 'customer_email']`, `['custom_field_data', 'company']`) into a field key. */
export function fieldKeyOf(loc: readonly (string | number)[]): FieldKey | null {
  const path = loc[0] === 'body' ? loc.slice(1) : loc;
  if (!path.length) return null;
  if (path[0] === 'custom_field_data' || path[0] === 'billing_address')
    return path.length > 1 ? `${path[0]}.${path[1]}` : null;
  return String(path[0]);
}

/** Whether the page shows a control for `key`, so that an error about it goes beside it. */
export function isShownField(c: CheckoutPublic, key: FieldKey): boolean {
  if (key === 'customer_email' || key === 'customer_name') return true;
  if (key === 'amount') return c.product_price.amount_type === 'custom';
  if (key === 'discount_code') return c.allow_discount_codes || c.discount !== null;
  if (key === 'card_number') return c.is_payment_required || c.trial !== null;
  if (key === 'quantity') return c.adjustable_quantity !== null;
  if (key.startsWith('billing_address.')) return c.require_billing_address;
  if (key === 'product_id') return c.products.length > 1;
  return c.product.attached_custom_fields.some((a) => `custom_field_data.${a.custom_field.slug}` === key);
}

/** Why the link's value for `key` was not used (until the customer edits it), and the field's error. */
export function fieldNotes(
  c: CheckoutPublic,
  key: FieldKey,
  touched: ReadonlySet<FieldKey>,
  errors: ReadonlyMap<FieldKey, string>,
): Pick<FieldMeta, 'dropped' | 'error'> {
  const dropped = touched.has(key) ? undefined : c.prefill_dropped.find((d) => d.field === key);
  return {
    error: errors.get(key) ?? null,
    dropped: dropped ? droppedText(key, dropped, c) : null,
  };
}

import type { ErrorDetail } from '../shared/schemas/common.ts';

/**
 * The key of a form field: `customer_email`, `amount`, `discount_code`,
 * `card_number`, `product_id`, or `custom_field_data.{slug}`. The server's
 * `detail[].loc` and `prefill_dropped[].field` both map onto it.
 */
export type FieldKey = string;

/** Turns a `loc` (`['body', 'customer_email']`, `['custom_field_data', 'company']`) into a field key. */
export function fieldKeyOf(loc: readonly (string | number)[]): FieldKey | null {
  const path = loc[0] === 'body' ? loc.slice(1) : loc;
  if (!path.length) return null;
  if (path[0] === 'custom_field_data') return path.length > 1 ? `custom_field_data.${path[1]}` : null;
  return String(path[0]);
}

/** Raw field messages by key, the first per field; the rest (no field shown for them) in `other`. */
export function errorsByField(detail: readonly ErrorDetail[], known: (key: FieldKey) => boolean) {
  const fields = new Map<FieldKey, string>();
  const other: string[] = [];
  for (const d of detail) {
    const key = fieldKeyOf(d.loc);
    if (key && known(key)) {
      if (!fields.has(key)) fields.set(key, d.msg);
    } else other.push(d.loc.length ? `${d.loc.filter((p) => p !== 'body').join('.')}: ${d.msg}` : d.msg);
  }
  return { fields, other };
}

/**
 * The server's reasons are fragments ("is required", "must be at least 3
 * characters"); beside their field they read as "This is required." Full
 * sentences ("Your card was declined.") pass through.
 */
export const sentence = (msg: string) => {
  let s = msg.trim();
  if (!s) return s;
  if (/^(is|must|should|cannot|can't|does|has)\b/.test(s)) s = `This ${s}`;
  return s[0].toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.');
};

/**
 * The names of the prefill parameters a checkout link understands.
 *
 * This module is plain data on purpose: the script-tag snippet imports it
 * (no validation library fits its byte budget) and the server's zod schemas
 * import it too, so a name can never differ between the two.
 */

/** Customer and checkout prefill read from attributes, `prefill` or the page URL. */
export const PREFILL_FIELDS = [
  'customer_email',
  'customer_name',
  'discount_code',
  'amount',
  'product_id',
  'quantity',
  'reference_id',
] as const;

/** Campaign attribution copied into the session's metadata (never over the link's own keys). */
export const UTM_FIELDS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] as const;

/** Presentation parameters passed through to the hosted page. */
export const PAGE_FIELDS = ['theme', 'locale'] as const;

/** Query prefix of custom field prefill: `custom_field_data.{slug}`. */
export const CUSTOM_FIELD_PREFIX = 'custom_field_data.';

/** Longest prefill value accepted; longer values are dropped, never truncated. */
export const MAX_PREFILL_VALUE_LENGTH = 500;

export type PrefillField = (typeof PREFILL_FIELDS)[number];
export type UtmField = (typeof UTM_FIELDS)[number];
export type PageField = (typeof PAGE_FIELDS)[number];

/** Every simple (non custom-field) parameter name. */
export type QueryField = PrefillField | UtmField | PageField;

/**
 * Prefill as the widget takes it. Custom fields either nested under
 * `custom_field_data` (by slug) or flat under their query names
 * (`custom_field_data.{slug}`), the one form the widget works with inside
 * and sends (the session endpoint takes both).
 */
export interface Prefill {
  [customField: `custom_field_data.${string}`]: string | number | boolean | undefined;
  customer_email?: string;
  customer_name?: string;
  discount_code?: string;
  amount?: string | number;
  product_id?: string;
  quantity?: string | number;
  reference_id?: string;
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  utm_content?: string;
  utm_term?: string;
  theme?: string;
  locale?: string;
  custom_field_data?: Record<string, string | number | boolean>;
}

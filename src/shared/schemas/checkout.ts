import { z } from 'zod';
import { CUSTOMER_EMAIL_MAX_LENGTH, CUSTOMER_NAME_MAX_LENGTH } from '../customer-limits.ts';
import { PAGE_FIELDS, PREFILL_FIELDS, UTM_FIELDS } from '../prefill-params.ts';
import { crossedBound, httpUrl, id, metadata, minorAmount, text, timestamp } from './common.ts';
import { customFieldData } from './custom-field.ts';
import { adjustableQuantity, billingAddress, checkoutTrial, quantity } from './link-options.ts';
import { product, productPrice } from './product.ts';

export const CHECKOUT_STATUSES = ['open', 'expired', 'confirmed', 'succeeded', 'failed'] as const;
export const checkoutStatus = z.enum(CHECKOUT_STATUSES);
export type CheckoutStatus = z.infer<typeof checkoutStatus>;

/** A prefill value the server ignored, and why (never an error: the link still works). */
export const droppedPrefill = z.object({ field: z.string(), reason: z.string(), ctx: crossedBound.optional() });
export type DroppedPrefill = z.infer<typeof droppedPrefill>;

/** The discount as the customer sees it on a checkout. */
export const checkoutDiscount = z.object({
  id,
  name: z.string(),
  code: z.string().nullable(),
  type: z.enum(['percentage', 'fixed']),
  basis_points: z.int().optional(),
  amount: z.int().optional(),
  currency: z.string().optional(),
  duration: z.string(),
  duration_in_months: z.int().nullable(),
});
export type CheckoutDiscount = z.infer<typeof checkoutDiscount>;

/** What the hosted page (and anyone holding the client secret) may read. */
export const checkoutPublic = z.object({
  id,
  client_secret: z.string(),
  url: z.string(),
  status: checkoutStatus,
  expires_at: timestamp,
  created_at: timestamp,
  organization: z.object({ id, name: z.string() }),
  checkout_link_id: id.nullable(),
  /** The selected product and its price. */
  product_id: id,
  product_price_id: id,
  product,
  product_price: productPrice,
  /** The products the customer may switch between. */
  products: z.array(product),
  /** How many of the product: 1 unless the link lets the customer choose (`adjustable_quantity`). */
  quantity: z.int(),
  /** The bounds the customer may choose the quantity within, for this product; null: it is fixed. */
  adjustable_quantity: adjustableQuantity.nullable(),
  /** Due now, before discount, in minor units: the unit price times `quantity`; 0 during a trial. */
  amount: z.int(),
  discount_amount: z.int(),
  /** What the confirm charges now: 0 during a trial (the card is still collected). */
  total_amount: z.int(),
  /** The free trial of this product on this link, with what each period costs after it; null: none. */
  trial: checkoutTrial.nullable(),
  currency: z.string(),
  is_free_product_price: z.boolean(),
  is_payment_required: z.boolean(),
  customer_email: z.string().nullable(),
  customer_name: z.string().nullable(),
  custom_field_data: customFieldData,
  allow_discount_codes: z.boolean(),
  discount: checkoutDiscount.nullable(),
  success_url: z.string().nullable(),
  return_url: z.string().nullable(),
  /** Plain text for the success state when there is no `success_url` (never HTML). */
  confirmation_message: z.string().nullable(),
  /** Whether confirming needs `billing_address`. */
  require_billing_address: z.boolean(),
  billing_address: billingAddress.nullable(),
  embed_origin: z.string().nullable(),
  /** The checkout link's public URL, to start again once this session expired. */
  link_url: z.string().nullable(),
  /** Prefill values that were ignored, so the page can tell the customer what to fix. */
  prefill_dropped: z.array(droppedPrefill),
  order_id: id.nullable(),
  subscription_id: id.nullable(),
  /**
   * Where the receipt of a succeeded checkout is being emailed; null when no
   * email is sent (the server has no SMTP_URL), so a page promises none.
   */
  receipt_email: z.string().nullable(),
});
export type CheckoutPublic = z.infer<typeof checkoutPublic>;

/** The merchant's view adds what the customer must not read. */
export const checkout = checkoutPublic.extend({ organization_id: id, metadata, modified_at: timestamp.nullable() });
export type Checkout = z.infer<typeof checkout>;

/**
 * Prefill for a new session from a link. Types are loose on purpose: a bad
 * value is dropped and reported, never a reason to refuse the session.
 */
export const sessionPrefill = z.looseObject({
  ...Object.fromEntries([...PREFILL_FIELDS, ...UTM_FIELDS, ...PAGE_FIELDS].map((f) => [f, z.unknown().optional()])),
  custom_field_data: z.unknown().optional(),
  embed_origin: z.unknown().optional(),
}) as z.ZodType<{ [k: string]: unknown }>;

/**
 * The overlay card's words (src/widget/checkout-card.ts) in the checkout's
 * language, for the widget to show should something go wrong: the snippet
 * itself carries only English. `failed` says what went wrong: with a created
 * session, that its page could not be shown here (a refused frame); with an
 * error answer, that error.
 */
export const cardWords = z.object({
  lang: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  retry: z.string(),
  slow: z.string(),
  open: z.string(),
  unreachable: z.string(),
  close: z.string(),
  failed: z.string(),
});
export type CardWords = z.infer<typeof cardWords>;

export const sessionCreated = z.object({
  id,
  client_secret: z.string(),
  url: z.string(),
  /**
   * The page to frame for the `embed_origin` sent (`url` in embedded mode, with the theme, locale and
   * `embed_mode` sent); null when no origin the organization lists asked, as that page would refuse the frame.
   */
  embed_url: z.string().nullable(),
  expires_at: timestamp,
  dropped: z.array(droppedPrefill),
  card: cardWords,
});
export type SessionCreated = z.infer<typeof sessionCreated>;

/** A customer's email address, as an edit, a session request and a prefill check it. */
export const customerEmail = z.email().max(CUSTOMER_EMAIL_MAX_LENGTH);

/** Customer edits on an open checkout: here a bad value is an error (422), not a drop. */
export const checkoutUpdate = z.strictObject({
  product_id: id.optional(),
  customer_email: customerEmail.nullable().optional(),
  customer_name: text({ max: CUSTOMER_NAME_MAX_LENGTH }).nullable().optional(),
  discount_code: text({ max: 40 }).nullable().optional(),
  amount: minorAmount.optional(),
  custom_field_data: customFieldData.optional(),
  /** Only where `adjustable_quantity` allows, within its bounds. */
  quantity: quantity.optional(),
  billing_address: billingAddress.nullable().optional(),
});
export type CheckoutUpdate = z.infer<typeof checkoutUpdate>;

export const checkoutConfirm = checkoutUpdate.extend({
  card_number: z
    .string()
    .transform((c) => c.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{12,19}$/, 'must be 12 to 19 digits'))
    .optional(),
  /**
   * The `total_amount` the customer was shown. The confirm charges exactly it
   * or nothing: another total answers 409 `price_changed` or
   * `discount_unavailable` with the session's new amounts in `checkout`.
   */
  expected_total: z.int().min(0).optional(),
  /**
   * On a trial, the `trial.total_amount` the customer was shown: what each
   * period costs once the trial ends. Another amount (or no trial any more)
   * answers 409 `price_changed`, and no subscription starts.
   */
  expected_renewal_total: z.int().min(0).optional(),
  /** The language the customer read the page in (a tag such as `de` or `pt-BR`): the receipt is written in it. */
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'must be a language tag such as en or pt-BR')
    .optional(),
});
export type CheckoutConfirm = z.infer<typeof checkoutConfirm>;

/** The Checkout API: a session without a link. */
export const checkoutCreate = z.strictObject({
  products: z
    .array(id)
    .min(1)
    .max(10)
    .refine((ids) => new Set(ids).size === ids.length, 'a product can be listed once'),
  product_id: id.optional(),
  allow_discount_codes: z.boolean().default(true),
  discount_id: id.nullable().default(null),
  customer_email: customerEmail.nullable().default(null),
  customer_name: text({ max: CUSTOMER_NAME_MAX_LENGTH }).nullable().default(null),
  amount: minorAmount.nullable().default(null),
  custom_field_data: customFieldData.default({}),
  metadata: metadata.default({}),
  success_url: httpUrl.nullable().default(null),
  return_url: httpUrl.nullable().default(null),
  embed_origin: text({ max: 255, trim: false }).nullable().default(null),
  /** Seconds until the session expires: 30 minutes to 24 hours. */
  expires_in: z.int().min(1800).max(86_400).optional(),
});
export type CheckoutCreate = z.infer<typeof checkoutCreate>;

export const checkoutListQuery = z.object({
  checkout_link_id: id.optional(),
  status: checkoutStatus.optional(),
});

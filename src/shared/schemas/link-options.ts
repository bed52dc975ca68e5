import { z } from 'zod';
import { COUNTRY_CODES } from '../countries.ts';
import { text, timestamp } from './common.ts';

/** The length unit of a free trial. */
export const trialInterval = z.enum(['day', 'week', 'month', 'year']);
export type TrialInterval = z.infer<typeof trialInterval>;
export const trialIntervalCount = z.int().min(1).max(1_000);

/** The most of one product a customer may buy in one checkout, whatever a link allows. */
export const MAX_QUANTITY = 10_000;
export const quantity = z.int().min(1).max(MAX_QUANTITY);

/** Bounds of the quantity a customer may choose (fixed-price one-time products only). */
export const adjustableQuantity = z
  .strictObject({ minimum: quantity, maximum: quantity })
  .refine((q) => q.minimum <= q.maximum, { path: ['maximum'], message: 'must be at least minimum' });
export type AdjustableQuantity = z.infer<typeof adjustableQuantity>;

export const confirmationMessage = text({ max: 1_000, multiline: true });

const countries = new Set(COUNTRY_CODES);

/** A line the address needs: empty is "is required", beside its field, rather than a length rule. */
const addressLine = (max: number) => text({ max }).refine((v) => v.length > 0, 'is required');

/** Where the customer is billed; `country` is an ISO 3166-1 alpha-2 code (any case, stored upper case). */
export const billingAddress = z.strictObject({
  country: z
    .string()
    .transform((c) => c.trim().toUpperCase())
    .refine((c) => c.length > 0, 'is required')
    .refine((c) => c.length === 0 || countries.has(c), 'is not a country code (ISO 3166-1 alpha-2, such as FR)'),
  line1: addressLine(200),
  line2: text({ max: 200 })
    .nullable()
    .default(null)
    .transform((v) => v || null),
  postal_code: addressLine(20),
  city: addressLine(100),
  state: text({ max: 100 })
    .nullable()
    .default(null)
    .transform((v) => v || null),
});
export type BillingAddress = z.infer<typeof billingAddress>;
/** The fields a confirm needs when the link requires an address. */
export const REQUIRED_ADDRESS_FIELDS = ['country', 'line1', 'postal_code', 'city'] as const;

/**
 * The options of a checkout link that its sessions carry (copied at the
 * click, so a later edit of the link never changes a checkout under way).
 */
export const sessionOptions = z.object({
  trial_interval: trialInterval.nullable(),
  trial_interval_count: trialIntervalCount.nullable(),
  adjustable_quantity: adjustableQuantity.nullable(),
  confirmation_message: z.string().nullable(),
  require_billing_address: z.boolean(),
});
export type SessionOptions = z.infer<typeof sessionOptions>;
export const NO_SESSION_OPTIONS: SessionOptions = {
  trial_interval: null,
  trial_interval_count: null,
  adjustable_quantity: null,
  confirmation_message: null,
  require_billing_address: false,
};

/** A trial as a checkout shows it: its length, its end if paid now, and what is charged each period after it. */
export const checkoutTrial = z.object({
  interval: trialInterval,
  interval_count: z.int(),
  trial_end: timestamp,
  amount: z.int(),
  discount_amount: z.int(),
  total_amount: z.int(),
});
export type CheckoutTrial = z.infer<typeof checkoutTrial>;

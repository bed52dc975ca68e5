import { z } from 'zod';
import { id, metadata, timestamp } from './common.ts';
import { customFieldData } from './custom-field.ts';
import { billingAddress } from './link-options.ts';
import { recurringInterval } from './product.ts';

const purchase = {
  id,
  organization_id: id,
  checkout_id: id,
  product_id: id,
  product_price_id: id,
  product_name: z.string(),
  customer_email: z.string(),
  customer_name: z.string().nullable(),
  amount: z.int(),
  discount_amount: z.int(),
  currency: z.string(),
  discount_id: id.nullable(),
  metadata,
  custom_field_data: customFieldData,
  /** Where the customer is billed, when the checkout asked (or the customer gave one). */
  billing_address: billingAddress.nullable(),
  created_at: timestamp,
};

export const order = z.object({
  ...purchase,
  status: z.literal('paid'),
  /** How many of the product; `amount` is for all of them. */
  quantity: z.int(),
  total_amount: z.int(),
  billing_reason: z.literal('purchase'),
});
export type Order = z.infer<typeof order>;

export const subscription = z.object({
  ...purchase,
  /** `trialing` until `trial_end`, when the first period is charged. */
  status: z.enum(['trialing', 'active']),
  trial_end: timestamp.nullable(),
  /** Charged each period after this discount's duration. */
  recurring_interval: recurringInterval,
  total_amount: z.int(),
  current_period_start: timestamp,
  current_period_end: timestamp,
  discount_ends_at: timestamp.nullable(),
});
export type Subscription = z.infer<typeof subscription>;

export const purchaseListQuery = z.object({ checkout_id: id.optional(), product_id: id.optional() });

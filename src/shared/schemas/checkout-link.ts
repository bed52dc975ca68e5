import { z } from 'zod';
import { httpUrl, id, metadata, text, timestamp } from './common.ts';
import { discount } from './discount.ts';
import { product } from './product.ts';

export const checkoutLink = z.object({
  id,
  organization_id: id,
  /** Internal name, only visible to the merchant. */
  label: z.string().nullable(),
  /** The token in the public URL (at least 128 random bits). */
  client_secret: z.string(),
  /** The URL to share: it never expires. */
  url: z.string(),
  /** Ordered; the first is preselected on the checkout. */
  products: z.array(product),
  allow_discount_codes: z.boolean(),
  discount_id: id.nullable(),
  discount: discount.nullable(),
  metadata,
  success_url: z.string().nullable(),
  return_url: z.string().nullable(),
  created_at: timestamp,
  modified_at: timestamp.nullable(),
});
export type CheckoutLink = z.infer<typeof checkoutLink>;

const productIds = z
  .array(id)
  .min(1, 'select at least one product')
  .max(10)
  .refine((ids) => new Set(ids).size === ids.length, 'a product can be listed once');

export const checkoutLinkCreate = z.strictObject({
  label: text({ max: 100 }).nullable().default(null),
  products: productIds,
  allow_discount_codes: z.boolean().default(true),
  discount_id: id.nullable().default(null),
  metadata: metadata.default({}),
  success_url: httpUrl.nullable().default(null),
  return_url: httpUrl.nullable().default(null),
});
export type CheckoutLinkCreate = z.infer<typeof checkoutLinkCreate>;

export const checkoutLinkUpdate = z.strictObject({
  label: text({ max: 100 }).nullable().optional(),
  products: productIds.optional(),
  allow_discount_codes: z.boolean().optional(),
  discount_id: id.nullable().optional(),
  metadata: metadata.optional(),
  success_url: httpUrl.nullable().optional(),
  return_url: httpUrl.nullable().optional(),
});
export type CheckoutLinkUpdate = z.infer<typeof checkoutLinkUpdate>;

import { z } from 'zod';
import { currency, id, minorAmount, text, timestamp } from './common.ts';
import { customField } from './custom-field.ts';

export const RECURRING_INTERVALS = ['month', 'year'] as const;
export const recurringInterval = z.enum(RECURRING_INTERVALS);

const priceBase = { id, product_id: id, is_archived: z.boolean(), created_at: timestamp };

export const fixedPrice = z.object({
  ...priceBase,
  amount_type: z.literal('fixed'),
  price_amount: z.int(),
  price_currency: z.string(),
});
/** Pay what you want: the customer chooses an amount within the bounds. */
export const customPrice = z.object({
  ...priceBase,
  amount_type: z.literal('custom'),
  minimum_amount: z.int(),
  maximum_amount: z.int().nullable(),
  preset_amount: z.int().nullable(),
  price_currency: z.string(),
});
export const freePrice = z.object({ ...priceBase, amount_type: z.literal('free'), price_currency: z.string() });

export const productPrice = z.discriminatedUnion('amount_type', [fixedPrice, customPrice, freePrice]);
export type ProductPrice = z.infer<typeof productPrice>;

export const attachedCustomField = z.object({
  custom_field_id: id,
  custom_field: customField,
  order: z.int(),
  required: z.boolean(),
});
export type AttachedCustomField = z.infer<typeof attachedCustomField>;

export const product = z.object({
  id,
  organization_id: id,
  name: z.string(),
  description: z.string().nullable(),
  recurring_interval: recurringInterval.nullable(),
  is_recurring: z.boolean(),
  is_archived: z.boolean(),
  prices: z.array(productPrice),
  attached_custom_fields: z.array(attachedCustomField),
  created_at: timestamp,
  modified_at: timestamp.nullable(),
});
export type Product = z.infer<typeof product>;

export const priceCreate = z.discriminatedUnion('amount_type', [
  z.strictObject({
    amount_type: z.literal('fixed'),
    price_amount: minorAmount.min(50),
    price_currency: currency.default('usd'),
  }),
  z
    .strictObject({
      amount_type: z.literal('custom'),
      minimum_amount: minorAmount.default(50),
      maximum_amount: minorAmount.nullable().default(null),
      preset_amount: minorAmount.nullable().default(null),
      price_currency: currency.default('usd'),
    })
    .superRefine((p, ctx) => {
      if (p.maximum_amount !== null && p.maximum_amount < p.minimum_amount)
        ctx.addIssue({ code: 'custom', path: ['maximum_amount'], message: 'must be at least minimum_amount' });
      if (p.preset_amount !== null && p.preset_amount < p.minimum_amount)
        ctx.addIssue({ code: 'custom', path: ['preset_amount'], message: 'must be at least minimum_amount' });
      if (p.preset_amount !== null && p.maximum_amount !== null && p.preset_amount > p.maximum_amount)
        ctx.addIssue({ code: 'custom', path: ['preset_amount'], message: 'must be at most maximum_amount' });
    }),
  z.strictObject({ amount_type: z.literal('free'), price_currency: currency.default('usd') }),
]);
export type PriceCreate = z.infer<typeof priceCreate>;

export const attachedCustomFieldCreate = z.strictObject({ custom_field_id: id, required: z.boolean().default(false) });

const uniqueFields = (fields: { custom_field_id: string }[]) =>
  new Set(fields.map((f) => f.custom_field_id)).size === fields.length;

export const productCreate = z.strictObject({
  name: text({ min: 1, max: 200 }),
  description: text({ max: 5000, multiline: true, trim: false }).nullable().default(null),
  recurring_interval: recurringInterval.nullable().default(null),
  /** One price per product: the checkout charges it. */
  prices: z.array(priceCreate).length(1, 'a product has exactly one price'),
  attached_custom_fields: z
    .array(attachedCustomFieldCreate)
    .max(20)
    .default([])
    .refine(uniqueFields, 'a custom field can be attached once'),
});
export type ProductCreate = z.infer<typeof productCreate>;

export const productUpdate = z.strictObject({
  name: text({ min: 1, max: 200 }).optional(),
  description: text({ max: 5000, multiline: true, trim: false }).nullable().optional(),
  recurring_interval: recurringInterval.nullable().optional(),
  prices: z.array(priceCreate).length(1, 'a product has exactly one price').optional(),
  attached_custom_fields: z
    .array(attachedCustomFieldCreate)
    .max(20)
    .refine(uniqueFields, 'a custom field can be attached once')
    .optional(),
  is_archived: z.boolean().optional(),
});
export type ProductUpdate = z.infer<typeof productUpdate>;

export const productListQuery = z.object({
  is_archived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

import { z } from 'zod';
import { currency, id, metadata, minorAmount, text, timestamp } from './common.ts';

export const DISCOUNT_DURATIONS = ['once', 'forever', 'repeating'] as const;
export const discountDuration = z.enum(DISCOUNT_DURATIONS);

const discountBase = {
  id,
  organization_id: id,
  name: z.string(),
  /** Case-insensitive on checkout; stored as entered. */
  code: z.string().nullable(),
  duration: discountDuration,
  duration_in_months: z.int().nullable(),
  max_redemptions: z.int().nullable(),
  redemptions_count: z.int(),
  starts_at: timestamp.nullable(),
  ends_at: timestamp.nullable(),
  /** Products it applies to; empty means every product. */
  products: z.array(id),
  metadata,
  created_at: timestamp,
  modified_at: timestamp.nullable(),
};

export const discount = z.discriminatedUnion('type', [
  z.object({ ...discountBase, type: z.literal('percentage'), basis_points: z.int() }),
  z.object({ ...discountBase, type: z.literal('fixed'), amount: z.int(), currency: z.string() }),
]);
export type Discount = z.infer<typeof discount>;

export const discountCode = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[a-zA-Z0-9_-]+$/, 'use only letters, digits, _ and -');

const createBase = {
  name: text({ min: 1, max: 100 }),
  code: discountCode.nullable().default(null),
  duration: discountDuration.default('once'),
  duration_in_months: z.int().min(1).max(999).nullable().default(null),
  max_redemptions: z.int().min(1).nullable().default(null),
  starts_at: timestamp.nullable().default(null),
  ends_at: timestamp.nullable().default(null),
  products: z.array(id).max(100).default([]),
  metadata: metadata.default({}),
};

const checkDates = (
  d: { starts_at: string | null; ends_at: string | null; duration: string; duration_in_months: number | null },
  ctx: z.RefinementCtx,
) => {
  if (d.starts_at && d.ends_at && Date.parse(d.ends_at) <= Date.parse(d.starts_at))
    ctx.addIssue({ code: 'custom', path: ['ends_at'], message: 'must be after starts_at' });
  if (d.duration === 'repeating' && d.duration_in_months === null)
    ctx.addIssue({ code: 'custom', path: ['duration_in_months'], message: 'is required for a repeating discount' });
};

export const discountCreate = z
  .discriminatedUnion('type', [
    z.strictObject({ ...createBase, type: z.literal('percentage'), basis_points: z.int().min(1).max(10_000) }),
    z.strictObject({
      ...createBase,
      type: z.literal('fixed'),
      amount: minorAmount.min(1),
      currency: currency.default('usd'),
    }),
  ])
  .superRefine(checkDates);
export type DiscountCreate = z.infer<typeof discountCreate>;

/** Amount, type and currency are fixed once created: orders refer to them. */
export const discountUpdate = z.strictObject({
  name: text({ min: 1, max: 100 }).optional(),
  code: discountCode.nullable().optional(),
  max_redemptions: z.int().min(1).nullable().optional(),
  starts_at: timestamp.nullable().optional(),
  ends_at: timestamp.nullable().optional(),
  products: z.array(id).max(100).optional(),
  metadata: metadata.optional(),
});
export type DiscountUpdate = z.infer<typeof discountUpdate>;

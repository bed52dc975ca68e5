import { z } from 'zod';
import { httpUrl, id, metadata, text, timestamp } from './common.ts';
import { discount } from './discount.ts';
import { adjustableQuantity, confirmationMessage, trialInterval, trialIntervalCount } from './link-options.ts';
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
  /** False: the link is switched off and its URL answers its `inactive_message`. */
  active: z.boolean(),
  /** The link serves from this time on (null: at once). */
  starts_at: timestamp.nullable(),
  /** The link stops serving at this time (null: never). */
  ends_at: timestamp.nullable(),
  /** The link stops after this many successful checkouts (null: no limit). */
  max_completed_checkouts: z.int().nullable(),
  /** Successful checkouts of this link so far. */
  completed_checkouts: z.int(),
  /** Plain text the link's page shows when it does not serve. */
  inactive_message: z.string().nullable(),
  /** Whether the link serves now, else why not. */
  state: z.enum(['active', 'inactive', 'scheduled', 'ended', 'sold_out']),
  /** A free trial for the link's recurring products (ignored for its one-time ones). */
  trial_interval: trialInterval.nullable(),
  trial_interval_count: z.int().nullable(),
  /** The quantity the customer may choose, for the link's fixed-price one-time products (null: always 1). */
  adjustable_quantity: adjustableQuantity.nullable(),
  /** Plain text shown on the success state when the link has no `success_url`. */
  confirmation_message: z.string().nullable(),
  /** Whether the checkout asks for a billing address (country, line, postal code, city). */
  require_billing_address: z.boolean(),
  created_at: timestamp,
  modified_at: timestamp.nullable(),
});
export type CheckoutLink = z.infer<typeof checkoutLink>;

const productIds = z
  .array(id)
  .min(1, 'select at least one product')
  .max(10)
  .refine((ids) => new Set(ids).size === ids.length, 'a product can be listed once');

/** Why a link's URL opens no checkout: also the `reason` of a `link_unavailable` answer. */
export const linkUnavailableReason = z.enum(['inactive', 'not_started', 'ended', 'limit_reached']);
export type LinkUnavailableReason = z.infer<typeof linkUnavailableReason>;

const maxCompletedCheckouts = z.int().min(1).max(1_000_000_000);
// What the OpenAPI document says of the options that fit some products only.
const TRIAL_DOC =
  'A free trial for the recurring products of the link; one-time products on it have none. A link without a recurring product answers 422. Both trial fields or neither.';
const QUANTITY_DOC =
  'The quantity the customer may choose, for the fixed-price one-time products of the link (the others are bought one at a time). A link without such a product answers 422.';
const inactiveMessage = text({ max: 500, multiline: true });

/** `ends_at` after `starts_at`: shared by the create schema and the update (against the stored values). */
export const windowProblem = (startsAt: string | null | undefined, endsAt: string | null | undefined) =>
  startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt) ? 'must be after starts_at' : null;

/** A trial is an interval and a count, both or neither: shared by create and update (against the stored values). */
export const trialProblem = (interval: string | null | undefined, count: number | null | undefined) =>
  interval && !count
    ? { field: 'trial_interval_count', msg: 'is required with trial_interval' }
    : !interval && count
      ? { field: 'trial_interval', msg: 'is required with trial_interval_count' }
      : null;

export const checkoutLinkCreate = z
  .strictObject({
    label: text({ max: 100 }).nullable().default(null),
    products: productIds,
    allow_discount_codes: z.boolean().default(true),
    discount_id: id.nullable().default(null),
    metadata: metadata.default({}),
    success_url: httpUrl.nullable().default(null),
    return_url: httpUrl.nullable().default(null),
    active: z.boolean().default(true),
    starts_at: timestamp.nullable().default(null),
    ends_at: timestamp.nullable().default(null),
    max_completed_checkouts: maxCompletedCheckouts.nullable().default(null),
    inactive_message: inactiveMessage.nullable().default(null),
    trial_interval: trialInterval.nullable().default(null).describe(TRIAL_DOC),
    trial_interval_count: trialIntervalCount.nullable().default(null).describe(TRIAL_DOC),
    adjustable_quantity: adjustableQuantity.nullable().default(null).describe(QUANTITY_DOC),
    confirmation_message: confirmationMessage.nullable().default(null),
    require_billing_address: z.boolean().default(false),
  })
  .superRefine((link, ctx) => {
    const problem = windowProblem(link.starts_at, link.ends_at);
    if (problem) ctx.addIssue({ code: 'custom', path: ['ends_at'], message: problem });
    const trialWrong = trialProblem(link.trial_interval, link.trial_interval_count);
    if (trialWrong) ctx.addIssue({ code: 'custom', path: [trialWrong.field], message: trialWrong.msg });
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
  active: z.boolean().optional(),
  starts_at: timestamp.nullable().optional(),
  ends_at: timestamp.nullable().optional(),
  max_completed_checkouts: maxCompletedCheckouts.nullable().optional(),
  inactive_message: inactiveMessage.nullable().optional(),
  trial_interval: trialInterval.nullable().optional().describe(TRIAL_DOC),
  trial_interval_count: trialIntervalCount.nullable().optional().describe(TRIAL_DOC),
  adjustable_quantity: adjustableQuantity.nullable().optional().describe(QUANTITY_DOC),
  confirmation_message: confirmationMessage.nullable().optional(),
  require_billing_address: z.boolean().optional(),
});
export type CheckoutLinkUpdate = z.infer<typeof checkoutLinkUpdate>;

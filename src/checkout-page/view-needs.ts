import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import type { View } from './draft.ts';

/**
 * The page's lazily loaded views, by module name under `views/` (the build
 * names each chunk `checkout-<name>-<hash>.js`), with when a checkout shows
 * each. The page fetches what it needs; the server preloads the same list
 * in the page's head, so no view waits for the script to ask for it.
 */
export const VIEW_NEEDS = {
  'billing-address-fields': (c) => c.require_billing_address,
  'custom-field-input': (c) => c.products.some((p) => p.attached_custom_fields.length > 0),
  'quantity-stepper': (c) => c.adjustable_quantity !== null,
  'product-picker': (c) => c.products.length > 1,
  'discount-section': (c) => c.allow_discount_codes || c.discount !== null,
  'outcome-views': (_c, view) => view !== 'form',
  'amount-field': (c) => c.product_price.amount_type === 'custom',
  'trial-summary': (c) => c.trial !== null,
} satisfies Record<string, (c: CheckoutPublic, view: View) => boolean>;

export type LazyViewName = keyof typeof VIEW_NEEDS;

/** The views `c` shows in `view`. */
export const viewsNeeded = (c: CheckoutPublic, view: View): LazyViewName[] =>
  (Object.keys(VIEW_NEEDS) as LazyViewName[]).filter((name) => VIEW_NEEDS[name](c, view));

import type { CheckoutLinkUpdate, Product, SessionOptions } from '../../src/shared/schemas/index.ts';
import { invalid } from './errors.ts';
import type { CheckoutLinkRow } from './link-rows.ts';
import { currentPrice } from './pricing.ts';
import { bool } from './rows.ts';

/** The options of a link its sessions copy. */
export const sessionOptionsOf = (r: CheckoutLinkRow): SessionOptions => ({
  trial_interval: r.trial_interval,
  trial_interval_count: r.trial_interval_count === null ? null : Number(r.trial_interval_count),
  adjustable_quantity:
    r.quantity_minimum === null || r.quantity_maximum === null
      ? null
      : { minimum: Number(r.quantity_minimum), maximum: Number(r.quantity_maximum) },
  confirmation_message: r.confirmation_message,
  require_billing_address: bool(r.require_billing_address),
});

type ProductRuled = Pick<CheckoutLinkUpdate, 'trial_interval' | 'adjustable_quantity'>;

/**
 * A trial needs a recurring product on the link, an adjustable quantity a
 * fixed-price one-time one: an option that could apply to none of the
 * link's products is a 422 naming it. On a link with both kinds, each option
 * applies to the products it fits and is ignored for the others.
 */
export function checkOptionsFitProducts(products: Pick<Product, 'recurring_interval' | 'prices'>[], o: ProductRuled) {
  if (o.trial_interval && !products.some((p) => p.recurring_interval))
    throw invalid(['body', 'trial_interval'], 'a trial needs a recurring product on the link');
  if (
    o.adjustable_quantity &&
    !products.some((p) => !p.recurring_interval && p.prices[0] && currentPrice(p as Product).amount_type === 'fixed')
  )
    throw invalid(
      ['body', 'adjustable_quantity'],
      'an adjustable quantity needs a fixed-price one-time product on the link',
    );
}

import type { CrossedBound } from '../../src/shared/schemas/common.ts';
import type {
  AdjustableQuantity,
  Discount,
  Product,
  ProductPrice,
  SessionOptions,
  TrialInterval,
} from '../../src/shared/schemas/index.ts';

/** The price a checkout charges for a product: its current one. */
export function currentPrice(product: Product): ProductPrice {
  // A product is created with exactly one price, and keeps one.
  return product.prices[0]!;
}

/** Why a discount cannot apply to anything now (dates, redemptions), or null when it still can. */
export function discountLapse(discount: Discount, now: Date): string | null {
  if (discount.starts_at && Date.parse(discount.starts_at) > now.getTime()) return 'this discount is not active yet';
  if (discount.ends_at && Date.parse(discount.ends_at) <= now.getTime()) return 'this discount has ended';
  if (discount.max_redemptions !== null && discount.redemptions_count >= discount.max_redemptions)
    return 'this discount has been fully redeemed';
  return null;
}

/**
 * Why a discount cannot apply to this product now, or null when it can.
 * Pure: the same rules serve prefill (drop), PATCH (422) and confirm.
 */
export function discountIneligibility(
  discount: Discount,
  product: Product,
  price: ProductPrice,
  now: Date,
): string | null {
  const lapse = discountLapse(discount, now);
  if (lapse) return lapse;
  if (discount.products.length > 0 && !discount.products.includes(product.id))
    return 'this discount does not apply to this product';
  if (discount.type === 'fixed' && discount.currency !== price.price_currency)
    return 'this discount is in another currency';
  if (price.amount_type === 'free') return 'this product is free';
  return null;
}

/** Why `amount` is not acceptable for this price, or null. */
export function amountError(price: ProductPrice, amount: number): string | null {
  if (price.amount_type !== 'custom') return 'this price does not take a custom amount';
  if (!Number.isInteger(amount)) return 'must be a whole number of minor units';
  if (amount < price.minimum_amount) return `must be at least ${price.minimum_amount}`;
  if (price.maximum_amount !== null && amount > price.maximum_amount) return `must be at most ${price.maximum_amount}`;
  return null;
}

/** The bound of the price that `amount` crosses, as data for the error beside `amountError`'s words. */
export function amountBound(price: ProductPrice, amount: number): CrossedBound | undefined {
  if (price.amount_type !== 'custom') return undefined;
  if (amount < price.minimum_amount) return { ge: price.minimum_amount };
  if (price.maximum_amount !== null && amount > price.maximum_amount) return { le: price.maximum_amount };
  return undefined;
}

export interface Amounts {
  amount: number;
  discount_amount: number;
  total_amount: number;
  currency: string;
}

/** The largest amount a checkout may come to, in minor units: what every stored amount holds on both engines. */
export const MAX_CHECKOUT_AMOUNT = 99_999_999;

/**
 * The amounts of a checkout: price (or the chosen custom amount) times the
 * quantity, minus the discount on the whole, never below zero. Integers
 * throughout: the rounding happens once, on the whole.
 */
export function computeAmounts(
  price: ProductPrice,
  customAmount: number | null,
  discount: Discount | null,
  quantity = 1,
): Amounts {
  const unit =
    price.amount_type === 'fixed'
      ? price.price_amount
      : price.amount_type === 'custom'
        ? (customAmount ?? price.preset_amount ?? price.minimum_amount)
        : 0;
  const amount = unit * quantity;
  let discountAmount = 0;
  if (discount && amount > 0) {
    discountAmount =
      discount.type === 'percentage'
        ? Math.round((amount * discount.basis_points) / 10_000)
        : Math.min(discount.amount, amount);
  }
  return {
    amount,
    discount_amount: discountAmount,
    total_amount: amount - discountAmount,
    currency: price.price_currency,
  };
}

/** The quantity bounds a link offers for this product: fixed-price one-time products only, else null (always 1). */
export function quantityBounds(options: SessionOptions, product: Product): AdjustableQuantity | null {
  if (!options.adjustable_quantity || product.recurring_interval) return null;
  return currentPrice(product).amount_type === 'fixed' ? options.adjustable_quantity : null;
}

/** The quantity a session buys of `product`: the one chosen, held to the bounds; 1 where it is fixed. */
export function effectiveQuantity(options: SessionOptions, product: Product, chosen: number): number {
  const bounds = quantityBounds(options, product);
  return bounds ? Math.min(bounds.maximum, Math.max(bounds.minimum, chosen)) : 1;
}

/** Why `quantity` cannot be bought of this product on this link, or null. */
export function quantityError(options: SessionOptions, product: Product, quantity: number): string | null {
  const bounds = quantityBounds(options, product);
  if (!bounds)
    return options.adjustable_quantity
      ? 'this product is bought one at a time'
      : 'this checkout does not let the quantity change';
  if (!Number.isInteger(quantity) || quantity < bounds.minimum || quantity > bounds.maximum)
    return `must be between ${bounds.minimum} and ${bounds.maximum}`;
  const price = currentPrice(product);
  if (price.amount_type === 'fixed' && price.price_amount * quantity > MAX_CHECKOUT_AMOUNT)
    return `must be at most ${Math.floor(MAX_CHECKOUT_AMOUNT / price.price_amount)} at this price`;
  return null;
}

/** The trial a link gives this product: recurring products only. */
export function trialFor(options: SessionOptions, product: Product) {
  return options.trial_interval && options.trial_interval_count && product.recurring_interval
    ? { interval: options.trial_interval, interval_count: options.trial_interval_count }
    : null;
}

const DAY_MS = 86_400_000;

/** When a trial started at `start` ends: calendar months and years (in UTC), exact days and weeks. */
export function trialEnd(start: Date, interval: TrialInterval, count: number): Date {
  if (interval === 'day' || interval === 'week')
    return new Date(start.getTime() + count * (interval === 'week' ? 7 : 1) * DAY_MS);
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + count * (interval === 'year' ? 12 : 1));
  return end;
}

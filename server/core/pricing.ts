import type { CrossedBound } from '../../src/shared/schemas/common.ts';
import type { Discount, Product, ProductPrice } from '../../src/shared/schemas/index.ts';

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

/** The amounts of a checkout: price (or the chosen custom amount), minus the discount, never below zero. */
export function computeAmounts(price: ProductPrice, customAmount: number | null, discount: Discount | null): Amounts {
  const amount =
    price.amount_type === 'fixed'
      ? price.price_amount
      : price.amount_type === 'custom'
        ? (customAmount ?? price.preset_amount ?? price.minimum_amount)
        : 0;
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

import type {
  BillingAddress,
  CheckoutConfirm,
  CheckoutDiscount,
  CheckoutPublic,
  CheckoutStatus,
  CheckoutUpdate,
  CustomFieldData,
  Discount,
  ErrorDetail,
  Product,
  SessionOptions,
} from '../../src/shared/schemas/index.ts';
import { REQUIRED_ADDRESS_FIELDS } from '../../src/shared/schemas/index.ts';
import { checkFieldValue, fieldsBySlug, missingRequiredFields } from './custom-field-values.ts';
import { DomainError, invalid } from './errors.ts';
import {
  amountBound,
  amountError,
  computeAmounts,
  currentPrice,
  discountIneligibility,
  discountLapse,
  effectiveQuantity,
  quantityBounds,
  quantityError,
  trialEnd,
  trialFor,
} from './pricing.ts';

/**
 * The rules of a checkout session's editable state, storage aside: what a
 * customer's edit does to it, which discount applies, what a confirm still
 * lacks, and the priced part of the public view. Pure (no database, no
 * Node API), so the MSW mocks (mock-server/sessions.ts) run the very same
 * rules in the browser as customer-checkouts.ts and confirm.ts run around
 * their queries: each rule is written here once.
 */

/** A session's state a customer can change. */
export interface EditableState {
  product: Product;
  products: Product[];
  customAmount: number | null;
  customerEmail: string | null;
  customerName: string | null;
  customFieldData: CustomFieldData;
  /** The session's discount (from a code, or the link's preset), before the eligibility check of the moment. */
  discount: Discount | null;
  /** The quantity chosen; what is bought is held to the product's bounds (effectiveQuantity). */
  quantity: number;
  billingAddress: BillingAddress | null;
  /** The link's options, as the session copied them: never changed by an edit. */
  options: SessionOptions;
}

/** What an edit needs beyond the state: the link's settings, the organization's codes, the clock. */
export interface EditRules {
  allowDiscountCodes: boolean;
  findDiscountByCode: (code: string) => Promise<Discount | null>;
  /** The link's preset discount, which removing a code falls back to. */
  linkDiscount: () => Promise<Discount | null>;
  now: Date;
}

/** The discount that applies to this state now, if any. */
export function appliedDiscount(
  discount: Discount | null,
  product: Product,
  status: CheckoutStatus,
  now: Date,
): Discount | null {
  if (!discount) return null;
  // Once confirmed, the redemption is held (or done): limits and dates were checked then.
  if (status !== 'open' && status !== 'expired')
    return discount.products.length === 0 || discount.products.includes(product.id) ? discount : null;
  return discountIneligibility(discount, product, currentPrice(product), now) ? null : discount;
}

/** A discount as the customer sees it on a checkout (no limits, no redemption count). */
export function checkoutDiscountView(discount: Discount): CheckoutDiscount {
  return {
    id: discount.id,
    name: discount.name,
    code: discount.code,
    type: discount.type,
    ...(discount.type === 'percentage'
      ? { basis_points: discount.basis_points }
      : { amount: discount.amount, currency: discount.currency }),
    duration: discount.duration,
    duration_in_months: discount.duration_in_months,
  };
}

type PricedState = Pick<EditableState, 'product' | 'customAmount' | 'discount' | 'quantity' | 'options'>;

/**
 * The price, applied discount, quantity and amounts of a state: what a view
 * shows and what a confirm charges now (nothing during a trial, whose own
 * amounts are what each period costs after it, from `now`).
 */
export function priceState(state: PricedState, status: CheckoutStatus, now: Date) {
  const price = currentPrice(state.product);
  const applied = appliedDiscount(state.discount, state.product, status, now);
  const quantity = effectiveQuantity(state.options, state.product, state.quantity);
  const full = computeAmounts(price, state.customAmount, applied, quantity);
  const rule = trialFor(state.options, state.product);
  const trial = rule && {
    ...rule,
    trial_end: trialEnd(now, rule.interval, rule.interval_count).toISOString(),
    amount: full.amount,
    discount_amount: full.discount_amount,
    total_amount: full.total_amount,
  };
  const amounts = trial ? { amount: 0, discount_amount: 0, total_amount: 0, currency: full.currency } : full;
  return { price, applied, quantity, amounts, trial };
}

/** The part of the public checkout that follows from the state: product, price, amounts, discount. */
export function pricedView(state: PricedState & Pick<EditableState, 'products'>, status: CheckoutStatus, now: Date) {
  const { price, applied, quantity, amounts, trial } = priceState(state, status, now);
  return {
    product_id: state.product.id,
    product_price_id: price.id,
    product: state.product,
    product_price: price,
    products: state.products,
    quantity,
    adjustable_quantity: quantityBounds(state.options, state.product),
    ...amounts,
    trial,
    is_free_product_price: price.amount_type === 'free',
    is_payment_required: amounts.total_amount > 0,
    discount: applied ? checkoutDiscountView(applied) : null,
  } satisfies Partial<CheckoutPublic>;
}

/** Checks custom field answers against the fields of `products`; 422 on the first bad one. An empty answer clears it. */
export function mergeCustomFieldData(
  products: Product[],
  current: CustomFieldData,
  patch: CustomFieldData,
): CustomFieldData {
  const fields = fieldsBySlug(products);
  const next: CustomFieldData = { ...current };
  for (const [slug, value] of Object.entries(patch)) {
    const field = fields.get(slug);
    if (!field) throw invalid(['custom_field_data', slug], 'is not a custom field of this checkout');
    if (value === null || value === '') {
      delete next[slug];
      continue;
    }
    const checked = checkFieldValue(field, value);
    if (!checked.ok) throw invalid(['custom_field_data', slug], checked.reason);
    next[slug] = checked.value;
  }
  return next;
}

/** Applies a customer's edits to a session's state; any bad value is a 422 naming its field. */
export async function applyCheckoutEdits(
  state: EditableState,
  input: CheckoutUpdate,
  rules: EditRules,
): Promise<EditableState> {
  const { products } = state;
  let product = state.product;
  if (input.product_id !== undefined) {
    const chosen = products.find((p) => p.id === input.product_id);
    if (!chosen) throw invalid(['product_id'], "is not one of this checkout's products");
    if (chosen.is_archived) throw invalid(['product_id'], 'is no longer available');
    product = chosen;
  }
  const price = currentPrice(product);

  let customAmount = state.customAmount;
  if (input.amount !== undefined) {
    const why = amountError(price, input.amount);
    if (why) throw invalid(['amount'], why, amountBound(price, input.amount));
    customAmount = input.amount;
  } else if (customAmount !== null && amountError(price, customAmount)) {
    customAmount = null; // switched to a product whose bounds the old amount misses: back to its preset
  }

  let discount = state.discount;
  if (input.discount_code !== undefined) {
    if (input.discount_code === null || input.discount_code === '') {
      // Removing a code falls back to the link's preset discount, if it has one.
      if (rules.allowDiscountCodes && discount?.code) discount = await rules.linkDiscount();
    } else {
      if (!rules.allowDiscountCodes) throw invalid(['discount_code'], 'discount codes are disabled for this checkout');
      const found = await rules.findDiscountByCode(input.discount_code);
      if (!found) throw invalid(['discount_code'], 'is not a known discount code');
      const why = discountIneligibility(found, product, price, rules.now);
      if (why) throw invalid(['discount_code'], why);
      discount = found;
    }
  }

  let quantity = state.quantity;
  if (input.quantity !== undefined) {
    const why = quantityError(state.options, product, input.quantity);
    if (why) throw invalid(['quantity'], why);
    quantity = input.quantity;
  }

  return {
    ...state,
    product,
    products,
    customAmount,
    quantity,
    billingAddress: input.billing_address === undefined ? state.billingAddress : input.billing_address,
    customerEmail: input.customer_email === undefined ? state.customerEmail : input.customer_email,
    customerName: input.customer_name === undefined ? state.customerName : input.customer_name || null,
    customFieldData: input.custom_field_data
      ? mergeCustomFieldData(products, state.customFieldData, input.custom_field_data)
      : state.customFieldData,
    discount,
  };
}

/**
 * What a confirm still lacks (email, required custom fields, the billing
 * address the link asks for, a card when there is something to pay or a
 * trial to start), as error details.
 */
export function confirmProblems(
  state: EditableState,
  totalAmount: number,
  cardNumber: string | undefined,
): ErrorDetail[] {
  const detail: ErrorDetail[] = [];
  if (!state.customerEmail) detail.push({ loc: ['customer_email'], msg: 'is required' });
  for (const m of missingRequiredFields(state.product, state.customFieldData))
    detail.push({ loc: ['custom_field_data', m.slug], msg: m.msg });
  if (state.options.require_billing_address && !state.billingAddress)
    for (const field of REQUIRED_ADDRESS_FIELDS) detail.push({ loc: ['billing_address', field], msg: 'is required' });
  if (!cardNumber && totalAmount > 0) detail.push({ loc: ['card_number'], msg: 'is required to pay' });
  else if (!cardNumber && trialFor(state.options, state.product))
    detail.push({ loc: ['card_number'], msg: 'is required to start the trial' });
  return detail;
}

/** A customer's change to a session no longer open (confirmed, paid or failed). */
export const checkoutNotOpen = (status: CheckoutStatus) =>
  new DomainError(409, 'checkout_not_open', `This checkout is ${status} and can no longer be changed.`);

/** A discount found by code among `discounts`, as the server looks it up: trimmed, case-insensitive. */
export const findByCode = (discounts: Discount[], code: string): Discount | null =>
  discounts.find((d) => d.code !== null && d.code.toLowerCase() === code.trim().toLowerCase()) ?? null;

/** Why a confirm must not charge what it computed, with the refusal's code. */
export interface StaleTotal {
  code: 'price_changed' | 'discount_unavailable';
  message: string;
  /** The state to keep and show instead: a lapsed discount is dropped, so the next confirm charges what is shown. */
  state: EditableState;
}

/** What a confirm's body says the customer was shown: the total due now and, on a trial, the renewal price. */
export interface ShownTotals {
  total: number | undefined;
  renewal: number | undefined;
}

/** A confirm's body split into the card, the totals the page showed, its locale, and the edits it saves first. */
export function splitConfirm(input: CheckoutConfirm) {
  const { card_number: cardNumber, expected_total: total, expected_renewal_total: renewal, locale, ...edits } = input;
  return { cardNumber, shown: { total, renewal } satisfies ShownTotals, locale, edits };
}

/**
 * A confirm charges exactly the total the customer last saw, or nothing.
 * With `shown.total` (what the page showed) any difference refuses; without
 * it, a discount of the session that lapsed (ran out, ended) refuses, as the
 * customer saw it applied. A trial charges nothing today, so the price it
 * renews at (`shown.renewal`) must match too.
 */
export function staleTotal(
  state: EditableState,
  due: { total_amount: number; trial: { total_amount: number } | null },
  shown: ShownTotals,
  now: Date,
): StaleTotal | null {
  const lapse = state.discount ? discountLapse(state.discount, now) : null;
  const renewalChanged = shown.renewal !== undefined && shown.renewal !== due.trial?.total_amount;
  if (!renewalChanged && (shown.total === undefined ? lapse === null : shown.total === due.total_amount)) return null;
  if (lapse) return discountUnavailable(state, lapse);
  return {
    code: 'price_changed',
    message: 'The total changed since it was shown. Check the new total and pay again.',
    state,
  };
}

/** The refusal of a confirm whose discount lapsed (`why`); the state kept drops it. */
export const discountUnavailable = (state: EditableState, why: string): StaleTotal => ({
  code: 'discount_unavailable',
  message: `The discount no longer applies: ${why}. Check the new total and pay again.`,
  state: { ...state, discount: null },
});

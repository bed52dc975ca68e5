import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import type { View } from './draft.ts';
import { type LazyViewName, viewsNeeded } from './view-needs.ts';

/**
 * Views only some checkouts show, each its own chunk fetched when a
 * checkout needs it: the page's first load carries what every checkout
 * shows (SPEC section 8 weighs it with its strings at 21 kB gzip).
 */
interface LazyView<M> {
  /** Fetches the module once; later calls answer the same promise. */
  load(): Promise<M>;
  /** The module, once it is here. */
  get(): M | undefined;
}

function lazy<M>(importer: () => Promise<M>): LazyView<M> {
  let mod: M | undefined;
  let pending: Promise<M> | undefined;
  return { load: () => (pending ??= importer().then((m) => (mod = m))), get: () => mod };
}

export const billingView = lazy(() => import('./views/billing-address-fields.ts'));
export const customFieldView = lazy(() => import('./views/custom-field-input.ts'));
export const stepperView = lazy(() => import('./views/quantity-stepper.ts'));
export const pickerView = lazy(() => import('./views/product-picker.ts'));
export const discountView = lazy(() => import('./views/discount-section.ts'));
export const outcomeView = lazy(() => import('./views/outcome-views.ts'));
export const amountView = lazy(() => import('./views/amount-field.ts'));
export const trialView = lazy(() => import('./views/trial-summary.ts'));

const BY_NAME: Record<LazyViewName, LazyView<unknown>> = {
  'billing-address-fields': billingView,
  'custom-field-input': customFieldView,
  'quantity-stepper': stepperView,
  'product-picker': pickerView,
  'discount-section': discountView,
  'outcome-views': outcomeView,
  'amount-field': amountView,
  'trial-summary': trialView,
};

/**
 * Fetches the views `c` shows in `view`; true when one arrived that was
 * not here before (the page renders again). A chunk that fails to load
 * leaves its part out rather than the page.
 */
export async function loadViews(c: CheckoutPublic, view: View): Promise<boolean> {
  const needed = viewsNeeded(c, view)
    .map((name) => BY_NAME[name])
    .filter((v) => !v.get());
  if (!needed.length) return false;
  await Promise.all(needed.map((v) => v.load())).catch(() => {});
  return true;
}

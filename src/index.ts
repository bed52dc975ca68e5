/**
 * The package entry for bundler users (`import 'checkout-link'`): registers
 * `<checkout-link-provider>` and `<checkout-link>` (provider first, see
 * `element/bundle.ts`) and exports their classes, the programmatic API and
 * the public types. Lit stays a dependency, shared with the app.
 */
// First, on its own line: the formatter sorts the exports below, and registration order matters.
import './element/provider/checkout-link-provider.ts';

export { CheckoutLinkElement } from './element/checkout-link/checkout-link.ts';
export { CheckoutLinkProviderElement } from './element/provider/checkout-link-provider.ts';
export {
  type CheckoutLinkDefaults,
  type CheckoutLinkMode,
  type CheckoutLinkTheme,
  checkoutLinkContext,
} from './element/provider/context.ts';
export type { Prefill } from './shared/prefill-params.ts';
export { buildPrefill, withPrefill } from './widget/build-prefill.ts';
export type {
  CheckoutLinkErrorCode,
  CheckoutLinkErrorDetail,
  CheckoutLinkEventMap,
  CheckoutLinkEventName,
  CheckoutLinkOpenDetail,
  CheckoutLinkSuccessDetail,
} from './widget/events.ts';
export { onCheckoutEvent } from './widget/events.ts';
export { closeCheckout, openCheckout } from './widget/open-checkout.ts';

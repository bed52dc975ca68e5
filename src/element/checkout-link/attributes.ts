import type { CheckoutLinkMode, CheckoutLinkTheme } from '../provider/context.ts';

/**
 * The attributes of `<checkout-link>` as written in markup, typed for the
 * frameworks' templates (React JSX, Vue, Svelte): one list, so a wrong
 * `mode` is a type error in each.
 */
export interface CheckoutLinkAttributes {
  href?: string;
  link?: string;
  mode?: CheckoutLinkMode;
  theme?: CheckoutLinkTheme;
  locale?: string;
  'product-id'?: string;
  'customer-email'?: string;
  'customer-name'?: string;
  'discount-code'?: string;
  amount?: string | number;
  quantity?: string | number;
  'reference-id'?: string;
}

/** The attributes of `<checkout-link-provider>`, as above. */
export interface CheckoutLinkProviderAttributes {
  mode?: CheckoutLinkMode;
  theme?: CheckoutLinkTheme;
  backend?: string;
}

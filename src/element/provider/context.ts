import { createContext } from '@lit/context';
import type { Prefill } from '../../shared/prefill-params.ts';
import type { Theme } from '../../shared/theme.ts';

/** How a checkout opens: in an overlay, by navigating to the link, or rendered in place. */
export type CheckoutLinkMode = 'overlay' | 'redirect' | 'inline';
/** Colour scheme passed to the hosted checkout page. */
export type CheckoutLinkTheme = Theme;

/**
 * Defaults a `<checkout-link-provider>` shares with every `<checkout-link>`
 * inside it. A child's own attributes always win over these.
 */
export interface CheckoutLinkDefaults {
  theme?: CheckoutLinkTheme;
  mode?: CheckoutLinkMode;
  /** Backend origin, so children may write `link="<client_secret>"` instead of a full `href`. */
  backend?: string;
  /** Prefill merged under each child's own prefill. */
  prefill?: Prefill;
}

/** The context key; a string key so copies from two bundles on one page still meet. */
export const checkoutLinkContext = createContext<CheckoutLinkDefaults | undefined>('checkout-link-defaults');

/**
 * `checkout-link/svelte`: registers the elements as `checkout-link` does and
 * types them in Svelte 5 markup, events included:
 * `<checkout-link mode="overlay" oncheckout-link:success={(e) => e.detail.order_id}>`.
 */
import type { HTMLAttributes as SvelteAttributes } from 'svelte/elements';
import type { CheckoutLinkAttributes, CheckoutLinkProviderAttributes } from './element/checkout-link/attributes.ts';
import type { CheckoutLinkElement } from './element/checkout-link/checkout-link.ts';
import type { CheckoutLinkProviderElement } from './element/provider/checkout-link-provider.ts';
import type { Prefill } from './shared/prefill-params.ts';
import type { CheckoutLinkEventMap } from './widget/events.ts';

type SvelteEvents = { [K in keyof CheckoutLinkEventMap as `on${K}`]?: (event: CheckoutLinkEventMap[K]) => void };

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'checkout-link': SvelteAttributes<CheckoutLinkElement> &
      CheckoutLinkAttributes & { prefill?: Prefill } & SvelteEvents;
    'checkout-link-provider': SvelteAttributes<CheckoutLinkProviderElement> &
      CheckoutLinkProviderAttributes & { prefill?: Prefill };
  }
}

export * from './index.ts';

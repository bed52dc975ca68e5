/**
 * `checkout-link/vue`: registers the elements as `checkout-link` does and
 * types them in Vue templates (`GlobalComponents`), events included:
 * `<checkout-link mode="overlay" @checkout-link:success="(e) => e.detail.order_id">`.
 * Vue must be told they are custom elements: `compilerOptions.isCustomElement`
 * (see the README).
 */
import type { DefineComponent } from 'vue';
import type { CheckoutLinkAttributes, CheckoutLinkProviderAttributes } from './element/checkout-link/attributes.ts';
import type { Prefill } from './shared/prefill-params.ts';
import type { CheckoutLinkEventMap } from './widget/events.ts';

type VueEvents = {
  [K in keyof CheckoutLinkEventMap as `on${Capitalize<K>}`]?: (event: CheckoutLinkEventMap[K]) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'checkout-link': DefineComponent<CheckoutLinkAttributes & { prefill?: Prefill } & VueEvents>;
    'checkout-link-provider': DefineComponent<CheckoutLinkProviderAttributes & { prefill?: Prefill }>;
  }
}

export * from './index.ts';

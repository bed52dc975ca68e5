/**
 * `checkout-link/react`: `<CheckoutLink>`, the element wrapped with
 * @lit/react so `prefill` is set as a property and `onSuccess`, `onClose`…
 * reach the namespaced `checkout-link:*` events (React's own `on…` props
 * cannot name them), in client rendering and after hydration. Importing it
 * also types `<checkout-link>` and `<checkout-link-provider>` in React 19 JSX.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { CheckoutLinkAttributes, CheckoutLinkProviderAttributes } from './element/checkout-link/attributes.ts';
import { CheckoutLinkElement } from './element/checkout-link/checkout-link.ts';
import { CheckoutLinkProviderElement } from './element/provider/checkout-link-provider.ts';
import type { Prefill } from './shared/prefill-params.ts';
import type { CheckoutLinkEventMap } from './widget/events.ts';

const events = {
  onOpen: 'checkout-link:open',
  onLoaded: 'checkout-link:loaded',
  onConfirmed: 'checkout-link:confirmed',
  onSuccess: 'checkout-link:success',
  onClose: 'checkout-link:close',
  onError: 'checkout-link:error',
} as const satisfies Record<string, keyof CheckoutLinkEventMap>;

/** `onSuccess={(e) => e.detail.order_id}` and the like, typed by the event each one hears. */
export type CheckoutLinkEventProps = {
  [K in keyof typeof events]?: (event: CheckoutLinkEventMap[(typeof events)[K]]) => void;
};

type Settable<E, K extends keyof E> = Partial<Pick<E, K>>;
type Wrapped<E extends HTMLElement, P> = React.ForwardRefExoticComponent<
  Omit<React.HTMLAttributes<E>, keyof P> & P & { children?: React.ReactNode } & React.RefAttributes<E>
>;

export type CheckoutLinkProps = Settable<
  CheckoutLinkElement,
  | 'href'
  | 'link'
  | 'mode'
  | 'theme'
  | 'locale'
  | 'productId'
  | 'customerEmail'
  | 'customerName'
  | 'discountCode'
  | 'amount'
  | 'referenceId'
  | 'prefill'
> &
  CheckoutLinkEventProps;

export type CheckoutLinkProviderProps = Settable<CheckoutLinkProviderElement, 'backend' | 'mode' | 'theme' | 'prefill'>;

// Typed here rather than inferred: the shipped `.d.ts` must not need @lit/react's types (it is bundled).
/** `<CheckoutLink href prefill={{…}} onSuccess={(e) => e.detail.order_id}>Buy</CheckoutLink>` */
export const CheckoutLink: Wrapped<CheckoutLinkElement, CheckoutLinkProps> = createComponent({
  tagName: 'checkout-link',
  elementClass: CheckoutLinkElement,
  react: React,
  events: events as { [K in keyof typeof events]: EventName<CheckoutLinkEventMap[(typeof events)[K]]> },
  displayName: 'CheckoutLink',
});

/** `<CheckoutLinkProvider backend mode theme prefill={{…}}>` around several `<CheckoutLink>`s. */
export const CheckoutLinkProvider: Wrapped<CheckoutLinkProviderElement, CheckoutLinkProviderProps> = createComponent({
  tagName: 'checkout-link-provider',
  elementClass: CheckoutLinkProviderElement,
  react: React,
  events: {},
  displayName: 'CheckoutLinkProvider',
});

type ElementProps<E, A> = React.DetailedHTMLProps<React.HTMLAttributes<E>, E> & A & { prefill?: Prefill };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'checkout-link': ElementProps<CheckoutLinkElement, CheckoutLinkAttributes>;
      'checkout-link-provider': ElementProps<CheckoutLinkProviderElement, CheckoutLinkProviderAttributes>;
    }
  }
}

export * from './index.ts';

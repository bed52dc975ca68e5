import { sharedState } from './shared-state.ts';

/** Why a checkout could not be shown; the fallback (navigation to the link URL) has run or will run. */
export type CheckoutLinkErrorCode =
  | 'link_not_found'
  | 'session_expired'
  | 'network'
  | 'server'
  | 'frame_refused'
  | 'timeout'
  | 'rate_limited';

export interface CheckoutLinkErrorDetail {
  code: CheckoutLinkErrorCode;
  message: string;
}

/** Detail of `checkout-link:success`: the order or subscription exists. */
export interface CheckoutLinkSuccessDetail {
  checkout_id: string;
  order_id: string | null;
  subscription_id: string | null;
  customer_email: string | null;
  customer_name: string | null;
  success_url: string | null;
}

/** Detail of `checkout-link:open`: which link is about to open, and how. */
export interface CheckoutLinkOpenDetail {
  url: string;
  mode: 'overlay' | 'redirect' | 'inline';
}

/**
 * Every event the widget dispatches (bubbling, composed) on the element or
 * button that opened the checkout, and mirrors to `CheckoutLink.on()`.
 * `:open` and `:success` are cancelable: canceling `:open` keeps the checkout
 * closed, canceling `:success` stops the redirect to `success_url`.
 */
export interface CheckoutLinkEventMap {
  'checkout-link:open': CustomEvent<CheckoutLinkOpenDetail>;
  'checkout-link:loaded': CustomEvent<{ checkout_id: string }>;
  'checkout-link:confirmed': CustomEvent<{ checkout_id: string }>;
  'checkout-link:success': CustomEvent<CheckoutLinkSuccessDetail>;
  'checkout-link:close': CustomEvent<Record<string, never>>;
  'checkout-link:error': CustomEvent<CheckoutLinkErrorDetail>;
}

export type CheckoutLinkEventName = keyof CheckoutLinkEventMap;
type ShortName = CheckoutLinkEventName extends `checkout-link:${infer S}` ? S : never;

declare global {
  interface HTMLElementEventMap extends CheckoutLinkEventMap {}
  interface DocumentEventMap extends CheckoutLinkEventMap {}
}

/**
 * Dispatches `checkout-link:<name>` on `target` (the document when the
 * checkout was opened from code), then on the global listeners. Returns
 * false when a listener canceled it. A throwing listener never breaks the flow.
 */
export function emit(target: EventTarget | undefined, name: ShortName, detail: unknown = {}, cancelable = false) {
  const event = new CustomEvent(`checkout-link:${name}`, { detail, bubbles: true, composed: true, cancelable });
  (target ?? document).dispatchEvent(event);
  for (const handler of sharedState().listeners[event.type] ?? []) {
    try {
      handler(event);
    } catch (error) {
      // Same treatment as a throwing DOM listener: reported, not fatal.
      setTimeout(() => {
        throw error;
      });
    }
  }
  return !event.defaultPrevented;
}

/**
 * `CheckoutLink.on('checkout-link:success', fn)` (the `checkout-link:` prefix
 * is optional): hears every checkout on the page. Returns an unsubscribe function.
 */
export function onCheckoutEvent<K extends CheckoutLinkEventName>(
  name: K | ShortName,
  handler: (event: CheckoutLinkEventMap[K]) => void,
): () => void {
  const type = name.startsWith('checkout-link:') ? name : `checkout-link:${name}`;
  const listeners = sharedState().listeners;
  const set = listeners[type] ?? new Set();
  listeners[type] = set;
  const fn = handler as (event: Event) => void;
  set.add(fn);
  return () => {
    set.delete(fn);
  };
}

/** Why a checkout could not be shown (yet: `timeout` is a slow page, which may still come); the overlay says so and offers the way on. */
export type CheckoutLinkErrorCode =
  | 'link_not_found'
  | 'link_unavailable'
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
 * button that opened the checkout (the document when opened from code); they
 * reach `CheckoutLink.on()` listeners on the document. `:open` and `:success` are cancelable:
 * canceling `:open` keeps the checkout closed, canceling `:success` stops the
 * redirect to `success_url`. `:close` fires whenever a shown overlay goes
 * away (also from code, and when closed after `:error`).
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
export type CheckoutLinkShortEventName = CheckoutLinkEventName extends `checkout-link:${infer S}` ? S : never;

declare global {
  interface HTMLElementEventMap extends CheckoutLinkEventMap {}
  interface DocumentEventMap extends CheckoutLinkEventMap {}
}

const PREFIX = 'checkout-link:';

/**
 * Dispatches `checkout-link:<name>` on `target`, or on the document when the
 * checkout was opened from code or the target left the page meanwhile (so
 * `CheckoutLink.on()`, which listens on the document, always hears it).
 * `:open` and `:success` are cancelable. Returns false when a listener canceled it.
 */
export function emit(target: EventTarget | undefined, name: CheckoutLinkShortEventName, detail: unknown = {}): boolean {
  return (((target as Node)?.isConnected && target) || document).dispatchEvent(
    new CustomEvent(PREFIX + name, {
      detail,
      bubbles: true,
      composed: true,
      cancelable: name === 'open' || name === 'success',
    }),
  );
}

/**
 * `CheckoutLink.on('checkout-link:success', fn)` (the `checkout-link:` prefix
 * is optional): hears every checkout on the page, as events bubble (and are
 * composed) up to the document; a listener that stops propagation on the way
 * hides them. Returns the unsubscribe function.
 */
export function onCheckoutEvent<N extends CheckoutLinkEventName | CheckoutLinkShortEventName>(
  name: N,
  // Typed by the full name either way, so `onCheckoutEvent('success', e => e.detail.order_id)` checks.
  handler: (event: CheckoutLinkEventMap[N extends CheckoutLinkEventName ? N : `checkout-link:${N}`]) => void,
): () => void {
  const type = PREFIX + name.replace(PREFIX, '');
  document.addEventListener(type, handler as EventListener);
  return () => document.removeEventListener(type, handler as EventListener);
}

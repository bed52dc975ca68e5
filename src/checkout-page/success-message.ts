import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import type { OutgoingMessage } from './embed-bridge.ts';
import { successUrlFor } from './success-url.ts';

/** What the framing page hears once the order or subscription exists (never on `confirmed`). */
export function successMessage(c: CheckoutPublic): Extract<OutgoingMessage, { type: 'success' }> {
  const successUrl = successUrlFor(c.success_url, c.id);
  return {
    type: 'success',
    checkout_id: c.id,
    order_id: c.order_id,
    subscription_id: c.subscription_id,
    customer_email: c.customer_email,
    customer_name: c.customer_name,
    success_url: successUrl,
    redirect: successUrl !== null,
  };
}

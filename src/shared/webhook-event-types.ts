/** Every event a webhook endpoint may subscribe to (no zod here: the dashboard imports it). */
export const WEBHOOK_EVENT_TYPES = [
  'checkout.created',
  'checkout.updated',
  'checkout.expired',
  'order.created',
  'order.paid',
  'subscription.created',
  'subscription.active',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

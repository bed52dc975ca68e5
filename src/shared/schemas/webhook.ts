import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhook-event-types.ts';
import { id, timestamp } from './common.ts';

export { WEBHOOK_EVENT_TYPES, type WebhookEventType };

const eventType = z
  .string()
  .refine((t): t is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(t), {
    error: (issue) => `unknown event type "${String(issue.input)}"; known: ${WEBHOOK_EVENT_TYPES.join(', ')}`,
  }) as unknown as z.ZodType<WebhookEventType>;

const events = z
  .array(eventType)
  .min(1, 'subscribe to at least one event type')
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((e) => new Set(e).size === e.length, 'an event type can be listed once');

/** `https:` (or `http:` for development) with a host and no credentials; the address is checked by the server. */
export const webhookUrl = z
  .string()
  .max(2048)
  .refine((u) => {
    try {
      const p = new URL(u);
      return (p.protocol === 'https:' || p.protocol === 'http:') && p.hostname !== '' && !p.username && !p.password;
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL without credentials');

export const webhookEndpoint = z.object({
  id,
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  /** Why the server turned it off (consecutive failures), null when it did not. */
  disabled_reason: z.string().nullable(),
  created_at: timestamp,
  modified_at: timestamp.nullable(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpoint>;

/** Answered on create and on secret rotation only: the secret is shown then and kept by the merchant. */
export const webhookEndpointWithSecret = webhookEndpoint.extend({ secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof webhookEndpointWithSecret>;

export const webhookEndpointCreate = z.strictObject({ url: webhookUrl, events });
export type WebhookEndpointCreate = z.infer<typeof webhookEndpointCreate>;

export const webhookEndpointUpdate = z.strictObject({
  url: webhookUrl.optional(),
  events: events.optional(),
  enabled: z.boolean().optional(),
});
export type WebhookEndpointUpdate = z.infer<typeof webhookEndpointUpdate>;

export const webhookDeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);

export const webhookDelivery = z.object({
  id,
  endpoint_id: id,
  /** The `webhook-id` header: the same on every attempt of this delivery. */
  event_id: z.string(),
  type: z.string(),
  status: webhookDeliveryStatus,
  attempts: z.int(),
  last_response_status: z.int().nullable(),
  last_error: z.string().nullable(),
  last_duration_ms: z.int().nullable(),
  next_attempt_at: timestamp.nullable(),
  created_at: timestamp,
  /** The exact body sent (and signed). */
  payload: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

export const webhookDeliveryListQuery = z.object({
  endpoint_id: id.optional(),
  status: webhookDeliveryStatus.optional(),
});

import type * as z from 'zod/mini';
import type { embedMessageSchema } from './embed-messages.schema.ts';

/**
 * The iframe ↔ page protocol, typed from its zod schema
 * (`./embed-messages.schema.ts`) through type-only imports: the widget
 * cannot carry a validation library within its byte budget, so it checks
 * the same shape by hand in `parseEmbedMessage`, and a test holds the two
 * in agreement.
 */
export type EmbedMessage = z.infer<typeof embedMessageSchema>;

export const EMBED_MESSAGE_SOURCE: EmbedMessage['source'] = 'checkout-link';

/** The fields of `success` that are a string or null. */
const NULLABLE_FIELDS = ['order_id', 'subscription_id', 'customer_email', 'customer_name', 'success_url'];

/**
 * Returns the message when `data` is a well-formed embed message (exactly what
 * `embedMessageSchema` accepts; a test holds the two together), else null.
 * Written as one expression, the smallest form for the snippet's byte budget.
 * Call it only after the origin and source window were checked. Typed as an
 * object for brevity, it takes whatever arrived (`event.data` is `any`).
 */
export function parseEmbedMessage(m: Record<string, unknown> | null | undefined): EmbedMessage | null {
  const type = m?.type;
  const str = (name: string) => typeof m?.[name] === 'string';
  return m?.source === EMBED_MESSAGE_SOURCE &&
    (type === 'close' ||
      (type === 'resize'
        ? Number.isFinite(m.height) && (m.height as number) >= 0
        : (type === 'loaded' ||
            type === 'confirmed' ||
            (type === 'success' &&
              typeof m.redirect === 'boolean' &&
              NULLABLE_FIELDS.every((name) => m[name] === null || str(name)))) &&
          str('checkout_id')))
    ? (m as unknown as EmbedMessage)
    : null;
}

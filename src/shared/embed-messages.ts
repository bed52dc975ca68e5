/**
 * The protocol between the hosted checkout page (inside an iframe) and the
 * page that embeds it. Every message is one member of one union, tagged with
 * `type`, and carries `source: 'checkout-link'` so foreign messages on the
 * same window are told apart cheaply. The union is written out rather than
 * inferred from the schema so that the package's declarations need no zod.
 *
 * The checkout page validates what it sends with the zod schema
 * (`./embed-messages.schema.ts`); the widget cannot carry a validation library
 * within its byte budget, so it uses `parseEmbedMessage` below, which checks
 * the same shape by hand. A test holds the two in agreement.
 */

export const EMBED_MESSAGE_SOURCE = 'checkout-link';

export const EMBED_MESSAGE_TYPES = ['loaded', 'confirmed', 'success', 'close', 'resize'] as const;
export type EmbedMessageType = (typeof EMBED_MESSAGE_TYPES)[number];

interface Base<T extends EmbedMessageType> {
  source: typeof EMBED_MESSAGE_SOURCE;
  type: T;
}

/** The page is interactive: the overlay swaps its spinner for the frame. */
export type LoadedMessage = Base<'loaded'> & { checkout_id: string };
/** Payment started: the overlay must not close until it settles. */
export type ConfirmedMessage = Base<'confirmed'> & { checkout_id: string };
/** The order or subscription exists. */
export type SuccessMessage = Base<'success'> & {
  checkout_id: string;
  order_id: string | null;
  subscription_id: string | null;
  customer_email: string | null;
  customer_name: string | null;
  success_url: string | null;
  /** Whether the embedder should navigate to `success_url` (unless the event is canceled). */
  redirect: boolean;
};
/** The customer asked to close the checkout (close button inside the page). */
export type CloseMessage = Base<'close'>;
/** The page's content height, for inline mode. */
export type ResizeMessage = Base<'resize'> & { height: number };

export type EmbedMessage = LoadedMessage | ConfirmedMessage | SuccessMessage | CloseMessage | ResizeMessage;

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

/**
 * The protocol between the hosted checkout page (inside an iframe) and the
 * page that embeds it. Every message is one member of one union, tagged with
 * `type`, and carries `source: 'checkout-link'` so foreign messages on the
 * same window are told apart cheaply.
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

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown) => v === null || isStr(v);

/**
 * Returns the message when `data` is a well-formed embed message, else null.
 * Call it only after the origin and source window were checked.
 */
export function parseEmbedMessage(data: unknown): EmbedMessage | null {
  if (!data || typeof data !== 'object') return null;
  const m = data as Record<string, unknown>;
  if (m.source !== EMBED_MESSAGE_SOURCE) return null;
  switch (m.type) {
    case 'loaded':
    case 'confirmed':
      return isStr(m.checkout_id) ? (m as unknown as EmbedMessage) : null;
    case 'success':
      return isStr(m.checkout_id) &&
        isStrOrNull(m.order_id) &&
        isStrOrNull(m.subscription_id) &&
        isStrOrNull(m.customer_email) &&
        isStrOrNull(m.customer_name) &&
        isStrOrNull(m.success_url) &&
        typeof m.redirect === 'boolean'
        ? (m as unknown as EmbedMessage)
        : null;
    case 'close':
      return m as unknown as EmbedMessage;
    case 'resize':
      return typeof m.height === 'number' && m.height >= 0 ? (m as unknown as EmbedMessage) : null;
    default:
      return null;
  }
}

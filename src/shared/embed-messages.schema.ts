import * as z from 'zod/mini';

/**
 * The protocol between the hosted checkout page (inside an iframe) and the
 * page that embeds it: one union tagged with `type`, each message carrying
 * `source: 'checkout-link'` so foreign messages on the same window are told
 * apart cheaply. The types in `./embed-messages.ts` are inferred from it;
 * `parseEmbedMessage` there must accept exactly what this accepts.
 */
const source = z.literal('checkout-link');
const nullableString = z.nullable(z.string());

export const embedMessageSchema = z.discriminatedUnion('type', [
  /** The page is interactive: the overlay swaps its spinner for the frame. */
  z.object({ source, type: z.literal('loaded'), checkout_id: z.string() }),
  /** Payment started: the overlay must not close until it settles. */
  z.object({ source, type: z.literal('confirmed'), checkout_id: z.string() }),
  /** The order or subscription exists; `redirect` says whether the embedder navigates to `success_url`. */
  z.object({
    source,
    type: z.literal('success'),
    checkout_id: z.string(),
    order_id: nullableString,
    subscription_id: nullableString,
    customer_email: nullableString,
    customer_name: nullableString,
    success_url: nullableString,
    redirect: z.boolean(),
  }),
  /** The customer asked to close the checkout (close button inside the page). */
  z.object({ source, type: z.literal('close') }),
  /** The page's content height, for inline mode. */
  z.object({ source, type: z.literal('resize'), height: z.number().check(z.gte(0)) }),
]);

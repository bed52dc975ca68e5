import * as z from 'zod/mini';
import { EMBED_MESSAGE_SOURCE } from './embed-messages.ts';

/**
 * The zod form of the embed protocol, used by the hosted checkout page before
 * it posts (zod/mini keeps the page light). `parseEmbedMessage` in
 * `./embed-messages.ts` must accept exactly what this accepts.
 */
const source = z.literal(EMBED_MESSAGE_SOURCE);
const nullableString = z.nullable(z.string());

export const embedMessageSchema = z.discriminatedUnion('type', [
  z.object({ source, type: z.literal('loaded'), checkout_id: z.string() }),
  z.object({ source, type: z.literal('confirmed'), checkout_id: z.string() }),
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
  z.object({ source, type: z.literal('close') }),
  z.object({ source, type: z.literal('resize'), height: z.number().check(z.gte(0)) }),
]);

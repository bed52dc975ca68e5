import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.ts';
import { id, origin, text, timestamp } from './common.ts';

export const organization = z.object({
  id,
  name: z.string(),
  /** Sites allowed to frame this organization's checkout pages. */
  embed_origins: z.array(z.string()),
  /** Where customers write for help: shown on receipts and used as their reply-to. */
  support_email: z.string().nullable(),
  /** Where a short "New order" email goes for each sale; null sends none. */
  notify_email: z.string().nullable(),
  /** The checkout's language when neither the link, the customer's choice nor their browser names one we speak. */
  default_locale: z.enum(LOCALES).nullable(),
  created_at: timestamp,
  modified_at: timestamp.nullable(),
});
export type Organization = z.infer<typeof organization>;

const optionalEmail = z
  .union([z.literal('').transform(() => null), z.email().max(320)])
  .nullable()
  .optional();

export const organizationUpdate = z.strictObject({
  name: text({ min: 1, max: 100 }).optional(),
  embed_origins: z.array(origin).max(50).optional(),
  /** null (or an empty string) removes it. */
  support_email: optionalEmail,
  notify_email: optionalEmail,
  /** One of the checkout's locales; null (or an empty string) leaves the browser's language, then English. */
  default_locale: z
    .union([z.literal('').transform(() => null), z.enum(LOCALES)])
    .nullable()
    .optional(),
});
export type OrganizationUpdate = z.infer<typeof organizationUpdate>;

export const TOKEN_SCOPES = ['read', 'write'] as const;
export const tokenScope = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof tokenScope>;

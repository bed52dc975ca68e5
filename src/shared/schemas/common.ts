import { z } from 'zod';
import { METADATA_MAX_KEY_LENGTH, METADATA_MAX_KEYS, METADATA_MAX_VALUE_LENGTH } from '../metadata-limits.ts';

/** Ids are UUIDs, as in Polar's API. */
export const id = z.uuid();
export const timestamp = z.iso.datetime({ offset: true });
/** ISO 4217 code, lower case on the wire (Polar's convention). */
export const currency = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, 'must be a three-letter ISO 4217 currency code')
  .transform((c) => c.toLowerCase());
/** Integer minor units (cents). */
export const minorAmount = z.int().min(0).max(99_999_999);

export { METADATA_MAX_KEY_LENGTH, METADATA_MAX_KEYS, METADATA_MAX_VALUE_LENGTH };

/**
 * Metadata on links, checkouts, orders and subscriptions: at most 50 keys of
 * 1 to 40 characters; values are strings (up to 500 characters), integers,
 * numbers or booleans.
 */
export const metadataValue = z.union([z.string().max(METADATA_MAX_VALUE_LENGTH), z.number(), z.boolean()]);
export const metadata = z
  .record(z.string().min(1).max(METADATA_MAX_KEY_LENGTH), metadataValue)
  .refine((m) => Object.keys(m).length <= METADATA_MAX_KEYS, `at most ${METADATA_MAX_KEYS} keys`);
export type Metadata = z.infer<typeof metadata>;

/** `http(s)` URL; `{CHECKOUT_ID}` may appear and is kept literally. */
export const httpUrl = z
  .string()
  .max(2048)
  .refine((u) => {
    try {
      const p = new URL(u.replaceAll('{CHECKOUT_ID}', 'x'));
      return p.protocol === 'https:' || p.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

/** A web origin such as `https://shop.example` (scheme, host, optional port, nothing else). */
export const origin = z
  .string()
  .max(255)
  .refine((o) => {
    try {
      const u = new URL(o);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === o.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'must be an origin like https://shop.example (no path)')
  .transform((o) => o.replace(/\/$/, ''));

export const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export type ListQuery = z.infer<typeof listQuery>;

export const pagination = z.object({ total_count: z.int(), max_page: z.int() });
export const listResource = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), pagination });
export interface ListResource<T> {
  items: T[];
  pagination: { total_count: number; max_page: number };
}

/** Every error the API answers: a code and, for bad input, where and why. */
export const errorDetail = z.object({ loc: z.array(z.union([z.string(), z.number()])), msg: z.string() });
export const errorBody = z.object({ error: z.string(), detail: z.array(errorDetail).optional() });
export type ErrorDetail = z.infer<typeof errorDetail>;
export type ErrorBody = z.infer<typeof errorBody>;

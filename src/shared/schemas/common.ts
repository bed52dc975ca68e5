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
 * C0 and C1 control characters and DEL: nothing a person types, and NUL is
 * refused by PostgreSQL, so one NUL would make the same input a 500 there and
 * a stored value on SQLite. Multi-line text keeps tab and line breaks.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTERS_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Half of a UTF-16 pair alone: not text, and PostgreSQL's jsonb refuses its escape. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `value` is not storable text, or null when it is. The prefill rules drop what this refuses. */
export function textProblem(value: string, options: { multiline?: boolean } = {}): string | null {
  if ((options.multiline ? CONTROL_CHARACTERS_BUT_WHITESPACE : CONTROL_CHARACTERS).test(value))
    return options.multiline
      ? 'must not contain control characters (tab and line breaks are fine)'
      : 'must not contain control characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text';
  return null;
}

/**
 * Every free text field of the API: trimmed (unless `trim: false`), within
 * `min`/`max` characters, and refused (422 naming the field) when it holds a
 * control character or broken Unicode, identically on SQLite and PostgreSQL.
 */
export const text = (options: { max: number; min?: number; multiline?: boolean; trim?: boolean }) => {
  let s = options.trim === false ? z.string() : z.string().trim();
  if (options.min !== undefined) s = s.min(options.min);
  return s.max(options.max).check((ctx) => {
    const problem = textProblem(ctx.value, options);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });
};

/**
 * Metadata on links, checkouts, orders and subscriptions: at most 50 keys of
 * 1 to 40 characters; values are strings (up to 500 characters), integers,
 * numbers or booleans.
 */
export const metadataValue = z.union([
  text({ max: METADATA_MAX_VALUE_LENGTH, multiline: true, trim: false }),
  z.number(),
  z.boolean(),
]);
export const metadata = z
  .record(text({ min: 1, max: METADATA_MAX_KEY_LENGTH, trim: false }), metadataValue)
  .refine((m) => Object.keys(m).length <= METADATA_MAX_KEYS, `at most ${METADATA_MAX_KEYS} keys`);
export type Metadata = z.infer<typeof metadata>;

/** A DNS name (after the URL parser lowered and punycoded it), an IPv4 address or a bracketed IPv6 one. */
const PLAIN_HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^\[[0-9a-f:.]+\]$/;
// Stands in for `{CHECKOUT_ID}` while parsing: the parser would percent-encode braces in a path.
const CHECKOUT_ID_STAND_IN = 'x-checkout-id-7d1c';

/** The parsed, normalized form of an absolute http(s) URL with a plain host and no user-info, or why not. */
function parseHttpUrl(raw: string): { href: string } | { problem: string } {
  // The URL parser silently drops tabs and line breaks and reads `https:host` or `https:/host` as
  // `https://host`; refuse all of that rather than store a URL that means something else than it says.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(raw))
    return { problem: 'must not contain spaces, control characters or \\' };
  if (!/^https?:\/\/[^/]/i.test(raw))
    return { problem: 'must be an absolute http(s) URL such as https://shop.example/thanks' };
  let url: URL;
  try {
    url = new URL(raw.replaceAll('{CHECKOUT_ID}', CHECKOUT_ID_STAND_IN));
  } catch {
    return { problem: 'must be an absolute http(s) URL such as https://shop.example/thanks' };
  }
  if (url.username || url.password) return { problem: 'must not contain a user name or password' };
  if (!PLAIN_HOST.test(url.hostname) || url.hostname.includes(CHECKOUT_ID_STAND_IN))
    return { problem: 'must have a plain host name' };
  return { href: url.href.replaceAll(CHECKOUT_ID_STAND_IN, '{CHECKOUT_ID}') };
}

/**
 * An absolute `http(s)` URL with a host, stored in its parsed, normalized
 * form (the one a browser would go to); `{CHECKOUT_ID}` may appear and is
 * kept literally, not percent-encoded.
 */
export const httpUrl = z
  .string()
  .max(2048)
  .transform((raw, ctx) => {
    const parsed = parseHttpUrl(raw);
    if ('href' in parsed) return parsed.href;
    ctx.addIssue({ code: 'custom', message: parsed.problem });
    return z.NEVER;
  });

/**
 * A web origin such as `https://shop.example`: scheme, plain host and
 * optional port, nothing else (no wildcard, path or `;`: it goes into a CSP
 * `frame-ancestors` header as it is).
 */
export const origin = z
  .string()
  .max(255)
  .refine((o) => {
    try {
      const u = new URL(o);
      return (
        (u.protocol === 'https:' || u.protocol === 'http:') &&
        PLAIN_HOST.test(u.hostname) &&
        u.origin === o.replace(/\/$/, '')
      );
    } catch {
      return false;
    }
  }, 'must be an origin like https://shop.example (scheme, host and port only)')
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

/** The limit a value crossed, as data (minor units for an amount), so a page can say it its own way. */
export const crossedBound = z.object({ ge: z.number().optional(), le: z.number().optional() });
export type CrossedBound = z.infer<typeof crossedBound>;

/** Every error the API answers: a code and, for bad input, where and why. */
export const errorDetail = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  ctx: crossedBound.optional(),
});
export const errorBody = z.object({ error: z.string(), detail: z.array(errorDetail).optional() });
export type ErrorDetail = z.infer<typeof errorDetail>;
export type ErrorBody = z.infer<typeof errorBody>;

import { CUSTOMER_NAME_MAX_LENGTH } from '../../src/shared/customer-limits.ts';
import {
  CUSTOM_FIELD_PREFIX,
  MAX_PREFILL_VALUE_LENGTH,
  PAGE_FIELDS,
  PREFILL_FIELDS,
  UTM_FIELDS,
} from '../../src/shared/prefill-params.ts';
import {
  type CustomFieldData,
  customerEmail,
  type Discount,
  type DroppedPrefill,
  METADATA_MAX_KEYS,
  type Metadata,
  origin as originSchema,
  type Product,
  type SessionOptions,
  textProblem,
} from '../../src/shared/schemas/index.ts';
import { isTheme, THEMES } from '../../src/shared/theme.ts';
import { checkFieldValue, fieldsBySlug } from './custom-field-values.ts';
import {
  amountBound,
  amountError,
  currentPrice,
  discountIneligibility,
  quantityBounds,
  quantityError,
} from './pricing.ts';

const KNOWN = new Set<string>([
  ...PREFILL_FIELDS,
  ...UTM_FIELDS,
  ...PAGE_FIELDS,
  'custom_field_data',
  'embed_origin',
  'embed_mode',
]);
/** What asks for the embedded page: the widget sends these, a shared link's query never passes them on. */
const EMBEDDING = new Set(['embed', 'embed_origin', 'embed_mode']);

export { prefillFromJson, prefillFromQuery } from '../../src/shared/prefill-input.ts';

export type PrefillMode = 'query' | 'json' | 'frame';

export interface PrefillInput {
  products: Product[];
  allowDiscountCodes: boolean;
  linkMetadata: Metadata;
  /** The link's options (the quantity bounds); absent: none. */
  options?: Readonly<SessionOptions>;
  embedOrigins: string[];
  findDiscountByCode: (code: string) => Promise<Discount | null>;
  now: Date;
  /**
   * `query`: unknown keys travel on to the page; `json`: they are reported as
   * dropped; `frame`: a query the browser sent for an iframe
   * (`Sec-Fetch-Dest: iframe`), which may ask for the embedded page as the
   * widget's JSON does.
   */
  mode: PrefillMode;
}

export interface ResolvedPrefill {
  product: Product;
  customAmount: number | null;
  /** The quantity to start with: the prefilled one, else the bounds' minimum, else 1. */
  quantity: number;
  customerEmail: string | null;
  customerName: string | null;
  discountFromCode: Discount | null;
  customFieldData: CustomFieldData;
  metadata: Metadata;
  embedOrigin: string | null;
  /** Parameters for the page URL: theme, locale and, from a query, whatever was not consumed. */
  pageParams: Record<string, string>;
  dropped: DroppedPrefill[];
}

/** A parameter name as the `dropped` report can hold it: kept short, controls and broken Unicode shown as U+FFFD. */
const storableName = (name: string) => [...name.slice(0, 100)].map((ch) => (textProblem(ch) ? '\ufffd' : ch)).join('');

const scalar = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

/** What every field's resolver works with: the raw input, the gate every value passes, the report, the result. */
interface PrefillScope {
  raw: Record<string, unknown>;
  input: PrefillInput;
  /** The field's value, past the type and size gate every simple value shares; null when absent or dropped. */
  text: (field: string) => string | null;
  /** Leaves a value out, named in `dropped` with the reason and, for an amount, the bound it crossed. */
  drop: (field: string, reason: string, ctx?: DroppedPrefill['ctx']) => void;
  out: ResolvedPrefill;
}

type FieldResolver = (s: PrefillScope) => void | Promise<void>;

/** Keys no rule knows: from a query they travel on to the page, from JSON they are dropped. */
const resolveUnknownKeys: FieldResolver = ({ raw, input, drop, out }) => {
  for (const key of Object.keys(raw)) {
    if (KNOWN.has(key) || (input.mode !== 'json' && EMBEDDING.has(key))) continue;
    if (input.mode === 'json') drop(key, 'is not a prefill parameter');
    else {
      const s = scalar(raw[key]);
      if (s !== null && s.length <= MAX_PREFILL_VALUE_LENGTH && !textProblem(key) && !textProblem(s))
        out.pageParams[key] = s;
    }
  }
};

const resolveProduct: FieldResolver = ({ input, text, drop, out }) => {
  const productId = text('product_id');
  if (!productId) return;
  const chosen = input.products.find((p) => p.id === productId);
  if (chosen) out.product = chosen;
  else drop('product_id', "is not one of this link's products");
};

const resolveEmail: FieldResolver = ({ text, drop, out }) => {
  const email = text('customer_email');
  if (email && !customerEmail.safeParse(email).success) drop('customer_email', 'is not a valid email address');
  else out.customerEmail = email;
};

const resolveName: FieldResolver = ({ text, drop, out }) => {
  const name = text('customer_name');
  if (name && name.length > CUSTOMER_NAME_MAX_LENGTH)
    drop('customer_name', `must be at most ${CUSTOMER_NAME_MAX_LENGTH} characters`);
  else out.customerName = name;
};

const resolveDiscountCode: FieldResolver = async ({ input, text, drop, out }) => {
  const code = text('discount_code');
  if (!code) return;
  if (!input.allowDiscountCodes) return drop('discount_code', 'discount codes are disabled on this link');
  const discount = await input.findDiscountByCode(code);
  const why = discount
    ? discountIneligibility(discount, out.product, currentPrice(out.product), input.now)
    : 'is not a known discount code';
  if (why) drop('discount_code', why);
  else out.discountFromCode = discount;
};

const resolveAmount: FieldResolver = ({ text, drop, out }) => {
  const amountText = text('amount');
  if (!amountText) return;
  const amount = /^\d{1,9}$/.test(amountText) ? Number(amountText) : Number.NaN;
  const price = currentPrice(out.product);
  const why = Number.isNaN(amount) ? 'must be a whole number of minor units (cents)' : amountError(price, amount);
  if (why) drop('amount', why, amountBound(price, amount));
  else out.customAmount = amount;
};

const resolveQuantity: FieldResolver = ({ input, text, drop, out }) => {
  const options = input.options;
  const bounds = options && quantityBounds(options, out.product);
  if (bounds) out.quantity = bounds.minimum;
  const quantityText = text('quantity');
  if (!quantityText) return;
  const quantity = /^\d{1,9}$/.test(quantityText) ? Number(quantityText) : Number.NaN;
  const why = Number.isNaN(quantity)
    ? 'must be a whole number'
    : options
      ? quantityError(options, out.product, quantity)
      : 'this checkout does not let the quantity change';
  if (why) drop('quantity', why);
  else out.quantity = quantity;
};

const resolveCustomFields: FieldResolver = ({ raw, input, drop, out }) => {
  const rawFields = raw.custom_field_data;
  if (rawFields === undefined || rawFields === null) return;
  if (typeof rawFields !== 'object' || Array.isArray(rawFields))
    return drop('custom_field_data', 'must be an object of slugs to values');
  const fields = fieldsBySlug(input.products);
  for (const [slug, value] of Object.entries(rawFields as Record<string, unknown>)) {
    const name = `${CUSTOM_FIELD_PREFIX}${slug}`;
    const field = fields.get(slug);
    if (!field) {
      drop(name, 'is not a custom field of this checkout');
      continue;
    }
    if (typeof value === 'string' && value.length > MAX_PREFILL_VALUE_LENGTH) {
      drop(name, `must be at most ${MAX_PREFILL_VALUE_LENGTH} characters`);
      continue;
    }
    const problem = typeof value === 'string' ? textProblem(value, { multiline: true }) : null;
    if (problem) {
      drop(name, problem);
      continue;
    }
    const checked = checkFieldValue(field, value);
    if (checked.ok) out.customFieldData[slug] = checked.value;
    else drop(name, checked.reason);
  }
};

/** Attribution joins the link's metadata, never over its keys, within the limits. */
const resolveAttribution: FieldResolver = ({ input, text, drop, out }) => {
  for (const key of ['reference_id', ...UTM_FIELDS]) {
    const value = text(key);
    if (!value) continue;
    if (key in input.linkMetadata) drop(key, "the link's own metadata has this key");
    else if (Object.keys(out.metadata).length >= METADATA_MAX_KEYS)
      drop(key, `metadata holds at most ${METADATA_MAX_KEYS} keys`);
    else out.metadata[key] = value;
  }
};

const resolveTheme: FieldResolver = ({ text, drop, out }) => {
  const theme = text('theme');
  if (!theme) return;
  if (isTheme(theme)) out.pageParams.theme = theme;
  else drop('theme', `must be ${THEMES.slice(0, -1).join(', ')} or ${THEMES.at(-1)}`);
};

const resolveLocale: FieldResolver = ({ text, drop, out }) => {
  const locale = text('locale');
  if (!locale) return;
  if (/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(locale)) out.pageParams.locale = locale;
  else drop('locale', 'must be a language tag such as en or en-US');
};

/**
 * Embedded mode is for a frame only: the widget's JSON, or the link framed itself (as Polar's embed
 * frames a link with `?embed=true&embed_origin=…`). A shared link's URL opened in a tab cannot ask for
 * it, else `?embed=1` would open a full page without its back link or the redirect to `success_url`.
 */
const resolveEmbedOrigin: FieldResolver = ({ input, text, drop, out }) => {
  const embed = input.mode !== 'query' ? text('embed_origin') : null;
  if (!embed) return;
  const parsed = originSchema.safeParse(embed);
  if (!parsed.success) drop('embed_origin', 'must be an origin like https://shop.example');
  else if (!input.embedOrigins.includes(parsed.data))
    drop('embed_origin', "is not in the organization's embed_origins, so the checkout cannot be framed there");
  else {
    out.embedOrigin = parsed.data;
    // `embed_url` names it again for the page.
    out.pageParams.embed_origin = parsed.data;
  }
};

const resolveEmbedMode: FieldResolver = ({ input, text, drop, out }) => {
  const embedMode = input.mode !== 'query' ? text('embed_mode') : null;
  if (!embedMode) return;
  if (embedMode === 'inline') out.pageParams.embed_mode = embedMode;
  else drop('embed_mode', 'must be inline');
};

/** In order: the product comes before the rules priced against it, and `dropped` lists fields in this order. */
const RESOLVERS: readonly FieldResolver[] = [
  resolveUnknownKeys,
  resolveProduct,
  resolveEmail,
  resolveName,
  resolveDiscountCode,
  resolveAmount,
  resolveQuantity,
  resolveCustomFields,
  resolveAttribution,
  resolveTheme,
  resolveLocale,
  resolveEmbedOrigin,
  resolveEmbedMode,
];

/**
 * Applies every prefill rule of a checkout link. A bad value never fails the
 * session: it is left out and named in `dropped` with the reason, so the
 * widget can report it and the page can tell the customer what to fix.
 */
export async function resolvePrefill(raw: Record<string, unknown>, input: PrefillInput): Promise<ResolvedPrefill> {
  const out: ResolvedPrefill = {
    // A link that serves has at least one buyable product (else link_unavailable).
    product: input.products[0]!,
    customAmount: null,
    quantity: 1,
    customerEmail: null,
    customerName: null,
    discountFromCode: null,
    customFieldData: {},
    metadata: { ...input.linkMetadata },
    embedOrigin: null,
    pageParams: {},
    dropped: [],
  };
  // The report is stored with the session: a hostile parameter name must not make it unstorable.
  const drop = (field: string, reason: string, ctx?: DroppedPrefill['ctx']) => {
    out.dropped.push({ field: storableName(field), reason, ...(ctx && { ctx }) });
  };
  const text = (field: string): string | null => {
    const value = raw[field];
    if (value === undefined || value === null || value === '') return null;
    const s = scalar(value);
    if (s === null) drop(field, 'must be a string');
    else if (s.length > MAX_PREFILL_VALUE_LENGTH) drop(field, `must be at most ${MAX_PREFILL_VALUE_LENGTH} characters`);
    else {
      const problem = textProblem(s);
      if (problem) drop(field, problem);
      else return s.trim();
    }
    return null;
  };
  const scope: PrefillScope = { raw, input, text, drop, out };
  for (const resolve of RESOLVERS) {
    // Only the discount lookup is asynchronous: the click path awaits nothing else.
    const pending = resolve(scope);
    if (pending) await pending;
  }
  return out;
}

/**
 * What the widget frames, answered by the JSON endpoint as `embed_url`: the
 * session's page in embedded mode for the origin the organization allowed,
 * with the page parameters (theme, locale, `embed_mode`). Null when no
 * allowed origin asked: that page would refuse the frame, so the widget goes
 * to the link URL at once rather than after a refused frame.
 */
export function embedPageUrl(pageUrl: string, pageParams: Record<string, string>): string | null {
  if (!pageParams.embed_origin) return null;
  const url = new URL(pageUrl);
  url.searchParams.set('embed', '1');
  for (const [name, value] of Object.entries(pageParams)) url.searchParams.set(name, value);
  return url.href;
}

import { CUSTOM_FIELD_PREFIX, PREFILL_FIELDS, type Prefill } from '../shared/prefill-params.ts';

export type { Prefill };

/**
 * The widget keeps prefill in one shape from start to end: flat, under query
 * names (`custom_field_data.{slug}` for custom fields), as the link's query
 * string and the session endpoint both take it. Every reader below adds to
 * such a map strongest source first, and the first value set for a name wins.
 */
type Flat = Record<string, unknown>;

const put = (flat: Prefill, name: string, value: unknown) => {
  // An unset or empty value never hides a weaker source.
  if (value != null && value !== '') (flat as Flat)[name] ??= value;
};

/**
 * What the page's own URL query may carry through to the checkout (campaign
 * links): the prefill names, `utm_*` and `custom_field_data.*`. Campaign
 * names by prefix: the server keeps the five it knows and reports the rest.
 */
const QUERY_PREFIX = /^(utm_|custom_field_data\.)/;
/** Custom field attributes: `data-custom-field-{slug}`, with or without the `data-` prefix of the others. */
const CUSTOM_FIELD_ATTRIBUTE = 'data-custom-field-';

/**
 * Merges `prefill` (nested `custom_field_data` or already flat) into `flat`,
 * filling only names still unset (the first value wins), and returns it:
 * the one place a nested prefill (the public `prefill` property,
 * `CheckoutLink.open(url, { prefill })`) becomes flat.
 */
export function mergePrefill(flat: Prefill, prefill: Prefill | object = {}, prefix = ''): Prefill {
  for (const [name, value] of Object.entries(prefill))
    if (value && typeof value === 'object') mergePrefill(flat, value, `${prefix + name}.`);
    else put(flat, prefix + name, value);
  return flat;
}

/** Adds the prefill a query string carries (known names and `custom_field_data.*`; the first of repeated names wins). */
export function addQueryPrefill(query: string, flat: Prefill = {}): Prefill {
  for (const [name, value] of new URLSearchParams(query))
    if ((PREFILL_FIELDS as readonly string[]).includes(name) || QUERY_PREFIX.test(name)) put(flat, name, value);
  return flat;
}

/**
 * Reads prefill attributes (`customer-email`, `customer-name`, `discount-code`, `quantity`,
 * `amount`, `product-id`, `reference-id`, `theme`, `locale`, after `prefix`) and custom
 * fields, which are always `data-custom-field-{slug}`.
 */
export function prefillFromAttributes(el: Element, prefix: '' | 'data-'): Prefill {
  const flat: Prefill = {};
  for (const name of [...PREFILL_FIELDS, 'theme', 'locale'])
    put(flat, name, el.getAttribute(prefix + name.replaceAll('_', '-')));
  for (const { name, value } of el.attributes)
    if (name.startsWith(CUSTOM_FIELD_ATTRIBUTE))
      put(flat, CUSTOM_FIELD_PREFIX + name.slice(CUSTOM_FIELD_ATTRIBUTE.length), value);
  return flat;
}

/**
 * Merges prefill sources, strongest first: the element's own attributes or
 * `prefill` property, the provider's defaults, then the page's URL query
 * (so `?utm_source=…&customer_email=…` on a landing page carries through).
 * Custom fields merge one by one. Pure; no validation on purpose: the server
 * validates and reports what it dropped. Returns the flat form.
 */
export function buildPrefill(own?: Prefill, provider?: Prefill, pageQuery = ''): Prefill {
  return addQueryPrefill(pageQuery, mergePrefill(mergePrefill({}, own), provider));
}

/**
 * The link URL with the prefill as query parameters: the URL a plain link
 * points to (JavaScript off, Ctrl-click) and where every failure falls back.
 */
export function withPrefill(linkUrl: string, prefill: Prefill | object): string {
  const url = new URL(linkUrl, document.baseURI);
  for (const [name, value] of Object.entries(mergePrefill({}, prefill))) url.searchParams.set(name, `${value}`);
  return url.href;
}

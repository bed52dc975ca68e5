import { CUSTOM_FIELD_PREFIX, PREFILL_FIELDS, type Prefill, UTM_FIELDS } from '../shared/prefill-params.ts';

export type { Prefill };

/**
 * Prefill flattened to query names (`custom_field_data.{slug}` for custom
 * fields), the one shape every source is read into and merged in: merging is
 * then a plain object spread, and it is already the no-JS link's query.
 */
type Flat = Record<string, unknown>;

/** What the page's own URL query may carry through to the checkout (campaign links). */
const PAGE_QUERY_FIELDS: readonly string[] = [...PREFILL_FIELDS, ...UTM_FIELDS];

/** Flattens a prefill, leaving out unset values (so an empty attribute never hides a weaker source). */
function flatten(prefill: Prefill = {}): Flat {
  const flat: Flat = {};
  for (const [key, value] of Object.entries(prefill))
    if (key === 'custom_field_data')
      for (const [slug, v] of Object.entries(value ?? {})) flat[CUSTOM_FIELD_PREFIX + slug] = v;
    else flat[key] = value;
  for (const key in flat) if (flat[key] == null || flat[key] === '') delete flat[key];
  return flat;
}

/** Groups `custom_field_data.{slug}` entries back under `custom_field_data`, as the session endpoint takes them. */
function nest(flat: Flat): Prefill {
  const prefill: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat))
    if (key.startsWith(CUSTOM_FIELD_PREFIX)) fields[key.slice(CUSTOM_FIELD_PREFIX.length)] = value;
    else prefill[key] = value;
  if (Object.keys(fields).length) prefill.custom_field_data = fields;
  return prefill;
}

/**
 * Reads `names` through `get`, plus every custom field among `pairs` whose
 * name starts with `prefix` (the first of repeated names wins).
 */
function collect(
  names: readonly string[],
  get: (name: string) => string | null,
  pairs: Iterable<[string, string]>,
  prefix: string,
): Prefill {
  const flat: Flat = {};
  for (const name of names) flat[name] = get(name);
  for (const [name, value] of pairs)
    if (name.startsWith(prefix)) flat[CUSTOM_FIELD_PREFIX + name.slice(prefix.length)] ??= value;
  return nest(flatten(flat));
}

/** The prefill carried by a query string: the known names and `custom_field_data.{slug}`. */
export function prefillFromQuery(query: string): Prefill {
  const params = new URLSearchParams(query);
  return collect(PAGE_QUERY_FIELDS, (name) => params.get(name), params, CUSTOM_FIELD_PREFIX);
}

/**
 * Reads prefill attributes (`customer-email`, `customer-name`, `discount-code`,
 * `amount`, `product-id`, `reference-id`, `theme`, after `prefix`) and custom
 * fields, which are always `data-custom-field-{slug}`.
 */
export function prefillFromAttributes(el: Element, prefix: '' | 'data-'): Prefill {
  return collect(
    [...PREFILL_FIELDS, 'theme'],
    (name) => el.getAttribute(prefix + name.replaceAll('_', '-')),
    [...el.attributes].map((a) => [a.name, a.value]),
    'data-custom-field-',
  );
}

/**
 * Merges prefill sources, strongest first: the element's own attributes or
 * `prefill` property, the provider's defaults, then the page's URL query
 * (so `?utm_source=…&customer_email=…` on a landing page carries through).
 * Custom fields merge one by one. Pure; no validation on purpose: the server
 * validates and reports what it dropped.
 */
export function buildPrefill(own?: Prefill, provider?: Prefill, pageQuery = ''): Prefill {
  return nest({ ...flatten(prefillFromQuery(pageQuery)), ...flatten(provider), ...flatten(own) });
}

/**
 * The link URL with the prefill as query parameters: the URL a plain link
 * points to (JavaScript off, Ctrl-click) and where every failure falls back.
 */
export function withPrefill(linkUrl: string, prefill: Prefill): string {
  const url = new URL(linkUrl, document.baseURI);
  for (const [key, value] of Object.entries(flatten(prefill))) url.searchParams.set(key, `${value}`);
  return url.href;
}

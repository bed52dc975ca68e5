import { CUSTOM_FIELD_PREFIX, PREFILL_FIELDS, type Prefill, UTM_FIELDS } from '../shared/prefill-params.ts';

export type { Prefill };

type Values = Record<string, unknown>;

/** What the page's own URL query may carry through to the checkout (campaign links). */
const PAGE_QUERY_FIELDS: readonly string[] = [...PREFILL_FIELDS, ...UTM_FIELDS];
/** Attributes read from an element, kebab-case: `customer-email`, …, plus `theme`. */
const ATTRIBUTE_FIELDS: readonly string[] = [...PREFILL_FIELDS, 'theme'];
const CUSTOM_FIELD_ATTRIBUTE = 'data-custom-field-';

const isSet = (v: unknown) => v !== undefined && v !== null && v !== '';
/** The custom field values of a prefill being built, created on first use. */
function fieldsOf(prefill: Values): Values {
  prefill.custom_field_data ??= {};
  return prefill.custom_field_data as Values;
}

/** Keeps the set values of `source` (custom fields merged, not replaced) over `target`. */
function mergeInto(target: Values, source: Prefill | undefined) {
  for (const [key, value] of Object.entries(source ?? {})) {
    if (key === 'custom_field_data') {
      for (const [slug, v] of Object.entries(value ?? {})) {
        if (isSet(v)) fieldsOf(target)[slug] = v;
      }
    } else if (isSet(value)) target[key] = value;
  }
}

/** The prefill carried by a query string: known names and `custom_field_data.{slug}`, the first of repeated keys. */
export function prefillFromQuery(query: string, names: readonly string[] = PAGE_QUERY_FIELDS): Prefill {
  const prefill: Values = {};
  const fields: Values = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (key.startsWith(CUSTOM_FIELD_PREFIX)) fields[key.slice(CUSTOM_FIELD_PREFIX.length)] ??= value;
    else if (names.includes(key)) prefill[key] ??= value;
  }
  if (Object.keys(fields).length) prefill.custom_field_data = fields;
  return prefill;
}

/**
 * Merges prefill sources, strongest first: the element's own attributes or
 * `prefill` property, the provider's defaults, then the page's URL query
 * (so `?utm_source=…&customer_email=…` on a landing page carries through).
 * Pure; no validation on purpose: the server validates and reports what it dropped.
 */
export function buildPrefill(own?: Prefill, provider?: Prefill, pageQuery = ''): Prefill {
  const prefill: Values = {};
  mergeInto(prefill, prefillFromQuery(pageQuery));
  mergeInto(prefill, provider);
  mergeInto(prefill, own);
  return prefill;
}

/**
 * Reads prefill attributes (`customer-email`, `customer-name`, `discount-code`,
 * `amount`, `product-id`, `reference-id`, `theme`, after `prefix`) and custom
 * fields, which are always `data-custom-field-{slug}`.
 */
export function prefillFromAttributes(el: Element, prefix: '' | 'data-'): Prefill {
  const prefill: Values = {};
  for (const field of ATTRIBUTE_FIELDS) {
    const value = el.getAttribute(prefix + field.replace(/_/g, '-'));
    if (isSet(value)) prefill[field] = value;
  }
  for (const { name, value } of el.attributes) {
    if (name.startsWith(CUSTOM_FIELD_ATTRIBUTE)) fieldsOf(prefill)[name.slice(CUSTOM_FIELD_ATTRIBUTE.length)] = value;
  }
  return prefill;
}

/**
 * The link URL with the prefill as query parameters: the URL a plain link
 * points to (JavaScript off, Ctrl-click) and where every failure falls back.
 */
export function withPrefill(linkUrl: string, prefill: Prefill): string {
  const url = new URL(linkUrl, document.baseURI);
  for (const [key, value] of Object.entries(prefill)) {
    if (key === 'custom_field_data') {
      for (const [slug, v] of Object.entries(value ?? {})) url.searchParams.set(CUSTOM_FIELD_PREFIX + slug, String(v));
    } else if (isSet(value)) url.searchParams.set(key, String(value));
  }
  return url.href;
}

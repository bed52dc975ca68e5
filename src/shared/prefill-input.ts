import { CUSTOM_FIELD_PREFIX } from './prefill-params.ts';

/**
 * Raw prefill as the server and the mocks read it, before any validation:
 * custom fields grouped under `custom_field_data` by slug. Plain code, no
 * zod: the MSW mocks import it too, so they fold prefill exactly as the
 * server does.
 */
export type RawPrefill = Record<string, unknown>;

/** A link's query string: `custom_field_data.{slug}` grouped; the first of repeated keys kept. */
export function prefillFromQuery(query: URLSearchParams): RawPrefill {
  const raw: RawPrefill = {};
  const fields: Record<string, string> = {};
  for (const [key, value] of query) {
    if (key.startsWith(CUSTOM_FIELD_PREFIX)) {
      const slug = key.slice(CUSTOM_FIELD_PREFIX.length);
      if (!(slug in fields)) fields[slug] = value;
    } else if (!(key in raw)) raw[key] = value;
  }
  if (Object.keys(fields).length) raw.custom_field_data = fields;
  return raw;
}

/**
 * A JSON prefill body, where custom fields may also come flat as in a query
 * (`"custom_field_data.company": "Acme"`): the widget sends them so, which
 * keeps it small. A nested `custom_field_data` object wins over flat keys.
 */
export function prefillFromJson(body: RawPrefill): RawPrefill {
  const raw: RawPrefill = {};
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith(CUSTOM_FIELD_PREFIX)) flat[key.slice(CUSTOM_FIELD_PREFIX.length)] = value;
    else raw[key] = value;
  }
  if (Object.keys(flat).length) {
    const nested = raw.custom_field_data;
    raw.custom_field_data =
      nested && typeof nested === 'object' && !Array.isArray(nested) ? { ...flat, ...nested } : (nested ?? flat);
  }
  return raw;
}

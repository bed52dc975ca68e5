import type { CustomField, CustomFieldData, Product } from '../../src/shared/schemas/index.ts';

type Check = { ok: true; value: string | number | boolean } | { ok: false; reason: string };

const TRUE = new Set(['true', '1', 'on', 'yes']);
const FALSE = new Set(['false', '0', 'off', 'no']);

/**
 * Checks one answer against its field. Query-string prefill arrives as text,
 * so numbers and booleans are also accepted in their text forms.
 */
export function checkFieldValue(field: CustomField, raw: unknown): Check {
  switch (field.type) {
    case 'text': {
      if (typeof raw !== 'string') return { ok: false, reason: 'must be text' };
      const value = raw.trim();
      const { min_length, max_length } = field.properties;
      if (min_length !== undefined && value.length < min_length)
        return { ok: false, reason: `must be at least ${min_length} characters` };
      if (value.length > (max_length ?? 2000))
        return { ok: false, reason: `must be at most ${max_length ?? 2000} characters` };
      return { ok: true, value };
    }
    case 'number': {
      const value =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && /^-?\d+$/.test(raw.trim())
            ? Number(raw)
            : Number.NaN;
      if (!Number.isSafeInteger(value)) return { ok: false, reason: 'must be a whole number' };
      const { ge, le } = field.properties;
      if (ge !== undefined && value < ge) return { ok: false, reason: `must be at least ${ge}` };
      if (le !== undefined && value > le) return { ok: false, reason: `must be at most ${le}` };
      return { ok: true, value };
    }
    case 'date': {
      if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw)))
        return { ok: false, reason: 'must be a date as YYYY-MM-DD' };
      const { ge, le } = field.properties;
      if (ge && raw < ge) return { ok: false, reason: `must be on or after ${ge}` };
      if (le && raw > le) return { ok: false, reason: `must be on or before ${le}` };
      return { ok: true, value: raw };
    }
    case 'checkbox': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (typeof raw === 'string' && TRUE.has(raw.toLowerCase())) return { ok: true, value: true };
      if (typeof raw === 'string' && FALSE.has(raw.toLowerCase())) return { ok: true, value: false };
      return { ok: false, reason: 'must be true or false' };
    }
    case 'select': {
      const value = String(raw);
      if (!field.properties.options.some((o) => o.value === value))
        return { ok: false, reason: 'is not one of the options' };
      return { ok: true, value };
    }
  }
}

/** Fields of the given products by slug (a field attached to several appears once). */
export function fieldsBySlug(products: Product[]): Map<string, CustomField> {
  const map = new Map<string, CustomField>();
  for (const p of products) for (const a of p.attached_custom_fields) map.set(a.custom_field.slug, a.custom_field);
  return map;
}

/** Required answers missing for `product`, as error locations. A required checkbox must be ticked. */
export function missingRequiredFields(product: Product, data: CustomFieldData): { slug: string; msg: string }[] {
  const missing: { slug: string; msg: string }[] = [];
  for (const a of product.attached_custom_fields) {
    if (!a.required) continue;
    const value = data[a.custom_field.slug];
    if (a.custom_field.type === 'checkbox' ? value !== true : value === undefined || value === null || value === '')
      missing.push({
        slug: a.custom_field.slug,
        msg: a.custom_field.type === 'checkbox' ? 'must be checked' : 'is required',
      });
  }
  return missing;
}

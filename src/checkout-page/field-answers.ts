import type { AttachedCustomField } from '../shared/schemas/product.ts';

/** A custom field's answer while the customer types: text for inputs, a boolean for checkboxes. */
export type FieldAnswer = string | boolean;

/**
 * The answer as the API takes it: numbers as numbers, empty as null (which
 * clears it), the rest as typed. A non-numeric "number" goes as text so the
 * server names the problem next to the field.
 */
export function answerForApi(attached: AttachedCustomField, answer: FieldAnswer | undefined) {
  if (answer === undefined || answer === '') return null;
  if (attached.custom_field.type === 'checkbox') return answer === true;
  if (attached.custom_field.type === 'number' && typeof answer === 'string' && /^-?\d+$/.test(answer.trim()))
    return Number(answer);
  return answer;
}

/** The stored answer (from the session's `custom_field_data`) as the form holds it. */
export function answerFromSession(value: string | number | boolean | null | undefined): FieldAnswer | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'boolean' ? value : String(value);
}

import type { z } from 'zod';
import { FormErrors } from './form-errors.ts';

type ApiSchemas = typeof import('./api-schemas.ts');

let loading: Promise<ApiSchemas> | null = null;

/**
 * Starts loading the schemas (`api-schemas.ts`, with zod). A form calls it as
 * it appears, so its first submit does not wait; a failed load is retried by
 * the next call.
 */
export function preloadSchemas(): Promise<ApiSchemas> {
  loading ??= import('./api-schemas.ts').catch(() => {
    loading = null;
    throw new Error('Could not load the form checks. Check your connection and try again.');
  });
  return loading;
}

/**
 * Runs the API's own zod schema (the one `pick` chooses) in the browser before
 * sending, and reports issues with the same `loc` the server would use: the
 * form shows client and server errors the same way, and the rules are written once.
 */
export async function checkWith(pick: (schemas: ApiSchemas) => z.ZodType, value: unknown): Promise<FormErrors | null> {
  const schemas = await preloadSchemas();
  const detail = schemas.schemaDetail(pick(schemas), value);
  return detail ? new FormErrors('Some fields need your attention.', detail) : null;
}

/** `checkWith` for a submit: a failure to load the checks becomes the form's error instead of a throw. */
export async function checkForm(pick: (schemas: ApiSchemas) => z.ZodType, value: unknown): Promise<FormErrors | null> {
  try {
    return await checkWith(pick, value);
  } catch (err) {
    return FormErrors.from(err);
  }
}

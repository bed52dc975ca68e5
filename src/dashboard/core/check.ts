import type { z } from 'zod';
import { FormErrors } from './form-errors.ts';

type ApiSchemas = typeof import('./api-schemas.ts');

let loading: Promise<ApiSchemas> | null = null;
/** The built chunk's URL, as the first failure named it, and how many retries asked for it since. */
let failed: { url: string; retries: number } | null = null;

/**
 * Chromium remembers a failed `import()` for the page's life: the same URL fails again at once, network
 * back or not. A retry therefore asks for the URL the failure named with a query of its own.
 */
const importSchemas = (): Promise<ApiSchemas> =>
  failed
    ? import(/* @vite-ignore */ `${failed.url}?retry=${++failed.retries}`)
    : import('./api-schemas.ts').catch((err: unknown) => {
        const url = /\bhttps?:\/\/\S+\.js\b/.exec(String((err as Error)?.message))?.[0];
        if (url) failed = { url, retries: 0 };
        throw err;
      });

/**
 * Starts loading the schemas (`api-schemas.ts`, with zod). A form calls it as
 * it appears, so its first submit does not wait; a failed load is retried by
 * the next call.
 */
export function preloadSchemas(): Promise<ApiSchemas> {
  loading ??= importSchemas().catch(() => {
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

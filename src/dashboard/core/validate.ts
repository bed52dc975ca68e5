import type { z } from 'zod';
import type { ErrorDetail } from '../../shared/schemas/common.ts';
import { FormErrors } from './form-errors.ts';

/**
 * Runs the API's own zod schema in the browser before sending, and reports
 * issues with the same `loc` the server would use: the form shows client
 * and server errors the same way, and the rules are written once.
 */
export function checkWithSchema(schema: z.ZodType, value: unknown): FormErrors | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const detail: ErrorDetail[] = result.error.issues.map((i) => ({
    loc: ['body', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    // A record key's own issue says more than zod's "Invalid key in record".
    msg: i.code === 'invalid_key' && i.issues[0] ? i.issues[0].message : i.message,
  }));
  return new FormErrors('Some fields need your attention.', detail);
}

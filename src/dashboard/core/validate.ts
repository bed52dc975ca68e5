import type { z } from 'zod';
import type { ErrorDetail } from '../../shared/schemas/common.ts';

/** zod's default wording ("Too small: expected string to have >=1 characters") in plain words. */
function friendlyMessage(issue: z.core.$ZodIssue | z.core.$ZodRawIssue): string {
  const i = issue as {
    code?: string;
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    message?: string;
    input?: unknown;
  };
  if (i.code === 'too_small' && i.origin === 'string')
    return Number(i.minimum) <= 1 ? 'Required.' : `At least ${i.minimum} characters.`;
  if (i.code === 'too_big' && i.origin === 'string') return `At most ${i.maximum} characters.`;
  if (i.code === 'too_small' && i.origin === 'array')
    return Number(i.minimum) <= 1 ? 'Choose at least one.' : `Choose at least ${i.minimum}.`;
  if (i.code === 'too_big' && i.origin === 'array') return `At most ${i.maximum}.`;
  if (i.code === 'too_small' && i.origin === 'number') return `Must be at least ${i.minimum}.`;
  if (i.code === 'too_big' && i.origin === 'number') return `Must be at most ${i.maximum}.`;
  if (i.code === 'invalid_type' && (i.input === undefined || i.input === null)) return 'Required.';
  return i.message ?? 'Invalid value.';
}

/** The issues as the server's `detail` (plain data: `FormErrors` stays in the main chunk), or null when valid. */
export function schemaDetail(schema: z.ZodType, value: unknown): ErrorDetail[] | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  return result.error.issues.map((i) => ({
    loc: ['body', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    msg: friendlyMessage(i.code === 'invalid_key' && i.issues[0] ? i.issues[0] : i),
  }));
}

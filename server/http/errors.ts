import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import type { ErrorBody, ErrorDetail } from '../../src/shared/schemas/common.ts';
import { DomainError } from '../core/errors.ts';

/** zod issues as `detail` entries, with the part of the request in front (`body`, `query`). */
export const issuesToDetail = (issues: z.core.$ZodIssue[], part?: string): ErrorDetail[] =>
  issues.flatMap((i) => {
    const loc = [...(part ? [part] : []), ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    // Name each unknown key where it stands, not the object around it.
    if (i.code === 'unrecognized_keys')
      return i.keys.map((key) => ({ loc: [...loc, key], msg: 'is not a known field' }));
    return [{ loc, msg: i.message }];
  });

/** Parses with `schema`, or throws a 422 naming each bad field. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  part: 'body' | 'query' | 'path',
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const detail = issuesToDetail(result.error.issues, part);
    throw new DomainError(
      422,
      'validation_error',
      detail.map((d) => `${d.loc.join('.')}: ${d.msg}`).join('; '),
      detail,
    );
  }
  return result.data;
}

/** The part of a request `readJson` reads: a Hono context, or the mocks' view of an MSW request. */
export interface JsonRequest {
  req: { header: (name: string) => string | undefined; text: () => Promise<string> };
}

/** What `errorResponse` needs to answer: the request's method and path (for the bug report) and a JSON reply. */
export interface ErrorReply {
  req: { method: string; path: string };
  json: (body: Record<string, unknown>, status: 400 | 500) => Response;
}

/**
 * Reads a JSON body; malformed JSON is the client's mistake (400), not ours.
 * `textPlain` also takes JSON sent as text/plain: a CORS "simple" request,
 * which spares the widget a preflight round trip on the click path.
 */
export async function readJson(c: JsonRequest, options: { textPlain?: boolean } = {}): Promise<unknown> {
  if (!isJsonType(c.req.header('content-type') ?? '', options.textPlain))
    throw new DomainError(415, 'unsupported_media_type', 'Send the body as application/json.', [
      { loc: ['header', 'content-type'], msg: 'must be application/json' },
    ]);
  return parseJsonBody(await c.req.text());
}

/** Whether a `Content-Type` is one `readJson` reads. */
export const isJsonType = (type: string, textPlain = false) =>
  type.includes('application/json') || (textPlain && type.startsWith('text/plain'));

/** A request body's JSON (an empty body is `{}`); malformed JSON is a 400. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError(400, 'invalid_json', 'The request body is not valid JSON.', [
      { loc: ['body'], msg: 'is not valid JSON' },
    ]);
  }
}

const consoleReport = (err: Error, c: ErrorReply) =>
  console.error(`[checkout-link] ${c.req.method} ${c.req.path} failed:`, err);

/**
 * The one error handler: every failure answers `{ error, detail }`; only our
 * own bugs are 500s, reported to `reportBug` (the server's logger; the MSW
 * mocks, in a browser, keep the console).
 */
export function errorResponse(
  err: Error,
  c: ErrorReply,
  reportBug: (err: Error, c: ErrorReply) => void = consoleReport,
): Response {
  if (err instanceof DomainError) {
    const body: ErrorBody = { error: err.code, detail: err.detail ?? [{ loc: [], msg: err.message }] };
    return c.json({ ...err.extra, ...body, message: err.message }, err.status as 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : 'http_error';
    return c.json(
      { error: code, message: err.message || code, detail: [{ loc: [], msg: err.message || code }] },
      status as 400,
    );
  }
  reportBug(err, c);
  return c.json({ error: 'internal_error', message: 'Something went wrong on our side.', detail: [] }, 500);
}

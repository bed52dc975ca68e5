import { z } from 'zod';
import { notFound } from '../core/errors.ts';
import { type JsonRequest, parseWith, readJson } from './errors.ts';

/** What a token-authenticated route reads from its request, parsed or refused alike on every route. */

const uuid = z.uuid();

/** The organization of the request's token (`requireToken` sets it). */
export const org = (c: { get: (k: 'organizationId') => string }) => c.get('organizationId');

/** The JSON body through `schema`: a 422 names each bad field. */
export const body = async <S extends z.ZodType>(c: JsonRequest, schema: S) =>
  parseWith(schema, await readJson(c), 'body');

export const query = <S extends z.ZodType>(c: { req: { query: () => Record<string, string> } }, schema: S) =>
  parseWith(schema, c.req.query(), 'query');

/** The `:id` parameter. One that is not a UUID cannot exist: the same 404 as an unknown one. */
export const idParam = (c: { req: { param: (k: 'id') => string } }, what: string) => {
  const id = c.req.param('id');
  if (!uuid.safeParse(id).success) throw notFound(what);
  return id;
};

import { z } from 'zod';
import { id, timestamp } from './common.ts';
import { TOKEN_SCOPES, tokenScope } from './organization.ts';

/** An access token as listed: never the token itself, which is shown once and stored hashed. */
export const accessToken = z.object({
  id,
  label: z.string().nullable(),
  scopes: z.array(tokenScope),
  created_at: timestamp,
  /** Last time it authenticated a request, to the minute; null when never used. */
  last_used_at: timestamp.nullable(),
});
export type AccessTokenInfo = z.infer<typeof accessToken>;

export const accessTokenCreate = z.strictObject({
  label: z.string().trim().min(1).max(100),
  scopes: z
    .array(tokenScope)
    .min(1)
    .max(TOKEN_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, 'must not repeat a scope'),
});
export type AccessTokenCreate = z.infer<typeof accessTokenCreate>;

/** The answer to a create: the only time the token is shown. */
export const accessTokenCreated = accessToken.extend({ token: z.string() });
export type AccessTokenCreated = z.infer<typeof accessTokenCreated>;

import { z } from 'zod';
import { id, origin, text, timestamp } from './common.ts';

export const organization = z.object({
  id,
  name: z.string(),
  /** Sites allowed to frame this organization's checkout pages. */
  embed_origins: z.array(z.string()),
  created_at: timestamp,
  modified_at: timestamp.nullable(),
});
export type Organization = z.infer<typeof organization>;

export const organizationUpdate = z.strictObject({
  name: text({ min: 1, max: 100 }).optional(),
  embed_origins: z.array(origin).max(50).optional(),
});
export type OrganizationUpdate = z.infer<typeof organizationUpdate>;

export const TOKEN_SCOPES = ['read', 'write'] as const;
export const tokenScope = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof tokenScope>;

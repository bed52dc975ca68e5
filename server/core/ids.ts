import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/**
 * A bearer secret: a readable prefix and 192 random bits (spec asks for at
 * least 128), base64url so it is URL-safe as is.
 */
export const newSecret = (prefix: string): string => `${prefix}${randomBytes(24).toString('base64url')}`;

export const LINK_SECRET_PREFIX = 'cl_';
export const SESSION_SECRET_PREFIX = 'cs_';
export const TOKEN_PREFIX = 'clat_';

/** Tokens are stored as their SHA-256: high-entropy secrets need no slow hash. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

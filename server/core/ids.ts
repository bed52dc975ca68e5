import { createHash, randomFillSync, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/**
 * A bearer secret: a readable prefix and 192 random bits (spec asks for at
 * least 128), base64url so it is URL-safe as is.
 */
export const newSecret = (prefix: string): string => `${prefix}${randomChunk(24).toString('base64url')}`;

// Drawn from one CSPRNG fill per 170 secrets (as randomUUID does), because a
// secret is made on every link click and each randomBytes call is a syscall.
const pool = Buffer.alloc(24 * 170);
let poolOffset = pool.length;
function randomChunk(size: number): Buffer {
  if (poolOffset + size > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const chunk = Buffer.from(pool.subarray(poolOffset, poolOffset + size));
  // Never hand out the same bytes twice.
  pool.fill(0, poolOffset, poolOffset + size);
  poolOffset += size;
  return chunk;
}

export const LINK_SECRET_PREFIX = 'cl_';
export const SESSION_SECRET_PREFIX = 'cs_';
export const TOKEN_PREFIX = 'clat_';

/** Tokens are stored as their SHA-256: high-entropy secrets need no slow hash. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

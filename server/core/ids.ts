import { createHash, randomFillSync, timingSafeEqual } from 'node:crypto';

/**
 * UUIDv7 (RFC 9562): a millisecond timestamp then random bits. Ids grow with
 * time, so inserting one appends to its index instead of splitting a random
 * page: a checkout session is written on every click.
 */
export function newId(): string {
  const bytes = randomChunk(16);
  stampV7(bytes);
  return formatUuid(bytes.toString('hex'));
}

/** Writes a UUIDv7 over the first 16 (random) bytes of `bytes`. */
function stampV7(bytes: Buffer): void {
  // Monotonic within a millisecond (RFC 9562, method 1: a 12-bit counter in
  // rand_a), so records made together still sort in creation order.
  const ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    counter = bytes.readUInt16BE(6) & 0x7ff; // random start, headroom before overflow
  } else counter++;
  if (counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes.writeUInt16BE(0x7000 | counter, 6);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
}

const formatUuid = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
let lastMs = 0;
let counter = 0;

/**
 * A secret: a readable prefix and `bytes` random bytes (192 bits by default;
 * the spec asks for at least 128), base64url so it is URL-safe as is, or
 * base64 where a format says so.
 */
export const newSecret = (prefix: string, bytes = 24, encoding: 'base64url' | 'base64' = 'base64url'): string =>
  `${prefix}${randomChunk(bytes).toString(encoding)}`;

/** A Standard Webhooks signing secret: `whsec_` and the base64 of a 256-bit key. */
export const newWebhookSecret = () => newSecret(WEBHOOK_SECRET_PREFIX, 32, 'base64');

// Drawn from one CSPRNG fill per 4 KiB (as randomUUID does), because ids and
// secrets are made on every link click and each randomBytes call is a syscall.
const pool = Buffer.alloc(4096);
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

/**
 * A session's client secret carries its id: `cs_` + base64url(16 id bytes ‖
 * 16 random bytes). The server finds the row by its primary key and then
 * compares the whole secret, so no index on a random key is written on every
 * click; the 128 random bits alone make it unguessable.
 */
export function newSessionSecret(id: string): string {
  return `${SESSION_SECRET_PREFIX}${Buffer.concat([Buffer.from(id.replaceAll('-', ''), 'hex'), randomChunk(16)]).toString('base64url')}`;
}

/**
 * A new session's id with its client secret (as `newSessionSecret(id)`
 * makes), drawn from one 32-byte chunk: a link click makes one of each.
 */
export function newSessionIds(): { id: string; clientSecret: string } {
  const bytes = randomChunk(32);
  stampV7(bytes);
  return {
    id: formatUuid(bytes.toString('hex', 0, 16)),
    clientSecret: `${SESSION_SECRET_PREFIX}${bytes.toString('base64url')}`,
  };
}

/** The session id inside a client secret, or null when it is not one of ours. */
export function sessionIdFromSecret(secret: string): string | null {
  if (!secret.startsWith(SESSION_SECRET_PREFIX) || secret.length !== SESSION_SECRET_PREFIX.length + 43) return null;
  const bytes = Buffer.from(secret.slice(SESSION_SECRET_PREFIX.length), 'base64url');
  if (bytes.length !== 32) return null;
  return formatUuid(bytes.toString('hex', 0, 16));
}

/** Constant-time comparison of two secrets. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const LINK_SECRET_PREFIX = 'cl_';
export const SESSION_SECRET_PREFIX = 'cs_';
export const TOKEN_PREFIX = 'clat_';
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** Tokens are stored as their SHA-256: high-entropy secrets need no slow hash. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

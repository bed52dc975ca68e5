import type {
  AccessTokenCreate,
  AccessTokenCreated,
  AccessTokenInfo,
  TokenScope,
} from '../../src/shared/schemas/index.ts';
import type { Queryable } from '../db/database.ts';
import type { CoreContext } from './context.ts';
import { notFound } from './errors.ts';
import { hashToken, newId, newSecret, TOKEN_PREFIX } from './ids.ts';
import { iso, json, parseJson } from './rows.ts';

interface AccessTokenRow {
  id: string;
  label: string | null;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
}

const toAccessToken = (r: AccessTokenRow): AccessTokenInfo => ({
  id: r.id,
  label: r.label,
  scopes: parseJson(r.scopes, []),
  created_at: r.created_at,
  last_used_at: r.last_used_at,
});

const COLUMNS = 'id, label, scopes, created_at, last_used_at';

export interface AccessToken {
  id: string;
  organizationId: string;
  scopes: TokenScope[];
  lastUsedAt: string | null;
}

/**
 * Issues a token and answers it once: only its hash is stored. A given
 * `token` (the demo's DEMO_API_TOKEN) is stored the same way.
 */
export async function createAccessToken(
  ctx: CoreContext,
  organizationId: string,
  options: { scopes?: TokenScope[]; label?: string; token?: string } = {},
): Promise<{ token: string; id: string }> {
  const token = options.token ?? newSecret(TOKEN_PREFIX);
  const id = newId();
  await ctx.db.run(
    'INSERT INTO access_tokens (id, organization_id, token_hash, scopes, label, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [
      id,
      organizationId,
      hashToken(token),
      json(options.scopes ?? ['read', 'write']),
      options.label ?? null,
      iso(ctx.now()),
    ],
  );
  return { token, id };
}

export async function findAccessToken(q: Queryable, token: string): Promise<AccessToken | null> {
  const row = await q.get<{ id: string; organization_id: string; scopes: string; last_used_at: string | null }>(
    'SELECT id, organization_id, scopes, last_used_at FROM access_tokens WHERE token_hash = ?',
    [hashToken(token)],
  );
  return row
    ? {
        id: row.id,
        organizationId: row.organization_id,
        scopes: parseJson(row.scopes, []),
        lastUsedAt: row.last_used_at,
      }
    : null;
}

/** The organization's tokens, newest first; the tokens themselves exist only as hashes. */
export async function listAccessTokens(ctx: CoreContext, organizationId: string): Promise<AccessTokenInfo[]> {
  const rows = await ctx.db.all<AccessTokenRow>(
    `SELECT ${COLUMNS} FROM access_tokens WHERE organization_id = ? ORDER BY created_at DESC, id DESC`,
    [organizationId],
  );
  return rows.map(toAccessToken);
}

/** Issues a token; the answer is the only place it ever appears. */
export async function issueAccessToken(
  ctx: CoreContext,
  organizationId: string,
  input: AccessTokenCreate,
): Promise<AccessTokenCreated> {
  const { token, id } = await createAccessToken(ctx, organizationId, input);
  const row = await ctx.db.get<AccessTokenRow>(`SELECT ${COLUMNS} FROM access_tokens WHERE id = ?`, [id]);
  return { ...toAccessToken(row!), token };
}

/**
 * Deletes the token's hash: every process looks the hash up per request, so
 * the token stops working everywhere with the next request.
 */
export async function revokeAccessToken(ctx: CoreContext, organizationId: string, id: string): Promise<void> {
  const { changes } = await ctx.db.run('DELETE FROM access_tokens WHERE id = ? AND organization_id = ?', [
    id,
    organizationId,
  ]);
  if (!changes) throw notFound('Access token');
}

/** How stale `last_used_at` may get: a write per management request would be a write too many. */
const TOUCH_INTERVAL_MS = 60_000;

/** Records that `token` authenticated a request, at most once a minute. */
export async function touchAccessToken(ctx: CoreContext, token: AccessToken): Promise<void> {
  const now = ctx.now();
  if (token.lastUsedAt && now.getTime() - Date.parse(token.lastUsedAt) < TOUCH_INTERVAL_MS) return;
  await ctx.db.run('UPDATE access_tokens SET last_used_at = ? WHERE id = ?', [iso(now), token.id]);
}

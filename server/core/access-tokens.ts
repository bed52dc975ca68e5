import type { AccessTokenCreate, AccessTokenCreated, AccessTokenInfo } from '../../src/shared/schemas/index.ts';
import type { CoreContext } from './context.ts';
import { notFound } from './errors.ts';
import { type AccessToken, createAccessToken } from './organizations.ts';
import { iso, parseJson } from './rows.ts';

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

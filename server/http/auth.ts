import { createMiddleware } from 'hono/factory';
import { findAccessToken, touchAccessToken } from '../core/access-tokens.ts';
import type { CoreContext } from '../core/context.ts';
import { DomainError, missingToken } from '../core/errors.ts';

export type AuthVariables = { organizationId: string };

/**
 * Bearer-token auth for the management API. Reads need the `read` scope,
 * everything else `write`.
 */
export const requireToken = (ctx: CoreContext) =>
  createMiddleware<{ Variables: AuthVariables }>(async function requireToken(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw missingToken();
    const token = await findAccessToken(ctx.db, match[1]!);
    if (!token)
      throw new DomainError(401, 'unauthorized', 'This access token is not valid.', [
        { loc: ['header', 'authorization'], msg: 'is not a valid access token' },
      ]);
    const needed = c.req.method === 'GET' || c.req.method === 'HEAD' ? 'read' : 'write';
    if (!token.scopes.includes(needed))
      throw new DomainError(403, 'insufficient_scope', `This token lacks the "${needed}" scope.`, [
        { loc: ['header', 'authorization'], msg: `lacks the ${needed} scope` },
      ]);
    await touchAccessToken(ctx, token);
    c.set('organizationId', token.organizationId);
    await next();
  });

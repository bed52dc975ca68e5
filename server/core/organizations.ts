import type { Organization, OrganizationUpdate } from '../../src/shared/schemas/index.ts';
import type { Queryable } from '../db/database.ts';
import type { CoreContext } from './context.ts';
import { notFound } from './errors.ts';
import { newId } from './ids.ts';
import { matchLocale } from './locale-negotiation.ts';
import { iso, json, parseJson } from './rows.ts';

interface OrganizationRow {
  id: string;
  name: string;
  embed_origins: string;
  support_email: string | null;
  notify_email: string | null;
  default_locale: string | null;
  created_at: string;
  modified_at: string | null;
}

const toOrganization = (r: OrganizationRow): Organization => ({
  id: r.id,
  name: r.name,
  embed_origins: parseJson(r.embed_origins, []),
  support_email: r.support_email,
  notify_email: r.notify_email,
  default_locale: matchLocale(r.default_locale),
  created_at: r.created_at,
  modified_at: r.modified_at,
});

export async function createOrganization(
  ctx: CoreContext,
  input: { name: string; embed_origins?: string[] },
): Promise<Organization> {
  const id = newId();
  await ctx.db.run('INSERT INTO organizations (id, name, embed_origins, created_at) VALUES (?, ?, ?, ?)', [
    id,
    input.name,
    json(input.embed_origins ?? []),
    iso(ctx.now()),
  ]);
  return getOrganization(ctx.db, id);
}

export async function getOrganization(q: Queryable, id: string): Promise<Organization> {
  const row = await q.get<OrganizationRow>('SELECT * FROM organizations WHERE id = ?', [id]);
  if (!row) throw notFound('Organization');
  return toOrganization(row);
}

export async function updateOrganization(
  ctx: CoreContext,
  id: string,
  input: OrganizationUpdate,
): Promise<Organization> {
  const current = await getOrganization(ctx.db, id);
  await ctx.db.run(
    'UPDATE organizations SET name = ?, embed_origins = ?, support_email = ?, notify_email = ?, default_locale = ?, modified_at = ? WHERE id = ?',
    [
      input.name ?? current.name,
      json(input.embed_origins ?? current.embed_origins),
      input.support_email === undefined ? current.support_email : input.support_email,
      input.notify_email === undefined ? current.notify_email : input.notify_email,
      input.default_locale === undefined ? current.default_locale : input.default_locale,
      iso(ctx.now()),
      id,
    ],
  );
  return getOrganization(ctx.db, id);
}

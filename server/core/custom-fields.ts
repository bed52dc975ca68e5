import {
  type CustomField,
  type CustomFieldCreate,
  type CustomFieldUpdate,
  customFieldProperties,
  type ListQuery,
} from '../../src/shared/schemas/index.ts';
import { isUniqueViolation, type Queryable } from '../db/database.ts';
import type { CoreContext } from './context.ts';
import { DomainError, invalid, notFound } from './errors.ts';
import { newId } from './ids.ts';
import { iso, json, paginate, parseJson } from './rows.ts';

export interface CustomFieldRow {
  id: string;
  organization_id: string;
  slug: string;
  name: string;
  type: string;
  properties: string;
  created_at: string;
  modified_at: string | null;
}

export const toCustomField = (r: CustomFieldRow): CustomField =>
  ({
    id: r.id,
    organization_id: r.organization_id,
    slug: r.slug,
    name: r.name,
    type: r.type,
    properties: parseJson(r.properties, {}),
    created_at: r.created_at,
    modified_at: r.modified_at,
  }) as CustomField;

const slugTaken = (slug: string) =>
  new DomainError(409, 'conflict', `A custom field with slug "${slug}" exists`, [
    { loc: ['slug'], msg: 'is already used by another custom field' },
  ]);

export async function createCustomField(
  ctx: CoreContext,
  orgId: string,
  input: CustomFieldCreate,
): Promise<CustomField> {
  const id = newId();
  try {
    await ctx.db.run(
      'INSERT INTO custom_fields (id, organization_id, slug, name, type, properties, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [id, orgId, input.slug, input.name, input.type, json(input.properties), iso(ctx.now())],
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw slugTaken(input.slug);
    throw e;
  }
  return getCustomField(ctx.db, orgId, id);
}

export async function getCustomField(q: Queryable, orgId: string, id: string): Promise<CustomField> {
  const row = await q.get<CustomFieldRow>('SELECT * FROM custom_fields WHERE id = ? AND organization_id = ?', [
    id,
    orgId,
  ]);
  if (!row) throw notFound('Custom field');
  return toCustomField(row);
}

export async function listCustomFields(ctx: CoreContext, orgId: string, query: ListQuery) {
  const total = await ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM custom_fields WHERE organization_id = ?', [
    orgId,
  ]);
  const rows = await ctx.db.all<CustomFieldRow>(
    'SELECT * FROM custom_fields WHERE organization_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?',
    [orgId, query.limit, (query.page - 1) * query.limit],
  );
  return paginate(rows.map(toCustomField), Number(total?.n ?? 0), query.limit);
}

export async function updateCustomField(
  ctx: CoreContext,
  orgId: string,
  id: string,
  input: CustomFieldUpdate,
): Promise<CustomField> {
  const current = await getCustomField(ctx.db, orgId, id);
  let properties = current.properties;
  if (input.properties) {
    // The type is fixed, so its properties schema is known only now.
    const parsed = customFieldProperties[current.type].safeParse(input.properties);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(['properties', ...((issue?.path ?? []) as (string | number)[])], issue?.message ?? 'is invalid');
    }
    properties = parsed.data as typeof properties;
  }
  try {
    await ctx.db.run('UPDATE custom_fields SET slug = ?, name = ?, properties = ?, modified_at = ? WHERE id = ?', [
      input.slug ?? current.slug,
      input.name ?? current.name,
      json(properties),
      iso(ctx.now()),
      id,
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) throw slugTaken(input.slug ?? current.slug);
    throw e;
  }
  return getCustomField(ctx.db, orgId, id);
}

/** Deleting a field detaches it from every product; answers already given stay on orders. */
export async function deleteCustomField(ctx: CoreContext, orgId: string, id: string): Promise<void> {
  await getCustomField(ctx.db, orgId, id);
  await ctx.db.transaction(async (tx) => {
    await tx.run('DELETE FROM product_custom_fields WHERE custom_field_id = ?', [id]);
    await tx.run('DELETE FROM custom_fields WHERE id = ?', [id]);
  });
}

import type { Discount, DiscountCreate, DiscountUpdate, ListQuery } from '../../src/shared/schemas/index.ts';
import { isUniqueViolation, type Queryable } from '../db/database.ts';
import type { CoreContext } from './context.ts';
import { DomainError, invalid, notFound } from './errors.ts';
import { newId } from './ids.ts';
import { iso, json, paginate, parseJson } from './rows.ts';

interface DiscountRow {
  id: string;
  organization_id: string;
  name: string;
  code: string | null;
  type: 'percentage' | 'fixed';
  basis_points: number | null;
  amount: number | null;
  currency: string | null;
  duration: 'once' | 'forever' | 'repeating';
  duration_in_months: number | null;
  max_redemptions: number | null;
  redemptions_count: number;
  starts_at: string | null;
  ends_at: string | null;
  metadata: string;
  created_at: string;
  modified_at: string | null;
}

async function toDiscount(q: Queryable, r: DiscountRow): Promise<Discount> {
  const products = await q.all<{ product_id: string }>(
    'SELECT product_id FROM discount_products WHERE discount_id = ?',
    [r.id],
  );
  const base = {
    id: r.id,
    organization_id: r.organization_id,
    name: r.name,
    code: r.code,
    duration: r.duration,
    duration_in_months: r.duration_in_months === null ? null : Number(r.duration_in_months),
    max_redemptions: r.max_redemptions === null ? null : Number(r.max_redemptions),
    redemptions_count: Number(r.redemptions_count),
    starts_at: r.starts_at,
    ends_at: r.ends_at,
    products: products.map((p) => p.product_id),
    metadata: parseJson(r.metadata, {}),
    created_at: r.created_at,
    modified_at: r.modified_at,
  };
  return r.type === 'percentage'
    ? { ...base, type: 'percentage', basis_points: Number(r.basis_points) }
    : { ...base, type: 'fixed', amount: Number(r.amount), currency: r.currency ?? 'usd' };
}

const codeTaken = (code: string) =>
  new DomainError(409, 'conflict', `A discount with code "${code}" exists`, [
    { loc: ['code'], msg: 'is already used by another discount' },
  ]);

async function setProducts(tx: Queryable, orgId: string, discountId: string, productIds: string[]) {
  await tx.run('DELETE FROM discount_products WHERE discount_id = ?', [discountId]);
  for (const [i, productId] of productIds.entries()) {
    const owned = await tx.get('SELECT id FROM products WHERE id = ? AND organization_id = ?', [productId, orgId]);
    if (!owned) throw invalid(['products', i], 'product not found');
    await tx.run('INSERT INTO discount_products (discount_id, product_id) VALUES (?, ?)', [discountId, productId]);
  }
}

export async function createDiscount(ctx: CoreContext, orgId: string, input: DiscountCreate): Promise<Discount> {
  const id = newId();
  try {
    return await ctx.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO discounts (id, organization_id, name, code, code_lower, type, basis_points, amount, currency, duration,
           duration_in_months, max_redemptions, starts_at, ends_at, metadata, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          orgId,
          input.name,
          input.code,
          input.code?.toLowerCase() ?? null,
          input.type,
          input.type === 'percentage' ? input.basis_points : null,
          input.type === 'fixed' ? input.amount : null,
          input.type === 'fixed' ? input.currency : null,
          input.duration,
          input.duration === 'repeating' ? input.duration_in_months : null,
          input.max_redemptions,
          input.starts_at,
          input.ends_at,
          json(input.metadata),
          iso(ctx.now()),
        ],
      );
      await setProducts(tx, orgId, id, input.products);
      return getDiscount(tx, orgId, id);
    });
  } catch (e) {
    if (isUniqueViolation(e) && input.code) throw codeTaken(input.code);
    throw e;
  }
}

export async function getDiscount(q: Queryable, orgId: string, id: string): Promise<Discount> {
  const row = await q.get<DiscountRow>(
    'SELECT * FROM discounts WHERE id = ? AND organization_id = ? AND deleted_at IS NULL',
    [id, orgId],
  );
  if (!row) throw notFound('Discount');
  return toDiscount(q, row);
}

/** Any discount by id, deleted or not: a session keeps the one it was given. */
export async function getDiscountById(q: Queryable, id: string): Promise<Discount | null> {
  const row = await q.get<DiscountRow>('SELECT * FROM discounts WHERE id = ?', [id]);
  return row ? toDiscount(q, row) : null;
}

export async function findDiscountByCode(q: Queryable, orgId: string, code: string): Promise<Discount | null> {
  const row = await q.get<DiscountRow>(
    'SELECT * FROM discounts WHERE organization_id = ? AND code_lower = ? AND deleted_at IS NULL',
    [orgId, code.trim().toLowerCase()],
  );
  return row ? toDiscount(q, row) : null;
}

export async function listDiscounts(ctx: CoreContext, orgId: string, query: ListQuery) {
  const total = await ctx.db.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM discounts WHERE organization_id = ? AND deleted_at IS NULL',
    [orgId],
  );
  const rows = await ctx.db.all<DiscountRow>(
    'SELECT * FROM discounts WHERE organization_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id LIMIT ? OFFSET ?',
    [orgId, query.limit, (query.page - 1) * query.limit],
  );
  const items = await Promise.all(rows.map((r) => toDiscount(ctx.db, r)));
  return paginate(items, Number(total?.n ?? 0), query.limit);
}

export async function updateDiscount(
  ctx: CoreContext,
  orgId: string,
  id: string,
  input: DiscountUpdate,
): Promise<Discount> {
  const current = await getDiscount(ctx.db, orgId, id);
  const startsAt = input.starts_at === undefined ? current.starts_at : input.starts_at;
  const endsAt = input.ends_at === undefined ? current.ends_at : input.ends_at;
  if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt))
    throw invalid(['ends_at'], 'must be after starts_at');
  const code = input.code === undefined ? current.code : input.code;
  try {
    return await ctx.db.transaction(async (tx) => {
      await tx.run(
        `UPDATE discounts SET name = ?, code = ?, code_lower = ?, max_redemptions = ?, starts_at = ?, ends_at = ?, metadata = ?, modified_at = ?
         WHERE id = ?`,
        [
          input.name ?? current.name,
          code,
          code?.toLowerCase() ?? null,
          input.max_redemptions === undefined ? current.max_redemptions : input.max_redemptions,
          startsAt,
          endsAt,
          json(input.metadata ?? current.metadata),
          iso(ctx.now()),
          id,
        ],
      );
      if (input.products) await setProducts(tx, orgId, id, input.products);
      return getDiscount(tx, orgId, id);
    });
  } catch (e) {
    if (isUniqueViolation(e) && code) throw codeTaken(code);
    throw e;
  }
}

/** Soft delete: orders keep pointing at it; links that preset it lose the preset. */
export async function deleteDiscount(ctx: CoreContext, orgId: string, id: string): Promise<void> {
  await getDiscount(ctx.db, orgId, id);
  await ctx.db.transaction(async (tx) => {
    await tx.run('UPDATE discounts SET deleted_at = ? WHERE id = ?', [iso(ctx.now()), id]);
    await tx.run('UPDATE checkout_links SET discount_id = NULL WHERE discount_id = ?', [id]);
  });
}

/** Frees the redemption a session held, should it hold one. */
export async function releaseRedemption(tx: Queryable, checkoutId: string) {
  const held = await tx.get<{ discount_id: string }>(
    'SELECT discount_id FROM discount_redemptions WHERE checkout_id = ?',
    [checkoutId],
  );
  if (!held) return;
  await tx.run('DELETE FROM discount_redemptions WHERE checkout_id = ?', [checkoutId]);
  await tx.run('UPDATE discounts SET redemptions_count = redemptions_count - 1 WHERE id = ?', [held.discount_id]);
}

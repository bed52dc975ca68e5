import type {
  AttachedCustomField,
  ListQuery,
  PriceCreate,
  Product,
  ProductCreate,
  ProductPrice,
  ProductUpdate,
} from '../../src/shared/schemas/index.ts';
import type { Queryable, SqlValue } from '../db/database.ts';
import type { CoreContext } from './context.ts';
import { type CustomFieldRow, toCustomField } from './custom-fields.ts';
import { invalid, notFound } from './errors.ts';
import { newId } from './ids.ts';
import { bool, iso, paginate } from './rows.ts';

interface ProductRow {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  recurring_interval: 'month' | 'year' | null;
  is_archived: number;
  created_at: string;
  modified_at: string | null;
}

interface PriceRow {
  id: string;
  product_id: string;
  amount_type: 'fixed' | 'custom' | 'free';
  price_amount: number | null;
  minimum_amount: number | null;
  maximum_amount: number | null;
  preset_amount: number | null;
  price_currency: string;
  is_archived: number;
  created_at: string;
}

const toPrice = (r: PriceRow): ProductPrice => {
  const base = { id: r.id, product_id: r.product_id, is_archived: bool(r.is_archived), created_at: r.created_at };
  switch (r.amount_type) {
    case 'fixed':
      return { ...base, amount_type: 'fixed', price_amount: Number(r.price_amount), price_currency: r.price_currency };
    case 'custom':
      return {
        ...base,
        amount_type: 'custom',
        minimum_amount: Number(r.minimum_amount),
        maximum_amount: r.maximum_amount === null ? null : Number(r.maximum_amount),
        preset_amount: r.preset_amount === null ? null : Number(r.preset_amount),
        price_currency: r.price_currency,
      };
    default:
      return { ...base, amount_type: 'free', price_currency: r.price_currency };
  }
};

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Products by id with their current price and attached fields, in the order of `ids`. */
export async function loadProducts(q: Queryable, ids: string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  const ph = placeholders(ids.length);
  const [rows, prices, fields] = await Promise.all([
    q.all<ProductRow>(`SELECT * FROM products WHERE id IN (${ph})`, ids),
    q.all<PriceRow>(
      `SELECT * FROM product_prices WHERE product_id IN (${ph}) AND is_archived = 0 ORDER BY created_at`,
      ids,
    ),
    q.all<CustomFieldRow & { product_id: string; position: number; required: number }>(
      `SELECT cf.*, pcf.product_id, pcf.position, pcf.required FROM product_custom_fields pcf
       JOIN custom_fields cf ON cf.id = pcf.custom_field_id
       WHERE pcf.product_id IN (${ph}) ORDER BY pcf.position`,
      ids,
    ),
  ]);
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        organization_id: r.organization_id,
        name: r.name,
        description: r.description,
        recurring_interval: r.recurring_interval,
        is_recurring: r.recurring_interval !== null,
        is_archived: bool(r.is_archived),
        prices: [] as ProductPrice[],
        attached_custom_fields: [] as AttachedCustomField[],
        created_at: r.created_at,
        modified_at: r.modified_at,
      } satisfies Product,
    ]),
  );
  for (const p of prices) byId.get(p.product_id)?.prices.push(toPrice(p));
  for (const f of fields)
    byId.get(f.product_id)?.attached_custom_fields.push({
      custom_field_id: f.id,
      custom_field: toCustomField(f),
      order: Number(f.position),
      required: bool(f.required),
    });
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function getProduct(q: Queryable, orgId: string, id: string): Promise<Product> {
  const [product] = await loadProducts(q, [id]);
  if (!product || product.organization_id !== orgId) throw notFound('Product');
  return product;
}

async function insertPrice(tx: Queryable, productId: string, price: PriceCreate, now: string) {
  const values: SqlValue[] =
    price.amount_type === 'fixed'
      ? [price.price_amount, null, null, null]
      : price.amount_type === 'custom'
        ? [null, price.minimum_amount, price.maximum_amount, price.preset_amount]
        : [null, null, null, null];
  await tx.run(
    `INSERT INTO product_prices (id, product_id, amount_type, price_amount, minimum_amount, maximum_amount, preset_amount, price_currency, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [newId(), productId, price.amount_type, ...values, price.price_currency, now],
  );
}

async function attachFields(
  tx: Queryable,
  orgId: string,
  productId: string,
  fields: ProductCreate['attached_custom_fields'],
) {
  await tx.run('DELETE FROM product_custom_fields WHERE product_id = ?', [productId]);
  for (const [position, field] of fields.entries()) {
    const owned = await tx.get('SELECT id FROM custom_fields WHERE id = ? AND organization_id = ?', [
      field.custom_field_id,
      orgId,
    ]);
    if (!owned) throw invalid(['attached_custom_fields', position, 'custom_field_id'], 'custom field not found');
    await tx.run(
      'INSERT INTO product_custom_fields (product_id, custom_field_id, position, required) VALUES (?, ?, ?, ?)',
      [productId, field.custom_field_id, position, field.required ? 1 : 0],
    );
  }
}

export async function createProduct(ctx: CoreContext, orgId: string, input: ProductCreate): Promise<Product> {
  const id = newId();
  const now = iso(ctx.now());
  return ctx.db.transaction(async (tx) => {
    await tx.run(
      'INSERT INTO products (id, organization_id, name, description, recurring_interval, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [id, orgId, input.name, input.description, input.recurring_interval, now],
    );
    for (const price of input.prices) await insertPrice(tx, id, price, now);
    await attachFields(tx, orgId, id, input.attached_custom_fields);
    return getProduct(tx, orgId, id);
  });
}

export async function listProducts(ctx: CoreContext, orgId: string, query: ListQuery & { is_archived?: boolean }) {
  const where = query.is_archived === undefined ? '' : ' AND is_archived = ?';
  const params: SqlValue[] = query.is_archived === undefined ? [orgId] : [orgId, query.is_archived ? 1 : 0];
  const total = await ctx.db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM products WHERE organization_id = ?${where}`,
    params,
  );
  const ids = await ctx.db.all<{ id: string }>(
    `SELECT id FROM products WHERE organization_id = ?${where} ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
    [...params, query.limit, (query.page - 1) * query.limit],
  );
  return paginate(
    await loadProducts(
      ctx.db,
      ids.map((r) => r.id),
    ),
    Number(total?.n ?? 0),
    query.limit,
  );
}

/**
 * Archiving removes the product from every checkout link (a link left with
 * none stops serving); a new price replaces the old one, which stays for
 * the orders that refer to it.
 */
export async function updateProduct(
  ctx: CoreContext,
  orgId: string,
  id: string,
  input: ProductUpdate,
): Promise<Product> {
  const current = await getProduct(ctx.db, orgId, id);
  const now = iso(ctx.now());
  return ctx.db.transaction(async (tx) => {
    await tx.run(
      'UPDATE products SET name = ?, description = ?, recurring_interval = ?, is_archived = ?, modified_at = ? WHERE id = ?',
      [
        input.name ?? current.name,
        input.description === undefined ? current.description : input.description,
        input.recurring_interval === undefined ? current.recurring_interval : input.recurring_interval,
        (input.is_archived ?? current.is_archived) ? 1 : 0,
        now,
        id,
      ],
    );
    if (input.prices) {
      await tx.run('UPDATE product_prices SET is_archived = 1 WHERE product_id = ?', [id]);
      for (const price of input.prices) await insertPrice(tx, id, price, now);
    }
    if (input.attached_custom_fields) await attachFields(tx, orgId, id, input.attached_custom_fields);
    if (input.is_archived) await tx.run('DELETE FROM checkout_link_products WHERE product_id = ?', [id]);
    return getProduct(tx, orgId, id);
  });
}

/** Products are archived, never deleted: orders point at them. */
export async function archiveProduct(ctx: CoreContext, orgId: string, id: string): Promise<Product> {
  return updateProduct(ctx, orgId, id, { is_archived: true });
}

/** Pure, in pricing.ts (the MSW mocks import it there); re-exported for the server's importers. */
export { currentPrice } from './pricing.ts';

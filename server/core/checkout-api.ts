import type { Checkout, CheckoutCreate, CheckoutStatus, ListQuery } from '../../src/shared/schemas/index.ts';
import { mergeCustomFieldData } from './checkout-state.ts';
import type { CoreContext } from './context.ts';
import { getDiscount } from './discounts.ts';
import { invalid, notFound } from './errors.ts';
import { getOrganization } from './organizations.ts';
import { amountError } from './pricing.ts';
import { currentPrice, loadProducts } from './products.ts';
import { paginate } from './rows.ts';
import { insertSession, type SessionRow, settleExpiry, toCheckout } from './session-rows.ts';

/** The Checkout API: a session without a link. Here every bad value is a 422. */
export async function createCheckout(ctx: CoreContext, orgId: string, input: CheckoutCreate): Promise<Checkout> {
  const products = await loadProducts(ctx.db, input.products);
  input.products.forEach((id, i) => {
    const p = products.find((x) => x.id === id);
    if (!p || p.organization_id !== orgId) throw invalid(['products', i], 'product not found');
    if (p.is_archived) throw invalid(['products', i], 'product is archived');
  });
  const product = input.product_id ? products.find((p) => p.id === input.product_id) : products[0];
  if (!product) throw invalid(['product_id'], 'must be one of products');
  if (input.amount !== null) {
    const why = amountError(currentPrice(product), input.amount);
    if (why) throw invalid(['amount'], why);
  }
  if (input.discount_id)
    await getDiscount(ctx.db, orgId, input.discount_id).catch(() =>
      Promise.reject(invalid(['discount_id'], 'discount not found')),
    );
  const data = mergeCustomFieldData(products, {}, input.custom_field_data);
  const organization = await getOrganization(ctx.db, orgId);
  if (input.embed_origin && !organization.embed_origins.includes(input.embed_origin))
    throw invalid(['embed_origin'], "is not in the organization's embed_origins");
  const session = await insertSession(ctx, {
    organizationId: orgId,
    checkoutLinkId: null,
    ttlSeconds: input.expires_in ?? ctx.checkoutTtlSeconds,
    product,
    products,
    customAmount: input.amount,
    customerEmail: input.customer_email,
    customerName: input.customer_name,
    customFieldData: data,
    metadata: input.metadata,
    allowDiscountCodes: input.allow_discount_codes,
    discountId: input.discount_id,
    successUrl: input.success_url,
    returnUrl: input.return_url,
    embedOrigin: input.embed_origin,
    dropped: [],
  });
  return getCheckout(ctx, orgId, session.id);
}

export async function getCheckout(ctx: CoreContext, orgId: string, id: string): Promise<Checkout> {
  const row = await ctx.db.get<SessionRow>('SELECT * FROM checkout_sessions WHERE id = ? AND organization_id = ?', [
    id,
    orgId,
  ]);
  if (!row) throw notFound('Checkout');
  return toCheckout(ctx, ctx.db, await settleExpiry(ctx, row));
}

export async function listCheckouts(
  ctx: CoreContext,
  orgId: string,
  query: ListQuery & { checkout_link_id?: string; status?: CheckoutStatus },
) {
  let where = 'organization_id = ?';
  const params: (string | number)[] = [orgId];
  if (query.checkout_link_id) {
    where += ' AND checkout_link_id = ?';
    params.push(query.checkout_link_id);
  }
  if (query.status) {
    where += ' AND status = ?';
    params.push(query.status);
  }
  const total = await ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM checkout_sessions WHERE ${where}`, params);
  const rows = await ctx.db.all<SessionRow>(
    // Newest first by id (UUIDv7, in creation order): the primary key serves it, no index per organization.
    `SELECT * FROM checkout_sessions WHERE ${where} ORDER BY id DESC LIMIT ? OFFSET ?`,
    [...params, query.limit, (query.page - 1) * query.limit],
  );
  const items = await Promise.all(rows.map(async (r) => toCheckout(ctx, ctx.db, await settleExpiry(ctx, r))));
  return paginate(items, Number(total?.n ?? 0), query.limit);
}

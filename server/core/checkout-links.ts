import type {
  CheckoutLink,
  CheckoutLinkCreate,
  CheckoutLinkUpdate,
  ListQuery,
} from '../../src/shared/schemas/index.ts';
import { trialProblem, windowProblem } from '../../src/shared/schemas/index.ts';
import type { Queryable } from '../db/database.ts';
import type { CoreContext } from './context.ts';
import { getDiscount, getDiscountById } from './discounts.ts';
import { invalid, notFound } from './errors.ts';
import { LINK_SECRET_PREFIX, newId, newSecret } from './ids.ts';
import { linkState } from './link-availability.ts';
import { checkOptionsFitProducts, sessionOptionsOf } from './link-options.ts';
import type { CheckoutLinkRow } from './link-rows.ts';
import { loadProducts } from './products.ts';
import { bool, iso, json, paginate, parseJson } from './rows.ts';

export const linkUrl = (ctx: Pick<CoreContext, 'publicUrl'>, clientSecret: string) =>
  `${ctx.publicUrl}/v1/checkout-links/${clientSecret}/redirect`;

/** Product ids of a link, in order, archived ones already removed. */
export async function linkProductIds(q: Queryable, linkId: string): Promise<string[]> {
  const rows = await q.all<{ product_id: string }>(
    'SELECT product_id FROM checkout_link_products WHERE checkout_link_id = ? ORDER BY position',
    [linkId],
  );
  return rows.map((r) => r.product_id);
}

async function toCheckoutLink(ctx: CoreContext, q: Queryable, r: CheckoutLinkRow): Promise<CheckoutLink> {
  const products = await loadProducts(q, await linkProductIds(q, r.id));
  return {
    id: r.id,
    organization_id: r.organization_id,
    label: r.label,
    client_secret: r.client_secret,
    url: linkUrl(ctx, r.client_secret),
    products,
    allow_discount_codes: bool(r.allow_discount_codes),
    discount_id: r.discount_id,
    discount: r.discount_id ? await getDiscountById(q, r.discount_id) : null,
    metadata: parseJson(r.metadata, {}),
    success_url: r.success_url,
    return_url: r.return_url,
    active: bool(r.active),
    starts_at: r.starts_at,
    ends_at: r.ends_at,
    max_completed_checkouts: r.max_completed_checkouts === null ? null : Number(r.max_completed_checkouts),
    completed_checkouts: Number(r.checkouts_completed),
    inactive_message: r.inactive_message,
    state: linkState(r, ctx.now()),
    ...sessionOptionsOf(r),
    created_at: r.created_at,
    modified_at: r.modified_at,
  };
}

async function checkReferences(
  q: Queryable,
  orgId: string,
  input: { products?: string[]; discount_id?: string | null },
) {
  for (const [i, productId] of (input.products ?? []).entries()) {
    const row = await q.get<{ is_archived: number }>(
      'SELECT is_archived FROM products WHERE id = ? AND organization_id = ?',
      [productId, orgId],
    );
    if (!row) throw invalid(['products', i], 'product not found');
    if (bool(row.is_archived)) throw invalid(['products', i], 'product is archived');
  }
  if (input.discount_id) {
    await getDiscount(q, orgId, input.discount_id).catch(() => {
      throw invalid(['discount_id'], 'discount not found');
    });
  }
}

async function setLinkProducts(tx: Queryable, linkId: string, productIds: string[]) {
  await tx.run('DELETE FROM checkout_link_products WHERE checkout_link_id = ?', [linkId]);
  for (const [position, productId] of productIds.entries())
    await tx.run('INSERT INTO checkout_link_products (checkout_link_id, product_id, position) VALUES (?, ?, ?)', [
      linkId,
      productId,
      position,
    ]);
}

export async function createCheckoutLink(
  ctx: CoreContext,
  orgId: string,
  input: CheckoutLinkCreate,
): Promise<CheckoutLink> {
  const id = newId();
  return ctx.db.transaction(async (tx) => {
    await checkReferences(tx, orgId, input);
    checkOptionsFitProducts(await loadProducts(tx, input.products), input);
    await tx.run(
      `INSERT INTO checkout_links (id, organization_id, label, client_secret, allow_discount_codes, discount_id, metadata, success_url, return_url,
         active, starts_at, ends_at, max_completed_checkouts, inactive_message, trial_interval, trial_interval_count,
         quantity_minimum, quantity_maximum, confirmation_message, require_billing_address, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        orgId,
        input.label || null,
        newSecret(LINK_SECRET_PREFIX),
        input.allow_discount_codes ? 1 : 0,
        input.discount_id,
        json(input.metadata),
        input.success_url,
        input.return_url,
        input.active ? 1 : 0,
        input.starts_at,
        input.ends_at,
        input.max_completed_checkouts,
        input.inactive_message || null,
        input.trial_interval,
        input.trial_interval_count,
        input.adjustable_quantity?.minimum ?? null,
        input.adjustable_quantity?.maximum ?? null,
        input.confirmation_message || null,
        input.require_billing_address ? 1 : 0,
        iso(ctx.now()),
      ],
    );
    await setLinkProducts(tx, id, input.products);
    return getCheckoutLink(ctx, tx, orgId, id);
  });
}

export async function getCheckoutLink(
  ctx: CoreContext,
  q: Queryable,
  orgId: string,
  id: string,
): Promise<CheckoutLink> {
  const row = await q.get<CheckoutLinkRow>(
    'SELECT * FROM checkout_links WHERE id = ? AND organization_id = ? AND deleted_at IS NULL',
    [id, orgId],
  );
  if (!row) throw notFound('Checkout link');
  return toCheckoutLink(ctx, q, row);
}

export async function listCheckoutLinks(ctx: CoreContext, orgId: string, query: ListQuery & { product_id?: string }) {
  const filter = query.product_id
    ? ' AND id IN (SELECT checkout_link_id FROM checkout_link_products WHERE product_id = ?)'
    : '';
  const params = query.product_id ? [orgId, query.product_id] : [orgId];
  const total = await ctx.db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM checkout_links WHERE organization_id = ? AND deleted_at IS NULL${filter}`,
    params,
  );
  const rows = await ctx.db.all<CheckoutLinkRow>(
    `SELECT * FROM checkout_links WHERE organization_id = ? AND deleted_at IS NULL${filter}
     ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
    [...params, query.limit, (query.page - 1) * query.limit],
  );
  const items = await Promise.all(rows.map((r) => toCheckoutLink(ctx, ctx.db, r)));
  return paginate(items, Number(total?.n ?? 0), query.limit);
}

export async function updateCheckoutLink(
  ctx: CoreContext,
  orgId: string,
  id: string,
  input: CheckoutLinkUpdate,
): Promise<CheckoutLink> {
  const current = await getCheckoutLink(ctx, ctx.db, orgId, id);
  return ctx.db.transaction(async (tx) => {
    await checkReferences(tx, orgId, input);
    const pick = <K extends keyof CheckoutLinkUpdate>(k: K, fallback: CheckoutLink[K]) =>
      input[k] === undefined ? fallback : input[k];
    const startsAt = pick('starts_at', current.starts_at) as string | null;
    const endsAt = pick('ends_at', current.ends_at) as string | null;
    const windowWrong = windowProblem(startsAt, endsAt);
    if (windowWrong) throw invalid(['body', 'ends_at'], windowWrong);
    const trialInterval = pick('trial_interval', current.trial_interval) as CheckoutLink['trial_interval'];
    const trialCount = pick('trial_interval_count', current.trial_interval_count) as number | null;
    const trialWrong = trialProblem(trialInterval, trialCount);
    if (trialWrong) throw invalid(['body', trialWrong.field], trialWrong.msg);
    const quantity = pick('adjustable_quantity', current.adjustable_quantity) as CheckoutLink['adjustable_quantity'];
    checkOptionsFitProducts(input.products ? await loadProducts(tx, input.products) : current.products, {
      trial_interval: trialInterval,
      adjustable_quantity: quantity,
    });
    await tx.run(
      `UPDATE checkout_links SET label = ?, allow_discount_codes = ?, discount_id = ?, metadata = ?, success_url = ?, return_url = ?,
         active = ?, starts_at = ?, ends_at = ?, max_completed_checkouts = ?, inactive_message = ?, trial_interval = ?,
         trial_interval_count = ?, quantity_minimum = ?, quantity_maximum = ?, confirmation_message = ?,
         require_billing_address = ?, modified_at = ?
       WHERE id = ?`,
      [
        (pick('label', current.label) as string | null) || null,
        pick('allow_discount_codes', current.allow_discount_codes) ? 1 : 0,
        pick('discount_id', current.discount_id) as string | null,
        json(pick('metadata', current.metadata)),
        pick('success_url', current.success_url) as string | null,
        pick('return_url', current.return_url) as string | null,
        pick('active', current.active) ? 1 : 0,
        startsAt,
        endsAt,
        pick('max_completed_checkouts', current.max_completed_checkouts) as number | null,
        (pick('inactive_message', current.inactive_message) as string | null) || null,
        trialInterval,
        trialCount,
        quantity?.minimum ?? null,
        quantity?.maximum ?? null,
        (pick('confirmation_message', current.confirmation_message) as string | null) || null,
        pick('require_billing_address', current.require_billing_address) ? 1 : 0,
        iso(ctx.now()),
        id,
      ],
    );
    if (input.products) await setLinkProducts(tx, id, input.products);
    return getCheckoutLink(ctx, tx, orgId, id);
  });
}

/** Soft delete: the URL stops serving at once; sessions already open may still finish. */
export async function deleteCheckoutLink(ctx: CoreContext, orgId: string, id: string): Promise<void> {
  const { changes } = await ctx.db.run(
    'UPDATE checkout_links SET deleted_at = ? WHERE id = ? AND organization_id = ? AND deleted_at IS NULL',
    [iso(ctx.now()), id, orgId],
  );
  if (changes === 0) throw notFound('Checkout link');
}

/** The live link behind a public URL, or null when unknown or deleted. */
export async function findLinkBySecret(q: Queryable, clientSecret: string): Promise<CheckoutLinkRow | null> {
  // Secrets are base64url: anything else (a NUL from a hand-edited URL, which PostgreSQL refuses) is nobody's.
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(clientSecret)) return null;
  const row = await q.get<CheckoutLinkRow>(
    'SELECT * FROM checkout_links WHERE client_secret = ? AND deleted_at IS NULL',
    [clientSecret],
  );
  return row ?? null;
}

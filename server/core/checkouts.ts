import type {
  Checkout,
  CheckoutCreate,
  CheckoutPublic,
  CheckoutStatus,
  CheckoutUpdate,
  CustomFieldData,
  DroppedPrefill,
  ListQuery,
  Metadata,
  Product,
  SessionCreated,
} from '../../src/shared/schemas/index.ts';
import type { Queryable } from '../db/database.ts';
import { findLinkBySecret, linkProductIds, linkUrl } from './checkout-links.ts';
import {
  applyCheckoutEdits,
  checkoutNotOpen,
  type EditableState,
  mergeCustomFieldData,
  pricedView,
} from './checkout-state.ts';
import { bool, type CoreContext, iso, json, paginate, parseJson } from './context.ts';
import { findDiscountByCode, getDiscount, getDiscountById } from './discounts.ts';
import { DomainError, expiredCheckout, invalid, notFound } from './errors.ts';
import { newSessionIds, sameSecret, sessionIdFromSecret } from './ids.ts';
import type { ResolvedLink } from './link-cache.ts';
import { getOrganization } from './organizations.ts';
import { resolvePrefill } from './prefill.ts';
import { type Amounts, amountError } from './pricing.ts';
import { currentPrice, loadProducts } from './products.ts';
import type { PurchasedDiscount, PurchasedProduct } from './purchases.ts';
import { expiringSessionsWithListeners, listens, writeReported } from './webhooks/report.ts';

export interface SessionRow {
  id: string;
  organization_id: string;
  client_secret: string;
  checkout_link_id: string | null;
  status: CheckoutStatus;
  expires_at: string;
  product_id: string;
  product_ids: string;
  custom_amount: number | null;
  customer_email: string | null;
  customer_name: string | null;
  custom_field_data: string;
  metadata: string;
  allow_discount_codes: number;
  discount_id: string | null;
  success_url: string | null;
  return_url: string | null;
  embed_origin: string | null;
  prefill_dropped: string;
  order_id: string | null;
  subscription_id: string | null;
  created_at: string;
  modified_at: string | null;
  /** The current or last confirm attempt (confirm.ts): its processor key, lease and what it charges. */
  attempt_key: string | null;
  attempt_lease_until: string | null;
  attempt: string | null;
}

/** What a confirm attempt charges, recorded at its claim so a crashed attempt can still become its order. */
export interface AttemptRecord {
  product: PurchasedProduct;
  price_id: string;
  amounts: Amounts;
  discount: PurchasedDiscount | null;
}

export const attemptRecord = (row: Pick<SessionRow, 'attempt'>) => parseJson<AttemptRecord | null>(row.attempt, null);

export const checkoutPageUrl = (ctx: Pick<CoreContext, 'publicUrl'>, clientSecret: string) =>
  `${ctx.publicUrl}/checkout/${clientSecret}`;

const INSERT_SESSION = `INSERT INTO checkout_sessions (id, organization_id, client_secret, checkout_link_id, status, expires_at,
  product_id, product_ids, custom_amount, customer_email, customer_name, custom_field_data, metadata, allow_discount_codes,
  discount_id, success_url, return_url, embed_origin, prefill_dropped, created_at)
  VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

interface NewSession {
  organizationId: string;
  checkoutLinkId: string | null;
  ttlSeconds: number;
  product: Product;
  products: Product[];
  /** `products`' ids as JSON, when already at hand (a cached link has them). */
  productIdsJson?: string;
  customAmount: number | null;
  customerEmail: string | null;
  customerName: string | null;
  customFieldData: CustomFieldData;
  metadata: Metadata;
  allowDiscountCodes: boolean;
  discountId: string | null;
  successUrl: string | null;
  returnUrl: string | null;
  embedOrigin: string | null;
  dropped: DroppedPrefill[];
}

/**
 * ISO text of a time in ms, remembering its last answer: toISOString costs
 * about half a microsecond, and the sessions of one millisecond share it.
 */
function isoMemo() {
  let lastMs = Number.NaN;
  let last = '';
  return (ms: number) => {
    if (ms !== lastMs) {
      last = new Date(ms).toISOString();
      lastMs = ms;
    }
    return last;
  };
}
const createdIso = isoMemo();
const expiresIso = isoMemo();

async function insertSession(ctx: CoreContext, s: NewSession) {
  const { id, clientSecret } = newSessionIds();
  const nowMs = ctx.now().getTime();
  const expiresAt = expiresIso(nowMs + s.ttlSeconds * 1000);
  const params = [
    id,
    s.organizationId,
    clientSecret,
    s.checkoutLinkId,
    expiresAt,
    s.product.id,
    s.productIdsJson ?? json(s.products.map((p) => p.id)),
    s.customAmount,
    s.customerEmail,
    s.customerName,
    json(s.customFieldData),
    json(s.metadata),
    s.allowDiscountCodes ? 1 : 0,
    s.discountId,
    s.successUrl,
    s.returnUrl,
    s.embedOrigin,
    json(s.dropped),
    createdIso(nowMs),
  ];
  const reported = listens(ctx, s.organizationId, 'checkout.created');
  if (reported === true || (reported !== false && (await reported)))
    await writeReported(
      ctx,
      s.organizationId,
      'checkout.created',
      (tx) => tx.run(INSERT_SESSION, params).then(() => true),
      (tx) => checkoutView(ctx, tx, id),
    );
  else await ctx.db.insertBatched(INSERT_SESSION, params);
  return { id, clientSecret, expiresAt };
}

export const linkNotFound = () =>
  new DomainError(404, 'link_not_found', 'This checkout link does not exist or was deleted.');
/** A link left with no product: its seller and return URL are known, so its page can name them. */
export class LinkUnavailableError extends DomainError {
  constructor(
    readonly sellerName: string,
    readonly returnUrl: string | null,
  ) {
    super(410, 'link_unavailable', 'None of the products of this checkout link is available any more.');
  }
}

/**
 * Opens a short-lived session from a checkout link's public secret, applying
 * prefill. Bad prefill is dropped and reported, never a failure.
 */
export async function createSessionFromLink(
  ctx: CoreContext,
  linkSecret: string,
  raw: Record<string, unknown>,
  mode: 'query' | 'json',
): Promise<{ created: Omit<SessionCreated, 'embed_url'>; pageParams: Record<string, string> }> {
  // A hit is synchronous: the click path awaits nothing but prefill and the insert.
  const peeked = ctx.links.peek(linkSecret);
  const resolved = peeked === undefined ? await servingLink(ctx, linkSecret) : servableOrThrow(peeked);
  const { link, products, organization, allowDiscountCodes } = resolved;
  const prefill = await resolvePrefill(raw, {
    products,
    allowDiscountCodes,
    linkMetadata: resolved.metadata,
    embedOrigins: organization.embed_origins,
    findDiscountByCode: resolved.findDiscountByCode,
    now: ctx.now(),
    mode,
  });
  const session = await insertSession(ctx, {
    organizationId: link.organization_id,
    checkoutLinkId: link.id,
    ttlSeconds: ctx.checkoutTtlSeconds,
    product: prefill.product,
    products,
    productIdsJson: resolved.productIdsJson,
    customAmount: prefill.customAmount,
    customerEmail: prefill.customerEmail,
    customerName: prefill.customerName,
    customFieldData: prefill.customFieldData,
    metadata: prefill.metadata,
    allowDiscountCodes,
    discountId: prefill.discountFromCode?.id ?? link.discount_id,
    successUrl: link.success_url,
    returnUrl: link.return_url,
    embedOrigin: prefill.embedOrigin,
    dropped: prefill.dropped,
  });
  return {
    created: {
      id: session.id,
      client_secret: session.clientSecret,
      url: checkoutPageUrl(ctx, session.clientSecret),
      expires_at: session.expiresAt,
      dropped: prefill.dropped,
    },
    pageParams: prefill.pageParams,
  };
}

const servableOrThrow = (resolved: ResolvedLink | null): ResolvedLink => {
  if (!resolved) throw linkNotFound();
  if (resolved.products.length === 0)
    throw new LinkUnavailableError(resolved.organization.name, resolved.link.return_url);
  return resolved;
};

/**
 * A link that can serve, from the link cache, without opening a session:
 * what a preview, a HEAD or a prefetch of the shared URL is answered from.
 * Throws `link_not_found` or `link_unavailable` as a click would.
 */
export async function servingLink(ctx: CoreContext, linkSecret: string): Promise<ResolvedLink> {
  const peeked = ctx.links.peek(linkSecret);
  return servableOrThrow(
    peeked === undefined ? await ctx.links.load(linkSecret, () => resolveLink(ctx, linkSecret)) : peeked,
  );
}

/** A link by its public secret with its buyable products and organization, or null when there is none. */
async function resolveLink(ctx: CoreContext, linkSecret: string): Promise<ResolvedLink | null> {
  const link = await findLinkBySecret(ctx.db, linkSecret);
  if (!link) return null;
  const products = (await loadProducts(ctx.db, await linkProductIds(ctx.db, link.id))).filter(
    (p) => !p.is_archived && p.prices.length > 0,
  );
  return {
    link,
    products,
    organization: await getOrganization(ctx.db, link.organization_id),
    allowDiscountCodes: bool(link.allow_discount_codes),
    metadata: Object.freeze(parseJson<Metadata>(link.metadata, {})),
    productIdsJson: json(products.map((p) => p.id)),
    findDiscountByCode: (code) => findDiscountByCode(ctx.db, link.organization_id, code),
  };
}

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

async function loadSessionBySecret(q: Queryable, clientSecret: string): Promise<SessionRow> {
  const id = sessionIdFromSecret(clientSecret);
  const row = id ? await q.get<SessionRow>('SELECT * FROM checkout_sessions WHERE id = ?', [id]) : undefined;
  if (!row || !sameSecret(row.client_secret, clientSecret)) throw notFound('Checkout');
  return row;
}

/** Past `expires_at`, an open session is expired whatever storage still says; this makes storage agree. */
async function settleExpiry(ctx: CoreContext, row: SessionRow): Promise<SessionRow> {
  if (row.status !== 'open' || Date.parse(row.expires_at) > ctx.now().getTime()) return row;
  const expire = (q: Queryable) =>
    q
      .run("UPDATE checkout_sessions SET status = 'expired', modified_at = ? WHERE id = ? AND status = 'open'", [
        iso(ctx.now()),
        row.id,
      ])
      .then((r) => r.changes > 0);
  if (await listens(ctx, row.organization_id, 'checkout.expired'))
    await writeReported(ctx, row.organization_id, 'checkout.expired', expire, (tx) => checkoutView(ctx, tx, row.id));
  else await expire(ctx.db);
  ctx.events.emit(row.id);
  return { ...row, status: 'expired' };
}

/** A session as GET /v1/checkouts/{id} answers it, read through `q` (a transaction, for webhook events). */
export async function checkoutView(ctx: CoreContext, q: Queryable, id: string): Promise<Checkout> {
  const row = await q.get<SessionRow>('SELECT * FROM checkout_sessions WHERE id = ?', [id]);
  if (!row) throw notFound('Checkout');
  return toCheckout(ctx, q, row);
}

async function toCheckout(ctx: CoreContext, q: Queryable, row: SessionRow): Promise<Checkout> {
  const productIds: string[] = parseJson(row.product_ids, []);
  const [products, discount, organization, link] = await Promise.all([
    loadProducts(q, productIds),
    row.discount_id ? getDiscountById(q, row.discount_id) : Promise.resolve(null),
    getOrganization(q, row.organization_id),
    row.checkout_link_id
      ? q.get<{ client_secret: string }>(
          'SELECT client_secret FROM checkout_links WHERE id = ? AND deleted_at IS NULL',
          [row.checkout_link_id],
        )
      : Promise.resolve(undefined),
  ]);
  const { discount: discountView, ...priced } = pricedView(
    { product: sessionProduct(row, products), products, customAmount: row.custom_amount, discount },
    row.status,
    ctx.now(),
  );
  // Once confirmed, the amounts are the attempt's, whatever prices did since: what was (or is being) charged.
  const charged = row.status === 'confirmed' || row.status === 'succeeded' ? attemptRecord(row)?.amounts : undefined;
  if (charged) Object.assign(priced, charged, { is_payment_required: charged.total_amount > 0 });
  return {
    id: row.id,
    client_secret: row.client_secret,
    url: checkoutPageUrl(ctx, row.client_secret),
    status: row.status,
    expires_at: row.expires_at,
    created_at: row.created_at,
    modified_at: row.modified_at,
    organization_id: row.organization_id,
    organization: { id: organization.id, name: organization.name },
    checkout_link_id: row.checkout_link_id,
    ...priced,
    customer_email: row.customer_email,
    customer_name: row.customer_name,
    custom_field_data: parseJson(row.custom_field_data, {}),
    metadata: parseJson(row.metadata, {}),
    allow_discount_codes: bool(row.allow_discount_codes),
    discount: discountView,
    success_url: row.success_url,
    return_url: row.return_url,
    embed_origin: row.embed_origin,
    link_url: link ? linkUrl(ctx, link.client_secret) : null,
    prefill_dropped: parseJson(row.prefill_dropped, []),
    order_id: row.order_id,
    subscription_id: row.subscription_id,
    receipt_email: row.status === 'succeeded' && ctx.mail?.sendsEmail ? row.customer_email : null,
  };
}

/** The customer's view: no metadata (it is the merchant's). */
export function toPublic(checkout: Checkout): CheckoutPublic {
  const { metadata: _m, organization_id: _o, modified_at: _t, ...rest } = checkout;
  return rest;
}

export async function getPublicCheckout(ctx: CoreContext, clientSecret: string): Promise<CheckoutPublic> {
  const row = await settleExpiry(ctx, await loadSessionBySecret(ctx.db, clientSecret));
  return toPublic(await toCheckout(ctx, ctx.db, row));
}

/** Status only, for the event stream's polling: one cheap query. */
export async function getCheckoutStatus(ctx: CoreContext, clientSecret: string) {
  const row = await settleExpiry(ctx, await loadSessionBySecret(ctx.db, clientSecret));
  return { id: row.id, status: row.status, order_id: row.order_id, subscription_id: row.subscription_id };
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

/** A session's current product among its products (the first, should it be gone from them). */
const sessionProduct = (row: SessionRow, products: Product[]) =>
  products.find((p) => p.id === row.product_id) ?? products[0];

/**
 * Applies a customer's edits to a session's stored state by the rules of
 * checkout-state.ts; codes and the link's preset discount are read only when
 * an edit asks for them.
 */
export async function applyEdits(ctx: CoreContext, row: SessionRow, input: CheckoutUpdate): Promise<EditableState> {
  const products = await loadProducts(ctx.db, parseJson<string[]>(row.product_ids, []));
  const state: EditableState = {
    product: sessionProduct(row, products),
    products,
    customAmount: row.custom_amount,
    customerEmail: row.customer_email,
    customerName: row.customer_name,
    customFieldData: parseJson(row.custom_field_data, {}),
    discount: row.discount_id ? await getDiscountById(ctx.db, row.discount_id) : null,
  };
  return applyCheckoutEdits(state, input, {
    allowDiscountCodes: bool(row.allow_discount_codes),
    findDiscountByCode: (code) => findDiscountByCode(ctx.db, row.organization_id, code),
    linkDiscount: async () => {
      const link = row.checkout_link_id
        ? await ctx.db.get<{ discount_id: string | null }>('SELECT discount_id FROM checkout_links WHERE id = ?', [
            row.checkout_link_id,
          ])
        : undefined;
      return link?.discount_id ? getDiscountById(ctx.db, link.discount_id) : null;
    },
    now: ctx.now(),
  });
}

export const stateParams = (s: EditableState, now: Date) => [
  s.product.id,
  s.customAmount,
  s.customerEmail,
  s.customerName,
  json(s.customFieldData),
  s.discount?.id ?? null,
  iso(now),
];
export const SET_STATE =
  'product_id = ?, custom_amount = ?, customer_email = ?, customer_name = ?, custom_field_data = ?, discount_id = ?, modified_at = ?';

export async function loadOpenSession(ctx: CoreContext, clientSecret: string): Promise<SessionRow> {
  const row = await settleExpiry(ctx, await loadSessionBySecret(ctx.db, clientSecret));
  if (row.status === 'expired') throw expiredCheckout();
  return row;
}

export async function updateCheckout(
  ctx: CoreContext,
  clientSecret: string,
  input: CheckoutUpdate,
): Promise<CheckoutPublic> {
  const row = await loadOpenSession(ctx, clientSecret);
  if (row.status !== 'open') throw checkoutNotOpen(row.status);
  const state = await applyEdits(ctx, row, input);
  const { changes } = await ctx.db.run(`UPDATE checkout_sessions SET ${SET_STATE} WHERE id = ? AND status = 'open'`, [
    ...stateParams(state, ctx.now()),
    row.id,
  ]);
  if (changes === 0) throw checkoutNotOpen((await loadSessionBySecret(ctx.db, clientSecret)).status);
  return getPublicCheckout(ctx, clientSecret);
}

export async function releaseRedemption(tx: Queryable, checkoutId: string) {
  const held = await tx.get<{ discount_id: string }>(
    'SELECT discount_id FROM discount_redemptions WHERE checkout_id = ?',
    [checkoutId],
  );
  if (!held) return;
  await tx.run('DELETE FROM discount_redemptions WHERE checkout_id = ?', [checkoutId]);
  await tx.run('UPDATE discounts SET redemptions_count = redemptions_count - 1 WHERE id = ?', [held.discount_id]);
}

/**
 * Marks open sessions past their expiry as expired, and deletes abandoned
 * ones expired longer than `retentionSeconds` ago, so storage does not grow
 * with checkouts nobody finished.
 */
export async function sweepExpiredSessions(ctx: CoreContext, retentionSeconds: number) {
  const now = ctx.now();
  const reported = await expiringSessionsWithListeners<SessionRow>(ctx.db, now);
  for (const row of reported) await settleExpiry(ctx, row);
  const expired = await ctx.db.run(
    "UPDATE checkout_sessions SET status = 'expired', modified_at = ? WHERE status = 'open' AND expires_at <= ?",
    [iso(now), iso(now)],
  );
  const deleted = await ctx.db.run(
    "DELETE FROM checkout_sessions WHERE status IN ('expired', 'failed') AND expires_at <= ?",
    [iso(new Date(now.getTime() - retentionSeconds * 1000))],
  );
  if (deleted.changes > 0) await ctx.db.compact();
  return { expired: reported.length + expired.changes, deleted: deleted.changes };
}

import type {
  BillingAddress,
  Checkout,
  CheckoutPublic,
  CheckoutStatus,
  CheckoutTrial,
  CustomFieldData,
  Discount,
  DroppedPrefill,
  Metadata,
  Organization,
  Product,
  SessionOptions,
} from '../../src/shared/schemas/index.ts';
import { NO_SESSION_OPTIONS } from '../../src/shared/schemas/index.ts';
import type { Queryable } from '../db/database.ts';
import { linkUrl } from './checkout-links.ts';
import { type EditableState, pricedView } from './checkout-state.ts';
import type { CoreContext } from './context.ts';
import { getDiscountById } from './discounts.ts';
import { notFound } from './errors.ts';
import { newSessionIds, sameSecret, sessionIdFromSecret } from './ids.ts';
import { getOrganization } from './organizations.ts';
import type { Amounts } from './pricing.ts';
import { loadProducts } from './products.ts';
import type { PurchasedDiscount, PurchasedProduct } from './purchases.ts';
import { bool, iso, json, parseJson } from './rows.ts';
import { listens, writeReported } from './webhooks/report.ts';

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
  quantity: number;
  /** The link's options copied at the click (SessionOptions as JSON); null for the Checkout API's sessions. */
  link_options: string | null;
  billing_address: string | null;
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
  /** Charged now (nothing during a trial). */
  amounts: Amounts;
  discount: PurchasedDiscount | null;
  /** Absent in attempts recorded before quantities: 1. */
  quantity?: number;
  /** The trial started, with what each period costs after it. */
  trial?: CheckoutTrial | null;
  billing_address?: BillingAddress | null;
  /** The page's language at the confirm, which the receipt is written in; absent: English. */
  locale?: string;
}

export const attemptRecord = (row: Pick<SessionRow, 'attempt'>) => parseJson<AttemptRecord | null>(row.attempt, null);

export const checkoutPageUrl = (ctx: Pick<CoreContext, 'publicUrl'>, clientSecret: string) =>
  `${ctx.publicUrl}/checkout/${clientSecret}`;

const INSERT_COLUMNS = [
  'id',
  'organization_id',
  'client_secret',
  'checkout_link_id',
  'status',
  'expires_at',
  'product_id',
  'product_ids',
  'custom_amount',
  'customer_email',
  'customer_name',
  'custom_field_data',
  'metadata',
  'allow_discount_codes',
  'discount_id',
  'success_url',
  'return_url',
  'embed_origin',
  'prefill_dropped',
  'created_at',
  'quantity',
  'link_options',
] as const satisfies (keyof SessionRow)[];
const INSERT_SESSION = `INSERT INTO checkout_sessions (${INSERT_COLUMNS.join(', ')})
  VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`;

export interface NewSession {
  organizationId: string;
  checkoutLinkId: string | null;
  ttlSeconds: number;
  product: Product;
  products: Product[];
  /** `products`' ids as JSON, when already at hand (a cached link has them). */
  productIdsJson?: string;
  customAmount: number | null;
  /** Absent: 1. */
  quantity?: number;
  /** The link's options as JSON (a cached link has them); absent: none. */
  options?: string;
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

/** What the checkout.created event needs beyond the new row, at hand at a link click (its cached link). */
export interface SessionContext {
  organization: Organization;
  linkSecret: string | null;
  /** The session's discount; undefined: read it (a link's own discount is not cached). */
  discount?: Discount | null;
}

export async function insertSession(ctx: CoreContext, s: NewSession, known?: SessionContext) {
  const { id, clientSecret } = newSessionIds();
  const nowMs = ctx.now().getTime();
  const row: SessionRow = {
    id,
    organization_id: s.organizationId,
    client_secret: clientSecret,
    checkout_link_id: s.checkoutLinkId,
    status: 'open',
    expires_at: expiresIso(nowMs + s.ttlSeconds * 1000),
    product_id: s.product.id,
    product_ids: s.productIdsJson ?? json(s.products.map((p) => p.id)),
    custom_amount: s.customAmount,
    quantity: s.quantity ?? 1,
    link_options: s.options ?? null,
    billing_address: null,
    customer_email: s.customerEmail,
    customer_name: s.customerName,
    custom_field_data: json(s.customFieldData),
    metadata: json(s.metadata),
    allow_discount_codes: s.allowDiscountCodes ? 1 : 0,
    discount_id: s.discountId,
    success_url: s.successUrl,
    return_url: s.returnUrl,
    embed_origin: s.embedOrigin,
    prefill_dropped: json(s.dropped),
    order_id: null,
    subscription_id: null,
    created_at: createdIso(nowMs),
    modified_at: null,
    attempt_key: null,
    attempt_lease_until: null,
    attempt: null,
  };
  const params = INSERT_COLUMNS.map((column) => row[column]);
  const reported = listens(ctx, s.organizationId, 'checkout.created');
  if (reported === true || (reported !== false && (await reported)))
    await writeReported(
      ctx,
      s.organizationId,
      'checkout.created',
      (tx) => tx.run(INSERT_SESSION, params).then(() => true),
      // Built from the row in memory where the click has its link at hand: the event costs no re-read.
      async (tx) =>
        known
          ? checkoutOf(ctx, row, {
              products: s.products,
              organization: known.organization,
              linkSecret: known.linkSecret,
              discount:
                known.discount !== undefined || !row.discount_id
                  ? (known.discount ?? null)
                  : await getDiscountById(tx, row.discount_id),
            })
          : checkoutView(ctx, tx, id),
      true,
    );
  else await ctx.db.insertBatched(INSERT_SESSION, params);
  return { id, clientSecret, expiresAt: row.expires_at };
}

export async function loadSessionBySecret(q: Queryable, clientSecret: string): Promise<SessionRow> {
  const id = sessionIdFromSecret(clientSecret);
  const row = id ? await q.get<SessionRow>('SELECT * FROM checkout_sessions WHERE id = ?', [id]) : undefined;
  if (!row || !sameSecret(row.client_secret, clientSecret)) throw notFound('Checkout');
  return row;
}

/** Past `expires_at`, an open session is expired whatever storage still says; this makes storage agree. */
export async function settleExpiry(ctx: CoreContext, row: SessionRow): Promise<SessionRow> {
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

/** A session row as the Checkout API answers it. */
export async function toCheckout(ctx: CoreContext, q: Queryable, row: SessionRow): Promise<Checkout> {
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
  return checkoutOf(ctx, row, { products, discount, organization, linkSecret: link?.client_secret ?? null });
}

/** A session row and what it refers to, as the Checkout API answers it: no storage read. */
export function checkoutOf(
  ctx: CoreContext,
  row: SessionRow,
  refs: { products: Product[]; discount: Discount | null; organization: Organization; linkSecret: string | null },
): Checkout {
  const { products, discount, organization, linkSecret } = refs;
  const options = sessionOptions(row);
  const { discount: discountView, ...priced } = pricedView(
    {
      product: sessionProduct(row, products),
      products,
      customAmount: row.custom_amount,
      discount,
      quantity: Number(row.quantity),
      options,
    },
    row.status,
    ctx.now(),
  );
  // Once confirmed, the amounts are the attempt's, whatever prices did since: what was (or is being) charged.
  const attempt = row.status === 'confirmed' || row.status === 'succeeded' ? attemptRecord(row) : null;
  if (attempt)
    Object.assign(priced, attempt.amounts, {
      is_payment_required: attempt.amounts.total_amount > 0,
      quantity: attempt.quantity ?? 1,
      trial: attempt.trial ?? null,
    });
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
    confirmation_message: options.confirmation_message,
    require_billing_address: options.require_billing_address,
    billing_address: parseJson(row.billing_address, null),
    embed_origin: row.embed_origin,
    link_url: linkSecret ? linkUrl(ctx, linkSecret) : null,
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

/** A session's current product among its products (the first, should it be gone from them). */
export const sessionProduct = (row: SessionRow, products: Product[]): Product =>
  // A session is only ever opened with at least one product.
  products.find((p) => p.id === row.product_id) ?? products[0]!;

/** A session's copy of its link's options (none for the Checkout API's). */
export const sessionOptions = (row: Pick<SessionRow, 'link_options'>): SessionOptions =>
  parseJson(row.link_options, NO_SESSION_OPTIONS);

export const stateParams = (s: EditableState, now: Date) => [
  s.product.id,
  s.customAmount,
  s.customerEmail,
  s.customerName,
  json(s.customFieldData),
  s.discount?.id ?? null,
  s.quantity,
  s.billingAddress ? json(s.billingAddress) : null,
  iso(now),
];
export const SET_STATE =
  'product_id = ?, custom_amount = ?, customer_email = ?, customer_name = ?, custom_field_data = ?, discount_id = ?, quantity = ?, billing_address = ?, modified_at = ?';

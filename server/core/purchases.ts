import type {
  BillingAddress,
  CheckoutTrial,
  CustomFieldData,
  Discount,
  ListQuery,
  Metadata,
  Order,
  Product,
  ProductPrice,
  Subscription,
} from '../../src/shared/schemas/index.ts';
import type { Queryable } from '../db/database.ts';
import type { CoreContext } from './context.ts';
import { notFound } from './errors.ts';
import { newId } from './ids.ts';
import type { Amounts } from './pricing.ts';
import { iso, json, paginate, parseJson } from './rows.ts';

const addMonths = (d: Date, months: number) => {
  const next = new Date(d);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
};

/** What an order or subscription keeps of its product and discount (a confirm attempt records them). */
export type PurchasedProduct = Pick<Product, 'id' | 'name' | 'recurring_interval'>;
export type PurchasedDiscount = Pick<Discount, 'id' | 'duration' | 'duration_in_months'>;

interface PurchaseInput {
  session: { id: string; organization_id: string; customer_email: string | null; customer_name: string | null };
  product: PurchasedProduct;
  price: Pick<ProductPrice, 'id'>;
  /** Charged now: nothing during a trial, whose amounts the subscription keeps instead. */
  amounts: Amounts;
  discount: PurchasedDiscount | null;
  quantity: number;
  trial: CheckoutTrial | null;
  billingAddress: BillingAddress | null;
  customFieldData: CustomFieldData;
  metadata: Metadata;
}

/**
 * Creates the order (one-time product) or subscription (recurring) of a paid
 * session, in the caller's transaction. `checkout_id` is unique in both
 * tables, so a second attempt fails instead of creating a duplicate.
 */
export async function createPurchase(tx: Queryable, now: Date, p: PurchaseInput) {
  const id = newId();
  const common = [
    id,
    p.session.organization_id,
    p.session.id,
    p.product.id,
    p.price.id,
    p.product.name,
    p.session.customer_email!,
    p.session.customer_name,
  ];
  const tail = [json(p.metadata), json(p.customFieldData), iso(now), p.billingAddress && json(p.billingAddress)];
  if (!p.product.recurring_interval) {
    await tx.run(
      `INSERT INTO orders (id, organization_id, checkout_id, product_id, product_price_id, product_name, customer_email, customer_name,
         amount, discount_amount, total_amount, currency, discount_id, quantity, metadata, custom_field_data, created_at, billing_address)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        ...common,
        p.amounts.amount,
        p.amounts.discount_amount,
        p.amounts.total_amount,
        p.amounts.currency,
        p.discount?.id ?? null,
        p.quantity,
        ...tail,
      ],
    );
    return { orderId: id, subscriptionId: null };
  }
  const months = p.product.recurring_interval === 'year' ? 12 : 1;
  // A trial is the first period; the discount counts from the first paid one.
  const paidFrom = p.trial ? new Date(p.trial.trial_end) : now;
  const discountEndsAt = !p.discount
    ? null
    : p.discount.duration === 'forever'
      ? null
      : iso(addMonths(paidFrom, p.discount.duration === 'once' ? months : (p.discount.duration_in_months ?? 1)));
  const recurring = p.trial ?? p.amounts;
  await tx.run(
    `INSERT INTO subscriptions (id, organization_id, checkout_id, product_id, product_price_id, product_name, customer_email, customer_name,
       recurring_interval, amount, discount_amount, total_amount, currency, discount_id, discount_ends_at, current_period_start,
       current_period_end, trial_end, metadata, custom_field_data, created_at, billing_address)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      ...common,
      p.product.recurring_interval,
      recurring.amount,
      recurring.discount_amount,
      recurring.total_amount,
      p.amounts.currency,
      p.discount?.id ?? null,
      discountEndsAt,
      iso(now),
      p.trial ? p.trial.trial_end : iso(addMonths(now, months)),
      p.trial?.trial_end ?? null,
      ...tail,
    ],
  );
  return { orderId: null, subscriptionId: id };
}

type Row = Record<string, unknown> & {
  metadata: string;
  custom_field_data: string;
  billing_address: string | null;
  trial_end?: string | null;
};
const decode = (r: Row) => ({
  ...r,
  metadata: parseJson(r.metadata, {}),
  custom_field_data: parseJson(r.custom_field_data, {}),
  billing_address: parseJson(r.billing_address, null),
});

const asOrder = (r: Row) =>
  ({
    ...decode(r),
    quantity: Number(r.quantity),
    status: 'paid' as const,
    billing_reason: 'purchase' as const,
  }) as Order;
/** Trialing until its trial ends, read at each answer: no job has to flip it. */
const asSubscription = (r: Row) =>
  ({
    ...decode(r),
    status: r.trial_end && Date.parse(r.trial_end) > Date.now() ? 'trialing' : 'active',
    trial_end: r.trial_end ?? null,
  }) as Subscription;

/** One order as GET /v1/orders/{id} answers it (`q` may be a transaction: webhooks read it before commit). */
export async function getOrder(q: Queryable, orgId: string, id: string): Promise<Order> {
  const row = await q.get<Row>('SELECT * FROM orders WHERE id = ? AND organization_id = ?', [id, orgId]);
  if (!row) throw notFound('Order');
  return asOrder(row);
}

export async function getSubscription(q: Queryable, orgId: string, id: string): Promise<Subscription> {
  const row = await q.get<Row>('SELECT * FROM subscriptions WHERE id = ? AND organization_id = ?', [id, orgId]);
  if (!row) throw notFound('Subscription');
  return asSubscription(row);
}

async function list<T>(
  ctx: CoreContext,
  table: 'orders' | 'subscriptions',
  orgId: string,
  query: ListQuery & { checkout_id?: string; product_id?: string },
) {
  let where = 'organization_id = ?';
  const params: (string | number)[] = [orgId];
  for (const key of ['checkout_id', 'product_id'] as const) {
    if (query[key]) {
      where += ` AND ${key} = ?`;
      params.push(query[key]);
    }
  }
  const total = await ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params);
  const rows = await ctx.db.all<Row>(
    `SELECT * FROM ${table} WHERE ${where} ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
    [...params, query.limit, (query.page - 1) * query.limit],
  );
  return paginate(rows as T[], Number(total?.n ?? 0), query.limit);
}

export const listOrders = (
  ctx: CoreContext,
  orgId: string,
  query: ListQuery & { checkout_id?: string; product_id?: string },
) => list<Row>(ctx, 'orders', orgId, query).then((page) => ({ ...page, items: page.items.map(asOrder) }));

export const listSubscriptions = (
  ctx: CoreContext,
  orgId: string,
  query: ListQuery & { checkout_id?: string; product_id?: string },
) => list<Row>(ctx, 'subscriptions', orgId, query).then((page) => ({ ...page, items: page.items.map(asSubscription) }));

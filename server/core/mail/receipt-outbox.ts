import type { Receipt, ReceiptStatus } from '../../../src/shared/schemas/index.ts';
import type { Queryable, SqlValue } from '../../db/database.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import { getOrganization } from '../organizations.ts';
import { getOrder, getSubscription } from '../purchases.ts';
import { iso } from '../rows.ts';
import { attemptRecord, type SessionRow } from '../session-rows.ts';
import { insertEvent } from '../webhooks/outbox.ts';
import type { ReceiptPayload } from './receipt-message.ts';

/** Outbox channels of mail: the customer's receipt, and the merchant's "New order" notice. */
export const RECEIPT_CHANNEL = 'receipt';
export const ORDER_NOTICE_CHANNEL = 'order_notice';
export const MAIL_CHANNELS = [RECEIPT_CHANNEL, ORDER_NOTICE_CHANNEL] as const;

type Purchase = { orderId: string | null; subscriptionId: string | null };

async function insertMailDelivery(
  tx: Queryable,
  at: string,
  d: { eventId: string; orgId: string; channel: string; recipient: string; purchaseId: string },
): Promise<string> {
  const id = newId();
  await tx.run(
    `INSERT INTO outbox_deliveries (id, event_id, organization_id, channel, recipient, purchase_id, status, attempts, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
    [id, d.eventId, d.orgId, d.channel, d.recipient, d.purchaseId, at, at],
  );
  return id;
}

/** The event a receipt is written from: the purchase as the API answers it, and the locale. */
async function insertReceiptEvent(tx: Queryable, orgId: string, purchase: Purchase, at: string, locale: string) {
  const payload: ReceiptPayload = purchase.orderId
    ? { locale, purchase: { kind: 'order', record: await getOrder(tx, orgId, purchase.orderId) } }
    : {
        locale,
        purchase: { kind: 'subscription', record: await getSubscription(tx, orgId, purchase.subscriptionId!) },
      };
  const type = payload.purchase.kind === 'order' ? 'order.paid' : 'subscription.created';
  return { eventId: await insertEvent(tx, orgId, type, payload, at), record: payload.purchase.record };
}

/**
 * Queues the receipt of a purchase just made (and the merchant's notice when
 * the organization has a `notify_email`), in the purchase's transaction: the
 * mail exists exactly when the order does, and only the transaction that
 * created the order writes it, so there is one receipt per order whatever
 * the number of processes. Both are written in the checkout's `locale`
 * (the merchant's notice too, until organizations have a language). Answers
 * how many messages it queued.
 */
export async function enqueueReceipts(
  tx: Queryable,
  now: Date,
  orgId: string,
  purchase: Purchase,
  locale: string,
): Promise<number> {
  const at = iso(now);
  const { eventId, record } = await insertReceiptEvent(tx, orgId, purchase, at, locale);
  const base = { eventId, orgId, purchaseId: record.id };
  await insertMailDelivery(tx, at, { ...base, channel: RECEIPT_CHANNEL, recipient: record.customer_email });
  const org = await tx.get<{ notify_email: string | null }>('SELECT notify_email FROM organizations WHERE id = ?', [
    orgId,
  ]);
  if (!org?.notify_email) return 1;
  await insertMailDelivery(tx, at, { ...base, channel: ORDER_NOTICE_CHANNEL, recipient: org.notify_email });
  return 2;
}

interface ReceiptRow {
  id: string;
  event_id: string;
  purchase_id: string;
  recipient: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  last_response_status: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  completed_at: string | null;
  created_at: string;
}

const RECEIPT_COLUMNS = `id, event_id, purchase_id, recipient, status, attempts, last_response_status, last_error,
  next_attempt_at, completed_at, created_at`;

/** The file transport records no reply code: a success without one was written to disk, not sent. */
function receiptStatus(r: ReceiptRow): ReceiptStatus {
  if (r.status === 'succeeded') return r.last_response_status === null ? 'written' : 'sent';
  if (r.status === 'failed') return 'failed';
  return r.attempts > 0 ? 'retrying' : 'queued';
}

const toReceipt = (r: ReceiptRow): Receipt => ({
  id: r.id,
  to: r.recipient,
  status: receiptStatus(r),
  attempts: Number(r.attempts),
  last_error: r.last_error,
  next_attempt_at: r.status === 'pending' ? r.next_attempt_at : null,
  sent_at: r.status === 'succeeded' ? r.completed_at : null,
  created_at: r.created_at,
});

/** Each purchase with its latest receipt (null when it has none: it predates receipts). */
export async function withReceipts<T extends { id: string }>(
  q: Queryable,
  orgId: string,
  purchases: T[],
): Promise<(T & { receipt: Receipt | null })[]> {
  if (purchases.length === 0) return [];
  const rows = await q.all<ReceiptRow>(
    `SELECT ${RECEIPT_COLUMNS} FROM outbox_deliveries
     WHERE organization_id = ? AND channel = '${RECEIPT_CHANNEL}' AND purchase_id IN (${purchases.map(() => '?').join(', ')})
     ORDER BY created_at, id`,
    [orgId, ...(purchases.map((p) => p.id) as SqlValue[])],
  );
  const latest = new Map(rows.map((r) => [r.purchase_id, r]));
  return purchases.map((p) => {
    const row = latest.get(p.id);
    return { ...p, receipt: row ? toReceipt(row) : null };
  });
}

/**
 * The language of a receipt for a purchase that never had one: the page's at its confirm, while its
 * checkout is kept, else the organization's default, else English.
 */
async function unsentPurchaseLocale(q: Queryable, orgId: string, checkoutId: string): Promise<string> {
  const session = await q.get<Pick<SessionRow, 'attempt'>>(
    'SELECT attempt FROM checkout_sessions WHERE id = ? AND organization_id = ?',
    [checkoutId, orgId],
  );
  const confirmed = session ? attemptRecord(session)?.locale : undefined;
  return confirmed ?? (await getOrganization(q, orgId)).default_locale ?? 'en';
}

/**
 * `POST /v1/orders/{id}/receipt` (and subscriptions'): a receipt waiting for
 * a retry is tried now; otherwise a new one is queued from the same event
 * (or, for a purchase older than receipts, from the purchase as it is).
 */
export async function resendReceipt(
  ctx: CoreContext,
  orgId: string,
  kind: 'order' | 'subscription',
  id: string,
): Promise<Receipt> {
  const record = kind === 'order' ? await getOrder(ctx.db, orgId, id) : await getSubscription(ctx.db, orgId, id);
  const at = iso(ctx.now());
  const receiptId = await ctx.db.transaction(async (tx) => {
    const latest = await tx.get<ReceiptRow>(
      `SELECT ${RECEIPT_COLUMNS} FROM outbox_deliveries
       WHERE organization_id = ? AND channel = '${RECEIPT_CHANNEL}' AND purchase_id = ?
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [orgId, record.id],
    );
    if (latest?.status === 'pending') {
      await tx.run("UPDATE outbox_deliveries SET next_attempt_at = ? WHERE id = ? AND status = 'pending'", [
        at,
        latest.id,
      ]);
      return latest.id;
    }
    const eventId =
      latest?.event_id ??
      (
        await insertReceiptEvent(
          tx,
          orgId,
          kind === 'order' ? { orderId: id, subscriptionId: null } : { orderId: null, subscriptionId: id },
          at,
          await unsentPurchaseLocale(tx, orgId, record.checkout_id),
        )
      ).eventId;
    return insertMailDelivery(tx, at, {
      eventId,
      orgId,
      purchaseId: record.id,
      channel: RECEIPT_CHANNEL,
      recipient: record.customer_email,
    });
  });
  ctx.mail?.kick();
  const row = await ctx.db.get<ReceiptRow>(`SELECT ${RECEIPT_COLUMNS} FROM outbox_deliveries WHERE id = ?`, [
    receiptId,
  ]);
  return toReceipt(row!);
}

import type { Queryable } from '../../db/database.ts';
import { enqueueReceipts } from '../mail/receipt-outbox.ts';
import { getOrder, getSubscription } from '../purchases.ts';
import { enqueueEvents } from './outbox.ts';

/**
 * The events of a purchase just created, in its transaction: `order.created`
 * and `order.paid` (payment is taken before the order exists), or
 * `subscription.created` and `subscription.active` (not for a trial); and `checkout.updated`
 * for its session, now succeeded. Each carries the record exactly as the
 * management API answers it. The customer's receipt (server/core/mail) is
 * queued with them, in the checkout's `locale`. Answers how many deliveries and messages it queued.
 */
export async function enqueuePurchaseEvents(
  tx: Queryable,
  now: Date,
  orgId: string,
  purchase: { orderId: string | null; subscriptionId: string | null },
  checkout: () => Promise<unknown>,
  { trialing, locale }: { trialing: boolean; locale: string },
): Promise<number> {
  const { orderId, subscriptionId } = purchase;
  const order = () => getOrder(tx, orgId, orderId!);
  const subscription = () => getSubscription(tx, orgId, subscriptionId!);
  const receipts = await enqueueReceipts(tx, now, orgId, purchase, locale);
  const webhooks = await enqueueEvents(tx, now, orgId, [
    { type: 'checkout.updated', data: checkout },
    ...(orderId
      ? [
          { type: 'order.created' as const, data: order },
          { type: 'order.paid' as const, data: order },
        ]
      : []),
    ...(subscriptionId ? [{ type: 'subscription.created' as const, data: subscription }] : []),
    // A trial's subscription becomes active when its first period is paid, not at the checkout.
    ...(subscriptionId && !trialing ? [{ type: 'subscription.active' as const, data: subscription }] : []),
  ]);
  return receipts + webhooks.length;
}

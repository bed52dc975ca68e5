import type { Queryable } from '../../db/database.ts';
import { getOrder, getSubscription } from '../purchases.ts';
import { enqueueEvent } from './outbox.ts';

/**
 * The events of a purchase just created, in its transaction: `order.created`
 * and `order.paid` (payment is taken before the order exists), or
 * `subscription.created` and `subscription.active`. Each carries the record
 * exactly as the management API answers it.
 */
export async function enqueuePurchaseEvents(
  tx: Queryable,
  now: Date,
  orgId: string,
  purchase: { orderId: string | null; subscriptionId: string | null },
): Promise<number> {
  let queued = 0;
  if (purchase.orderId) {
    const order = await getOrder(tx, orgId, purchase.orderId);
    queued += await enqueueEvent(tx, now, orgId, 'order.created', order);
    queued += await enqueueEvent(tx, now, orgId, 'order.paid', order);
  }
  if (purchase.subscriptionId) {
    const subscription = await getSubscription(tx, orgId, purchase.subscriptionId);
    queued += await enqueueEvent(tx, now, orgId, 'subscription.created', subscription);
    queued += await enqueueEvent(tx, now, orgId, 'subscription.active', subscription);
  }
  return queued;
}

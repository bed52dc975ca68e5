import { z } from 'zod';
import { id, timestamp } from './common.ts';
import { order, subscription } from './order.ts';

/**
 * Where a receipt is: `queued` (not tried yet), `retrying` (the mail server
 * did not take it; tried again on the retry schedule), `sent` (the mail
 * server accepted it), `written` (no SMTP_URL: saved as an .eml file on the
 * server, not sent), `failed` (the retry schedule ran out).
 */
export const RECEIPT_STATUSES = ['queued', 'retrying', 'sent', 'written', 'failed'] as const;
export const receiptStatus = z.enum(RECEIPT_STATUSES);
export type ReceiptStatus = z.infer<typeof receiptStatus>;

/** The latest receipt email of an order or subscription. */
export const receipt = z.object({
  id,
  to: z.string(),
  status: receiptStatus,
  attempts: z.int(),
  last_error: z.string().nullable(),
  next_attempt_at: timestamp.nullable(),
  sent_at: timestamp.nullable(),
  created_at: timestamp,
});
export type Receipt = z.infer<typeof receipt>;

/** `?expand=receipt` on the orders and subscriptions routes adds each one's latest receipt. */
export const purchaseExpandQuery = z.object({ expand: z.literal('receipt').optional() });

/** An order or subscription with `expand=receipt`: its receipt (null for a purchase older than receipts). */
export const orderWithReceipt = order.extend({ receipt: receipt.nullable() });
export type OrderWithReceipt = z.infer<typeof orderWithReceipt>;
export const subscriptionWithReceipt = subscription.extend({ receipt: receipt.nullable() });
export type SubscriptionWithReceipt = z.infer<typeof subscriptionWithReceipt>;

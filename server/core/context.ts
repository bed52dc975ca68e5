import type { Database } from '../db/database.ts';
import type { CheckoutEvents } from './checkout-events.ts';
import type { LinkCache } from './link-cache.ts';
import type { Mailer } from './mail/mailer.ts';
import type { PaymentProcessor } from './payments.ts';
import type { WebhookDispatcher } from './webhooks/dispatcher.ts';

/** What every domain function needs: storage, configuration, the clock. */
export interface CoreContext {
  db: Database;
  /** Origin used in every URL handed out, without a trailing slash. */
  publicUrl: string;
  checkoutTtlSeconds: number;
  /** How long a confirm attempt holds its session before it may be settled as interrupted. */
  confirmLeaseSeconds: number;
  processor: PaymentProcessor;
  events: CheckoutEvents;
  links: LinkCache;
  /** Delivers the outbox's webhooks; absent in tools that serve no requests. */
  webhooks?: WebhookDispatcher;
  /** Sends the outbox's receipts; absent in tools that serve no requests. */
  mail?: Mailer;
  now: () => Date;
}

export const iso = (d: Date) => d.toISOString();
export const json = (v: unknown) => JSON.stringify(v);
export const parseJson = <T>(s: string | null | undefined, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);
export const bool = (v: unknown) => v === 1 || v === true || v === '1';

/** Page/limit over a count, Polar's pagination shape. */
export function paginate<T>(items: T[], total: number, limit: number) {
  return { items, pagination: { total_count: total, max_page: Math.max(1, Math.ceil(total / limit)) } };
}

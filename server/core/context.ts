import type { Database } from '../db/database.ts';
import type { CheckoutEvents } from './checkout-events.ts';
import type { LinkCache } from './link-cache.ts';
import type { ResolvedLink } from './link-rows.ts';
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
  links: LinkCache<ResolvedLink>;
  /** Delivers the outbox's webhooks; absent in tools that serve no requests. */
  webhooks?: WebhookDispatcher;
  now: () => Date;
}

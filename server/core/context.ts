import type { Database } from '../db/database.ts';
import { CheckoutEvents } from './checkout-events.ts';
import { LinkCache } from './link-cache.ts';
import type { ResolvedLink } from './link-rows.ts';
import { createTestProcessor, type PaymentProcessor } from './payments.ts';
import { storedChargeLedger } from './test-charge-ledger.ts';
import type { WebhookDispatcher } from './webhooks/dispatcher.ts';

/** What the domain asks of the mailer: whether mail really leaves, and to look for queued mail now. */
export interface MailSender {
  readonly sendsEmail: boolean;
  kick(): void;
}

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
  /** Sends the outbox's receipts (a `Mailer`); absent in tools that serve no requests. */
  mail?: MailSender;
  now: () => Date;
}

/** The context over `db` that the server and the command-line tools share; the server adds `webhooks` and `mail`. */
export function createCoreContext(
  db: Database,
  options: Pick<CoreContext, 'publicUrl' | 'checkoutTtlSeconds' | 'confirmLeaseSeconds'> & { linkCacheMs: number },
): CoreContext {
  return {
    db,
    publicUrl: options.publicUrl,
    checkoutTtlSeconds: options.checkoutTtlSeconds,
    confirmLeaseSeconds: options.confirmLeaseSeconds,
    processor: createTestProcessor(storedChargeLedger(db, () => new Date())),
    events: new CheckoutEvents(),
    links: new LinkCache(options.linkCacheMs),
    now: () => new Date(),
  };
}

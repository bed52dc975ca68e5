import type { Database, Queryable } from '../../db/database.ts';
import { crashPoint } from '../crash-points.ts';
import { type AttemptOutcome, LeaseWorker } from '../outbox/lease-worker.ts';
import { iso } from '../rows.ts';
import { SubscriptionCache } from './outbox.ts';
import { sendWebhook } from './send.ts';
import { signWebhook } from './signature.ts';

export interface DispatcherOptions {
  /** Deliver to private and loopback addresses too (development). */
  allowPrivate: boolean;
  timeoutMs: number;
  /** Seconds to wait before each retry; its length + 1 attempts in all. */
  retryScheduleSeconds: number[];
  /** How often to look for due work another process queued or a retry that came due. */
  pollMs: number;
  /** Attempts in flight at once, per process. */
  concurrency?: number;
  /** Failed deliveries in a row after which an endpoint is disabled. */
  disableAfter?: number;
  /** The clock deliveries are due by: the domain's, which wrote them. */
  now?: () => Date;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  payload: string;
  endpoint_id: string;
  url: string | null;
  secret: string | null;
  enabled: number | null;
}

const USER_AGENT = 'checkout-link-webhooks/0.1 (+https://www.standardwebhooks.com)';

/**
 * Delivers the outbox's webhook deliveries, at least once, through a lease
 * worker (claimed under a lease, to each endpoint one at a time in order of
 * creation, retried with backoff, recorded by the lease holder only): each attempt signed and sent with a timeout, and an endpoint
 * that keeps failing disabled.
 */
export class WebhookDispatcher {
  readonly subscriptions = new SubscriptionCache();
  readonly #db: Database;
  readonly #options: Required<DispatcherOptions>;
  readonly #worker: LeaseWorker;

  constructor(db: Database, options: DispatcherOptions) {
    this.#db = db;
    this.#options = { concurrency: 16, disableAfter: 10, now: () => new Date(), ...options };
    this.#worker = new LeaseWorker(db, {
      channels: ['webhook'],
      ordered: true,
      name: 'webhook dispatcher',
      // Twice the timeout: an attempt in flight always ends (and records) before another process may claim it.
      leaseMs: 2 * this.#options.timeoutMs,
      retryScheduleSeconds: this.#options.retryScheduleSeconds,
      pollMs: this.#options.pollMs,
      concurrency: this.#options.concurrency,
      now: this.#options.now,
      attempt: (d, owner, signal) => this.#attempt(d.id, owner, signal),
    });
  }

  /** Whether private and loopback targets are allowed (the development switch). */
  get allowPrivate(): boolean {
    return this.#options.allowPrivate;
  }

  start(): void {
    this.#worker.start();
  }

  /** Looks for due work now (after a commit that queued some for `endpoints`, or a failed attempt due again at once). */
  kick(endpoints?: readonly string[]): void {
    this.#worker.kick(endpoints);
  }

  /**
   * Stops claiming, aborts attempts in flight and hands their leases back,
   * so another process (or the next start) delivers them without waiting.
   */
  stop(): Promise<void> {
    return this.#worker.stop();
  }

  async #attempt(id: string, owner: string, signal: AbortSignal): Promise<AttemptOutcome | null> {
    const d = await this.#db.get<DeliveryRow>(
      `SELECT d.id, d.event_id, e.payload, d.endpoint_id, w.url, w.secret, w.enabled
       FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
       LEFT JOIN webhook_endpoints w ON w.id = d.endpoint_id
       WHERE d.id = ? AND d.lease_owner = ?`,
      [id, owner],
    );
    if (!d) return null;
    const settled = (tx: Queryable, status: 'succeeded' | 'failed') => this.#countFailures(tx, d.endpoint_id, status);
    if (!d.url || !d.secret || !d.enabled)
      return {
        kind: 'attempted',
        result: { status: null, ok: false, error: 'the endpoint is disabled', durationMs: 0 },
        final: true,
        settled,
      };
    crashPoint('before-webhook-send');
    const timestamp = Math.floor(Date.now() / 1000);
    const result = await sendWebhook(
      d.url,
      {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'webhook-id': d.event_id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(d.secret, d.event_id, timestamp, d.payload),
      },
      d.payload,
      { timeoutMs: this.#options.timeoutMs, allowPrivate: this.#options.allowPrivate, signal },
    );
    // Shutting down: not an attempt the receiver failed; hand it back.
    if (signal.aborted) return { kind: 'handBack' };
    return { kind: 'attempted', result, settled };
  }

  /** Consecutive failures per endpoint; past `disableAfter` in a row the endpoint is disabled. */
  async #countFailures(tx: Queryable, endpointId: string, status: 'succeeded' | 'failed'): Promise<void> {
    if (status === 'succeeded') {
      await tx.run('UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = ?', [endpointId]);
      return;
    }
    await tx.run('UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1 WHERE id = ?', [
      endpointId,
    ]);
    await tx.run(
      `UPDATE webhook_endpoints SET enabled = 0, disabled_reason = ?, modified_at = ?
       WHERE id = ? AND enabled = 1 AND consecutive_failures >= ?`,
      [
        `disabled after ${this.#options.disableAfter} failed deliveries in a row`,
        iso(this.#options.now()),
        endpointId,
        this.#options.disableAfter,
      ],
    );
  }
}

import type { Database } from '../../db/database.ts';
import { logger } from '../../logger.ts';
import { crashPoint } from '../crash-points.ts';
import { newId } from '../ids.ts';
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

interface ClaimedDelivery {
  id: string;
  event_id: string;
  attempts: number;
  payload: string;
  endpoint_id: string;
  url: string | null;
  secret: string | null;
  enabled: number | null;
}

const USER_AGENT = 'checkout-link-webhooks/0.1 (+https://www.standardwebhooks.com)';

/** Up to ±20 % of a delay, so endpoints that failed together do not retry in lockstep. */
const withJitter = (seconds: number) => seconds * 1000 * (0.8 + Math.random() * 0.4);

/**
 * Delivers the outbox's webhook deliveries, at least once, and to each
 * endpoint one at a time in order of creation. Work is claimed under a lease
 * (on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so processes never claim the
 * same row), sent off the event loop's critical path with a timeout, and
 * recorded by its lease holder only. A process that dies holding a lease
 * loses it when it runs out; whoever claims next delivers.
 */
export class WebhookDispatcher {
  readonly subscriptions = new SubscriptionCache();
  readonly #db: Database;
  readonly #options: Required<DispatcherOptions>;
  readonly #owner = newId();
  readonly #inFlight = new Map<string, { done: Promise<void>; abort: AbortController }>();
  #timer: NodeJS.Timeout | null = null;
  #scanning: Promise<void> | null = null;
  #again = false;
  #stopped = true;

  constructor(db: Database, options: DispatcherOptions) {
    this.#db = db;
    this.#options = { concurrency: 16, disableAfter: 10, now: () => new Date(), ...options };
  }

  /** Whether private and loopback targets are allowed (the development switch). */
  get allowPrivate(): boolean {
    return this.#options.allowPrivate;
  }

  start(): void {
    this.#stopped = false;
    this.#timer = setInterval(() => this.kick(), this.#options.pollMs);
    this.#timer.unref();
    this.kick();
  }

  /** Looks for due work now (after a commit that queued some, or a failed attempt due again at once). */
  kick(): void {
    if (this.#stopped) return;
    if (this.#scanning) {
      this.#again = true;
      return;
    }
    this.#scanning = this.#scan()
      .catch((err) => logger.error({ err }, 'webhook dispatcher failed'))
      .finally(() => {
        this.#scanning = null;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  /**
   * Stops claiming, aborts attempts in flight and hands their leases back,
   * so another process (or the next start) delivers them without waiting.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#scanning;
    for (const { abort } of this.#inFlight.values()) abort.abort();
    await Promise.all([...this.#inFlight.values()].map((f) => f.done));
  }

  async #scan(): Promise<void> {
    const room = this.#options.concurrency - this.#inFlight.size;
    if (room <= 0) return;
    const ids = await this.#claim(room);
    for (const id of ids) {
      const abort = new AbortController();
      const done = this.#attempt(id, abort.signal)
        .catch((err) => logger.error({ err, delivery_id: id }, 'webhook attempt failed'))
        .finally(() => {
          this.#inFlight.delete(id);
          this.kick();
        });
      this.#inFlight.set(id, { done, abort });
    }
  }

  async #claim(limit: number): Promise<string[]> {
    const now = this.#options.now().getTime();
    // Twice the timeout: an attempt in flight always ends (and records) before another process may claim it.
    const lease = iso(new Date(now + 2 * this.#options.timeoutMs));
    const skipLocked = this.#db.engine === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    // Only the head of each endpoint's queue: an earlier delivery still pending (a retry due later, or one
    // leased to any process) holds back the endpoint's later ones, and no one else's.
    const rows = await this.#db.all<{ id: string }>(
      `UPDATE outbox_deliveries SET lease_until = ?, lease_owner = ?
       WHERE id IN (SELECT d.id FROM outbox_deliveries d
         WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?)
           AND NOT EXISTS (SELECT 1 FROM outbox_deliveries p
             WHERE p.endpoint_id = d.endpoint_id AND p.status = 'pending'
               AND (p.created_at < d.created_at OR (p.created_at = d.created_at AND p.id < d.id)))
         ORDER BY d.next_attempt_at, d.created_at, d.id LIMIT ? ${skipLocked})
       RETURNING id`,
      [lease, this.#owner, iso(new Date(now)), iso(new Date(now)), limit],
    );
    return rows.map((r) => r.id);
  }

  async #attempt(id: string, signal: AbortSignal): Promise<void> {
    const d = await this.#db.get<ClaimedDelivery>(
      `SELECT d.id, d.event_id, d.attempts, e.payload, d.endpoint_id, w.url, w.secret, w.enabled
       FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
       LEFT JOIN webhook_endpoints w ON w.id = d.endpoint_id
       WHERE d.id = ? AND d.lease_owner = ?`,
      [id, this.#owner],
    );
    if (!d) return;
    if (!d.url || !d.secret || !d.enabled) {
      await this.#record(d, { status: null, ok: false, error: 'the endpoint is disabled', durationMs: 0 }, true);
      return;
    }
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
    if (signal.aborted) {
      // Shutting down: not an attempt the receiver failed; hand it back.
      await this.#db.run(
        'UPDATE outbox_deliveries SET lease_until = NULL, lease_owner = NULL WHERE id = ? AND lease_owner = ?',
        [d.id, this.#owner],
      );
      return;
    }
    await this.#record(d, result, false);
  }

  async #record(
    d: ClaimedDelivery,
    result: { status: number | null; ok: boolean; error: string | null; durationMs: number },
    final: boolean,
  ): Promise<void> {
    const attempts = d.attempts + 1;
    const schedule = this.#options.retryScheduleSeconds;
    const now = this.#options.now();
    const lastTry = final || attempts > schedule.length;
    const status = result.ok ? 'succeeded' : lastTry ? 'failed' : 'pending';
    // Pending means attempts <= schedule.length: the schedule has this retry's delay.
    const next = status === 'pending' ? iso(new Date(now.getTime() + withJitter(schedule[attempts - 1]!))) : null;
    await this.#db.transaction(async (tx) => {
      const { changes } = await tx.run(
        `UPDATE outbox_deliveries SET status = ?, attempts = ?, last_response_status = ?, last_error = ?, last_duration_ms = ?,
           next_attempt_at = ?, lease_until = NULL, lease_owner = NULL, completed_at = ?
         WHERE id = ? AND lease_owner = ?`,
        [
          status,
          attempts,
          result.status,
          result.error?.slice(0, 500) ?? null,
          result.durationMs,
          next,
          status === 'pending' ? null : iso(now),
          d.id,
          this.#owner,
        ],
      );
      if (changes === 0 || status === 'pending') return;
      if (status === 'succeeded')
        await tx.run('UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = ?', [d.endpoint_id]);
      else {
        await tx.run('UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1 WHERE id = ?', [
          d.endpoint_id,
        ]);
        await tx.run(
          `UPDATE webhook_endpoints SET enabled = 0, disabled_reason = ?, modified_at = ?
           WHERE id = ? AND enabled = 1 AND consecutive_failures >= ?`,
          [
            `disabled after ${this.#options.disableAfter} failed deliveries in a row`,
            iso(now),
            d.endpoint_id,
            this.#options.disableAfter,
          ],
        );
      }
    });
  }
}

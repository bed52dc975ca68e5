import type { Database, Queryable } from '../../db/database.ts';
import { logger } from '../../logger.ts';
import { newId } from '../ids.ts';
import { iso } from '../rows.ts';

/** What one attempt at a delivery came to, as the outbox records it. */
export interface AttemptResult {
  /** The receiver's answer code (an HTTP status, an SMTP reply), or null when none came. */
  status: number | null;
  ok: boolean;
  error: string | null;
  durationMs: number;
}

/** A delivery this worker holds the lease of. */
export interface ClaimedDelivery {
  id: string;
  attempts: number;
  /** The webhook endpoint it goes to; null for mail. */
  endpoint_id: string | null;
}

/**
 * What a channel does with a claimed delivery: `attempted` (recorded, then
 * retried on the schedule unless `final`), or `handBack` (no attempt was
 * made, as when shutting down: the lease is released for whoever claims next).
 * `settled` runs in the recording transaction once the delivery succeeded or
 * failed for good.
 */
export type AttemptOutcome =
  | {
      kind: 'attempted';
      result: AttemptResult;
      final?: boolean;
      settled?: (tx: Queryable, status: 'succeeded' | 'failed') => Promise<void>;
    }
  | { kind: 'handBack' };

export interface LeaseWorkerOptions {
  /** The `outbox_deliveries.channel` values this worker delivers. */
  channels: readonly string[];
  /** Named in its logs. */
  name: string;
  /** How long a claim holds a delivery: longer than any attempt, so an attempt always records before another process may claim it. */
  leaseMs: number;
  /** Seconds to wait before each retry; its length + 1 attempts in all. */
  retryScheduleSeconds: number[];
  /** How often to look for due work another process queued or a retry that came due. */
  pollMs: number;
  /** Attempts in flight at once, per process. */
  concurrency: number;
  /** Each endpoint's deliveries one at a time, in order of creation (webhooks); else whatever is due (mail). */
  ordered?: boolean;
  /** The clock deliveries are due by: the domain's, which wrote them. */
  now: () => Date;
  attempt(delivery: ClaimedDelivery, owner: string, signal: AbortSignal): Promise<AttemptOutcome | null>;
}

/** Up to ±20 % of a delay, so deliveries that failed together do not retry in lockstep. */
const withJitter = (seconds: number) => seconds * 1000 * (0.8 + Math.random() * 0.4);

/**
 * Delivers the outbox rows of some channels, at least once. Work is claimed
 * under a lease (on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so processes
 * never claim the same row), attempted off the event loop's critical path,
 * and recorded by its lease holder only, with the retry schedule's backoff.
 * A process that dies holding a lease loses it when it runs out; whoever
 * claims next delivers.
 */
export class LeaseWorker {
  readonly #db: Database;
  readonly #options: LeaseWorkerOptions;
  readonly #owner = newId();
  readonly #inFlight = new Map<string, { done: Promise<void>; abort: AbortController; endpoint: string | null }>();
  #timer: NodeJS.Timeout | null = null;
  #scanning: Promise<void> | null = null;
  #again = false;
  #stopped = true;

  constructor(db: Database, options: LeaseWorkerOptions) {
    this.#db = db;
    this.#options = options;
  }

  start(): void {
    this.#stopped = false;
    this.#timer = setInterval(() => this.kick(), this.#options.pollMs);
    this.#timer.unref();
    this.kick();
  }

  /**
   * Looks for due work now (after a commit that queued some, or a failed attempt due again at once).
   * Work queued for `endpoints` that all have a delivery in flight here waits for those to end, which
   * kick again: on a busy endpoint, a claim per commit would find the head held and take nothing.
   */
  kick(endpoints?: readonly string[]): void {
    if (this.#stopped) return;
    if (this.#options.ordered && endpoints?.length) {
      const busy = new Set([...this.#inFlight.values()].map((f) => f.endpoint));
      if (endpoints.every((e) => busy.has(e))) return;
    }
    if (this.#scanning) {
      this.#again = true;
      return;
    }
    this.#scanning = this.#scan()
      .catch((err) => logger.error({ err }, `${this.#options.name} failed`))
      .finally(() => {
        this.#scanning = null;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  /** Stops claiming, signals attempts in flight to stop, and waits for them to record or hand back. */
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
    for (const delivery of await this.#claim(room)) {
      const abort = new AbortController();
      const done = this.#run(delivery, abort.signal)
        .catch((err) => logger.error({ err, delivery_id: delivery.id }, `${this.#options.name}: attempt failed`))
        .finally(() => {
          this.#inFlight.delete(delivery.id);
          this.kick();
        });
      this.#inFlight.set(delivery.id, { done, abort, endpoint: delivery.endpoint_id });
    }
  }

  async #claim(limit: number): Promise<ClaimedDelivery[]> {
    const at = this.#options.now();
    const now = iso(at);
    const lease = iso(new Date(at.getTime() + this.#options.leaseMs));
    const skipLocked = this.#db.engine === 'postgres' ? 'FOR UPDATE OF d SKIP LOCKED' : '';
    const channels = this.#options.channels;
    const inChannels = `d.channel IN (${channels.map(() => '?').join(', ')})`;
    const due = 'd.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?)';
    const order = `ORDER BY d.next_attempt_at, d.created_at, d.id LIMIT ? ${skipLocked}`;
    const params = [lease, this.#owner, ...channels, now, now, limit];
    // Mail has no endpoint: whatever is due, in order.
    if (!this.#options.ordered)
      return this.#db.all<ClaimedDelivery>(
        `UPDATE outbox_deliveries SET lease_until = ?, lease_owner = ?
         WHERE id IN (SELECT d.id FROM outbox_deliveries d
           WHERE d.status = 'pending' AND ${inChannels} AND ${due} ${order})
         RETURNING id, attempts, endpoint_id`,
        params,
      );
    // Only the head of each endpoint's queue: an earlier delivery still pending (a retry due later, or one
    // leased to any process) holds back the endpoint's later ones, and no one else's. The heads are found
    // by skipping from endpoint to endpoint in the pending index, so a claim costs a few lookups per
    // endpoint, however long a backlog of pending deliveries grew.
    return this.#db.all<ClaimedDelivery>(
      `WITH RECURSIVE queues(endpoint_id) AS (
         SELECT MIN(endpoint_id) FROM outbox_deliveries WHERE status = 'pending'
         UNION ALL
         SELECT (SELECT MIN(p.endpoint_id) FROM outbox_deliveries p WHERE p.status = 'pending' AND p.endpoint_id > q.endpoint_id)
         FROM queues q WHERE q.endpoint_id IS NOT NULL
       )
       UPDATE outbox_deliveries SET lease_until = ?, lease_owner = ?
       WHERE id IN (SELECT d.id FROM queues q JOIN outbox_deliveries d ON d.id = (
           SELECT h.id FROM outbox_deliveries h WHERE h.endpoint_id = q.endpoint_id AND h.status = 'pending'
           ORDER BY h.created_at, h.id LIMIT 1)
         WHERE ${inChannels} AND ${due} ${order})
       RETURNING id, attempts, endpoint_id`,
      params,
    );
  }

  async #run(delivery: ClaimedDelivery, signal: AbortSignal): Promise<void> {
    const outcome = await this.#options.attempt(delivery, this.#owner, signal);
    if (!outcome) return;
    if (outcome.kind === 'handBack')
      await this.#db.run(
        'UPDATE outbox_deliveries SET lease_until = NULL, lease_owner = NULL WHERE id = ? AND lease_owner = ?',
        [delivery.id, this.#owner],
      );
    else await this.#record(delivery, outcome);
  }

  async #record(d: ClaimedDelivery, outcome: Extract<AttemptOutcome, { kind: 'attempted' }>): Promise<void> {
    const { result } = outcome;
    const attempts = d.attempts + 1;
    const schedule = this.#options.retryScheduleSeconds;
    const now = this.#options.now();
    const lastTry = outcome.final || attempts > schedule.length;
    const status = result.ok ? 'succeeded' : lastTry ? 'failed' : 'pending';
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
      if (changes > 0 && status !== 'pending') await outcome.settled?.(tx, status);
    });
  }
}

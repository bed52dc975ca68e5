import type { WebhookEventType } from '../../../src/shared/schemas/index.ts';
import type { Queryable } from '../../db/database.ts';
import { newId } from '../ids.ts';
import { iso, json, parseJson } from '../rows.ts';

/**
 * Writes events to the outbox in the caller's transaction, each with one
 * pending delivery per enabled endpoint of the organization subscribed to its
 * type. One read finds the endpoints; an event nobody listens to is neither
 * built (`data` is not called) nor written. Answers the endpoints it queued
 * deliveries for, so the caller can wake the dispatcher after commit.
 */
export async function enqueueEvents(
  tx: Queryable,
  now: Date,
  organizationId: string,
  events: { type: WebhookEventType; data: () => Promise<unknown> }[],
): Promise<string[]> {
  const endpoints = await tx.all<{ id: string; events: string }>(
    'SELECT id, events FROM webhook_endpoints WHERE organization_id = ? AND enabled = 1 ORDER BY created_at, id',
    [organizationId],
  );
  if (endpoints.length === 0) return [];
  const at = iso(now);
  const queued: string[] = [];
  const built = new Map<() => Promise<unknown>, Promise<unknown>>();
  for (const { type, data } of events) {
    const targets = endpoints.filter((e) => parseJson<string[]>(e.events, []).includes(type));
    if (targets.length === 0) continue;
    // Events of one change often share their data (order.created, order.paid): read it once.
    if (!built.has(data)) built.set(data, data());
    const eventId = await insertEvent(tx, organizationId, type, await built.get(data), at);
    for (const target of targets) {
      await insertDelivery(tx, eventId, organizationId, target.id, at);
      queued.push(target.id);
    }
  }
  return queued;
}

/** The event itself: its id is every delivery's `webhook-id`, its payload the exact body signed and sent. */
export async function insertEvent(tx: Queryable, orgId: string, type: string, data: unknown, at: string) {
  const eventId = `msg_${newId().replaceAll('-', '')}`;
  await tx.run('INSERT INTO outbox_events (id, organization_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?)', [
    eventId,
    orgId,
    type,
    json({ type, timestamp: at, data }),
    at,
  ]);
  return eventId;
}

export async function insertDelivery(tx: Queryable, eventId: string, orgId: string, endpointId: string, at: string) {
  const id = newId();
  await tx.run(
    `INSERT INTO outbox_deliveries (id, event_id, organization_id, channel, endpoint_id, status, attempts, next_attempt_at, created_at)
     VALUES (?, ?, ?, 'webhook', ?, 'pending', 0, ?, ?)`,
    [id, eventId, orgId, endpointId, at, at],
  );
  return id;
}

/**
 * Which event types each organization's endpoints listen to, kept briefly in
 * memory so the link click, the hottest path, can tell without a query that
 * nobody listens to `checkout.created`. Endpoint changes in this process
 * clear an organization's entry at once; other processes (PostgreSQL) see
 * them within `ttlMs`.
 */
export class SubscriptionCache {
  readonly #entries = new Map<string, { types: Set<string>; expires: number }>();
  readonly #ttlMs: number;

  constructor(ttlMs = 2_000) {
    this.#ttlMs = ttlMs;
  }

  /** True or false when known and fresh, undefined when it must be loaded. Synchronous: a hit costs no promise. */
  peek(orgId: string, type: string): boolean | undefined {
    const hit = this.#entries.get(orgId);
    return hit && hit.expires > Date.now() ? hit.types.has(type) : undefined;
  }

  async load(q: Queryable, orgId: string, type: string): Promise<boolean> {
    const started = Date.now();
    const rows = await q.all<{ events: string }>(
      'SELECT events FROM webhook_endpoints WHERE organization_id = ? AND enabled = 1',
      [orgId],
    );
    const types = new Set(rows.flatMap((r) => parseJson<string[]>(r.events, [])));
    if (this.#entries.size >= 10_000) this.#entries.clear();
    this.#entries.set(orgId, { types, expires: started + this.#ttlMs });
    return types.has(type);
  }

  invalidate(orgId: string): void {
    this.#entries.delete(orgId);
  }
}

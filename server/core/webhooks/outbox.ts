import type { WebhookEventType } from '../../../src/shared/schemas/index.ts';
import type { Queryable } from '../../db/database.ts';
import { iso, json, parseJson } from '../context.ts';
import { newId } from '../ids.ts';

/**
 * Writes an event to the outbox in the caller's transaction, with one
 * pending delivery per enabled endpoint of the organization subscribed to
 * its type. Nothing is written when no endpoint listens. Answers how many
 * deliveries it queued, so the caller can wake the dispatcher after commit.
 */
export async function enqueueEvent(
  tx: Queryable,
  now: Date,
  organizationId: string,
  type: WebhookEventType,
  data: unknown,
): Promise<number> {
  const endpoints = await subscribedEndpoints(tx, organizationId, type);
  if (endpoints.length === 0) return 0;
  const at = iso(now);
  const eventId = await insertEvent(tx, organizationId, type, data, at);
  for (const endpointId of endpoints) await insertDelivery(tx, eventId, organizationId, endpointId, at);
  return endpoints.length;
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

async function subscribedEndpoints(q: Queryable, orgId: string, type: string): Promise<string[]> {
  const rows = await q.all<{ id: string; events: string }>(
    'SELECT id, events FROM webhook_endpoints WHERE organization_id = ? AND enabled = 1 ORDER BY created_at, id',
    [orgId],
  );
  return rows.filter((r) => parseJson<string[]>(r.events, []).includes(type)).map((r) => r.id);
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

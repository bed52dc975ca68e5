import type { TestServer } from './test-server.ts';

/** Outbox deliveries of `channel` still pending on `server`'s storage (waiting, leased, or due). */
export async function pendingDeliveries(server: TestServer, channel: 'webhook' | 'receipt'): Promise<number> {
  const row = await server.ctx.db.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM outbox_deliveries WHERE channel = ? AND status = ?',
    [channel, 'pending'],
  );
  return Number(row?.n);
}

/** Resolves once no delivery of `channel` is pending: a receiver's answer comes before the outbox records it. */
export async function deliveriesSettled(server: TestServer, channel: 'webhook' | 'receipt'): Promise<void> {
  while ((await pendingDeliveries(server, channel)) > 0) await new Promise((r) => setTimeout(r, 20));
}

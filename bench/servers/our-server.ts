import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { newId, newSecret, newSessionSecret } from '../../server/core/ids.ts';
import { sweepExpiredSessions } from '../../server/core/sweep.ts';
import { createWebhookEndpoint } from '../../server/core/webhooks/endpoints.ts';
import { startServer } from '../../server/start.ts';
import { printBatchStatsAtExit } from '../lib/batch-stats.ts';

/**
 * The real server, in its own process, on a fresh data folder with the demo
 * seed. `FILL_SESSIONS` and `FILL_LINKS` pre-load storage for the growth
 * measurements; `WEBHOOK_RECEIVER_URL` subscribes an endpoint there to
 * `checkout.created`, so every link click queues a webhook. Prints one JSON
 * line with what the bench needs.
 */
// Set CHECKOUT_LINK_BATCH_STATS to see how many rows each SQLite group commit carried.
if (process.env.CHECKOUT_LINK_BATCH_STATS) printBatchStatsAtExit();
const dataDir = mkdtempSync(join(tmpdir(), 'checkout-link-bench-'));
const running = await startServer(
  loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_PORT: 'off',
    DEMO_API_TOKEN: 'bench_token_0123456789abcdef',
    RATE_LIMIT_PER_MINUTE: '100000000',
    // Every request of the load comes from one address.
    REDIRECT_RATE_LIMIT_PER_MINUTE: '100000000',
    ...process.env,
  }),
);
const db = running.ctx.db;
const demo = running.demo!;
const link = await db.get<{ id: string; organization_id: string }>(
  'SELECT id, organization_id FROM checkout_links WHERE client_secret = ?',
  [demo.linkSecret],
);

const fillLinks = Number(process.env.FILL_LINKS ?? 0);
const fillSessions = Number(process.env.FILL_SESSIONS ?? 0);
if (fillLinks || fillSessions) {
  const product = await db.get<{ product_id: string }>(
    'SELECT product_id FROM checkout_link_products WHERE checkout_link_id = ?',
    [link!.id],
  );
  const now = new Date().toISOString();
  await db.transaction(async (tx) => {
    for (let i = 0; i < fillLinks; i++) {
      const id = newId();
      await tx.run(
        `INSERT INTO checkout_links (id, organization_id, label, client_secret, allow_discount_codes, metadata, created_at)
         VALUES (?, ?, ?, ?, 1, '{}', ?)`,
        [id, link!.organization_id, `Link ${i}`, newSecret('cl_'), now],
      );
      await tx.run('INSERT INTO checkout_link_products (checkout_link_id, product_id, position) VALUES (?, ?, 0)', [
        id,
        product!.product_id,
      ]);
    }
    const expires =
      process.env.FILL_EXPIRED === '1'
        ? new Date(Date.now() - 30 * 86_400_000).toISOString()
        : new Date(Date.now() + 86_400_000).toISOString();
    for (let i = 0; i < fillSessions; i++) {
      const sessionId = newId();
      await tx.run(
        `INSERT INTO checkout_sessions (id, organization_id, client_secret, checkout_link_id, status, expires_at, product_id, product_ids,
           allow_discount_codes, created_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?, 1, ?)`,
        [
          sessionId,
          link!.organization_id,
          newSessionSecret(sessionId),
          link!.id,
          expires,
          product!.product_id,
          `["${product!.product_id}"]`,
          now,
        ],
      );
    }
  });
}

if (process.env.WEBHOOK_RECEIVER_URL)
  await createWebhookEndpoint(running.ctx, link!.organization_id, {
    url: process.env.WEBHOOK_RECEIVER_URL,
    events: ['checkout.created'],
  });

let sweep: { ms: number; expired: number; deleted: number; before: number; after: number } | null = null;
if (process.env.RUN_SWEEP === '1') {
  const file = join(dataDir, 'checkout-link.sqlite');
  await db.compact(); // fold the fill's WAL into the file first, so sizes compare like for like
  const before = statSync(file).size;
  const t0 = performance.now();
  const result = await sweepExpiredSessions(running.ctx, 7 * 86_400);
  sweep = { ms: performance.now() - t0, ...result, before, after: statSync(file).size };
}

console.log(
  JSON.stringify({
    sweep,
    demoUrl: running.demoUrl,
    url: running.url,
    linkUrl: demo.linkUrl.replace('localhost', '127.0.0.1'),
    linkSecret: demo.linkSecret,
    dataDir,
    pid: process.pid,
  }),
);
process.on('SIGTERM', () => running.close().finally(() => process.exit(0)));

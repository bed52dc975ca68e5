import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startChild } from '../helpers/child-server.ts';
import { createLink, createProduct } from '../helpers/factories.ts';
import { testServers } from '../helpers/test-server.ts';

const servers = testServers();
const children: ChildProcess[] = [];
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await servers.stopAll();
});

const LIMIT = 100;
/** SessionRateLimit's block at this limit: what each process may hold unspent, refused to the other. */
const BLOCK = Math.ceil(LIMIT / 50);

test('the widget limit holds across two server processes on one storage, within one block per process', async () => {
  const owner = await servers.start();
  const link = await createLink(owner, [(await createProduct(owner)).id]);
  const urls: string[] = [];
  for (let i = 0; i < 2; i++) {
    const { url, child } = await startChild(owner.dataDir, 'none', { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    children.push(child);
    urls.push(url);
  }
  // The count is per minute: start early in one, so the whole burst falls in it.
  if (new Date().getSeconds() > 45) await sleep((61 - new Date().getSeconds()) * 1000);
  const window = Math.floor(Date.now() / 60_000);

  const statuses: number[] = [];
  const burst = async (url: string, n: number) => {
    for (let i = 0; i < n; i++) {
      const res = await fetch(`${url}/v1/checkout-links/${link.client_secret}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
  };
  // Eight clients on each process at once, 160 requests in all: more than the limit through both.
  await Promise.all(urls.flatMap((url) => Array.from({ length: 8 }, () => burst(url, 10))));
  assert.equal(Math.floor(Date.now() / 60_000), window, 'the burst stayed in one minute window');

  const accepted = statuses.filter((s) => s === 201).length;
  const refused = statuses.filter((s) => s === 429).length;
  assert.equal(accepted + refused, 160, `only 201 and 429: ${[...new Set(statuses)]}`);
  assert.ok(accepted <= LIMIT, `never more than the limit over both processes (accepted ${accepted})`);
  assert.ok(accepted >= LIMIT - 2 * BLOCK, `refused early by at most a block per process (accepted ${accepted})`);
  const stored = await owner.ctx.db.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM checkout_sessions WHERE checkout_link_id = ?',
    [link.id],
  );
  assert.equal(Number(stored?.n), accepted, 'a session for each 201, none for a 429');
});

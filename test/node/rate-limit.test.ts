import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { RedirectRateLimit } from '../../server/http/rate-limit.ts';
import { createLink, createProduct } from '../helpers/factories.ts';
import { type TestServer, testServers } from '../helpers/test-server.ts';

const servers = testServers();
after(() => servers.stopAll());

test('the widget endpoint is rate-limited per client address, counted in storage so every instance agrees', async () => {
  const a = await servers.start({ RATE_LIMIT_PER_MINUTE: '3' });
  const b = await servers.sharing(a, { RATE_LIMIT_PER_MINUTE: '3' });
  const link = await createLink(a, [(await createProduct(a)).id]);
  const post = (server: TestServer) =>
    fetch(`${server.url}/v1/checkout-links/${link.client_secret}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
  const statuses = [(await post(a)).status, (await post(b)).status, (await post(a)).status];
  // A new minute window may start mid-test; then the count restarts and all pass: retry once.
  const fourth = await post(b);
  if (fourth.status === 201)
    return assert.ok(new Date().getSeconds() < 2, 'only a window change excuses a 4th session');
  assert.deepEqual(statuses, [201, 201, 201]);
  assert.equal(fourth.status, 429);
  const body = await fourth.json();
  assert.equal(body.error, 'rate_limited');
  assert.ok(Number(fourth.headers.get('retry-after')) > 0);
  assert.equal(fourth.headers.get('ratelimit-remaining'), '0');
  const redirect = await fetch(link.url, { redirect: 'manual' });
  assert.equal(redirect.status, 307, 'people opening the shared link are not limited');
});

test('the redirect limit decides in memory and agrees across instances once each has flushed its counts', async () => {
  const a = await servers.start();
  const b = await servers.sharing(a);
  const address = `192.0.2.${Math.floor(Math.random() * 250)}`;
  const onA = new RedirectRateLimit(a.ctx.db, 3);
  const onB = new RedirectRateLimit(b.ctx.db, 3);
  const window = Math.floor(Date.now() / 60_000);
  assert.deepEqual([onA.hit(address), onA.hit(address)], [true, true]);
  await onA.flush();
  assert.equal(onB.hit(address), true, 'B has not heard of A yet: the third hit is allowed anyway');
  await onB.flush();
  const fourth = onB.hit(address);
  if (Math.floor(Date.now() / 60_000) !== window) return; // a new minute restarted the count
  assert.equal(fourth, false, "B counts A's two hits and its own: the fourth is refused");
  assert.equal(onB.hit('198.51.100.1'), true, 'another address has its own count');
});

test('hits made while a flush is on its way to storage still count', async () => {
  const a = await servers.start();
  // flushMs 0: the first hit starts a flush at once, and the next three arrive while it is under way.
  const limit = new RedirectRateLimit(a.ctx.db, 3, 0);
  const address = `192.0.2.${Math.floor(Math.random() * 250)}`;
  const window = Math.floor(Date.now() / 60_000);
  const hits = [1, 2, 3, 4].map(() => limit.hit(address));
  await limit.flush();
  if (Math.floor(Date.now() / 60_000) !== window) return; // a new minute restarted the count
  assert.deepEqual(hits, [true, true, true, false], 'the fourth hit is over the limit of 3');
  assert.equal(limit.hit(address), false, 'and so is the fifth, once storage answered');
});

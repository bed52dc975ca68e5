import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sweepExpiredSessions } from '../../server/core/sweep.ts';
import { createDiscount, createLink, createProduct, getSession, openLink } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('session lifecycle: expiry, the sweep, concurrent confirms, restarts', () => {
  const servers: TestServer[] = [];
  after(async () => {
    for (const s of servers) await s.stop().catch(() => {});
  });

  test('a session past expires_at is expired whatever storage says: 410 on edits, the page offers the link again', async () => {
    const server = await startTestServer({ CHECKOUT_TTL_SECONDS: '60' });
    servers.push(server);
    const link = await createLink(server, [(await createProduct(server)).id]);
    const { secret } = await openLink(link.url);
    const fresh = await getSession(server, secret);
    assert.equal(fresh.body.status, 'open');
    const ttl = Date.parse(fresh.body.expires_at) - Date.parse(fresh.body.created_at);
    assert.equal(ttl, 60_000, 'CHECKOUT_TTL_SECONDS sets the lifetime');

    // Travel past the expiry: the row still says "open".
    server.ctx.now = () => new Date(Date.now() + 61_000);
    const stale = await getSession(server, secret);
    assert.equal(stale.body.status, 'expired');
    assert.equal(stale.body.link_url, link.url, 'the expired page can start again through the link');
    const patch = await server.api(`/v1/checkouts/client/${secret}`, {
      method: 'PATCH',
      body: { customer_name: 'x' },
      token: null,
    });
    assert.equal(patch.status, 410);
    assert.equal(patch.body.error, 'checkout_expired');
    const confirm = await server.api(`/v1/checkouts/client/${secret}/confirm`, {
      body: { card_number: '4242424242424242' },
      token: null,
    });
    assert.equal(confirm.status, 410);
    const page = await fetch(`${server.url}/checkout/${secret}`);
    assert.equal(page.status, 200, 'the page still renders, in its expired state');
    const restart = await openLink(link.url);
    assert.notEqual(restart.secret, secret, 'the link always makes a fresh session');
  });

  test('the sweep marks abandoned sessions expired and deletes them after the retention', async () => {
    const server = await startTestServer({ CHECKOUT_TTL_SECONDS: '60' });
    servers.push(server);
    const link = await createLink(server, [(await createProduct(server)).id]);
    for (let i = 0; i < 5; i++) await openLink(link.url);
    const paid = await openLink(link.url, { customer_email: 'keep@example.com' });
    await server.api(`/v1/checkouts/client/${paid.secret}/confirm`, {
      body: { card_number: '4242424242424242' },
      token: null,
    });

    server.ctx.now = () => new Date(Date.now() + 120_000);
    assert.deepEqual(await sweepExpiredSessions(server.ctx, 3600), { expired: 5, deleted: 0 });
    const statuses = await server.ctx.db.all<{ status: string }>(
      'SELECT status FROM checkout_sessions ORDER BY status',
    );
    assert.deepEqual(
      statuses.map((r) => r.status),
      ['expired', 'expired', 'expired', 'expired', 'expired', 'succeeded'],
    );

    server.ctx.now = () => new Date(Date.now() + 120_000 + 3_600_000);
    assert.deepEqual(await sweepExpiredSessions(server.ctx, 3600), { expired: 0, deleted: 5 });
    const left = await server.ctx.db.all<{ status: string }>('SELECT status FROM checkout_sessions');
    assert.deepEqual(
      left.map((r) => r.status),
      ['succeeded'],
      'paid sessions are kept',
    );
  });

  test('50 concurrent confirms of one session make exactly one order and one redemption', async () => {
    const server = await startTestServer();
    servers.push(server);
    await createDiscount(server, { code: 'ONCE', max_redemptions: 1 });
    const link = await createLink(server, [(await createProduct(server)).id]);
    const { secret } = await openLink(link.url, { customer_email: 'race@example.com', discount_code: 'ONCE' });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        server.api(`/v1/checkouts/client/${secret}/confirm`, {
          body: { card_number: '4242424242424242' },
          token: null,
        }),
      ),
    );
    assert.deepEqual(new Set(results.map((r) => r.status)), new Set([200]));
    const orderIds = new Set(results.map((r) => r.body.order_id));
    assert.equal(orderIds.size, 1);
    const orders = await server.api('/v1/orders');
    assert.equal(orders.body.pagination.total_count, 1);
    assert.equal(orders.body.items[0].discount_amount, 500);
    const discount = (await server.api('/v1/discounts')).body.items[0];
    assert.equal(discount.redemptions_count, 1);

    const second = await openLink(link.url, { discount_code: 'ONCE' });
    const s = await getSession(server, second.secret);
    assert.equal(s.body.discount, null, 'a fully redeemed code no longer applies');
  });

  test('a declined payment holds no discount redemption', async () => {
    const server = await startTestServer();
    servers.push(server);
    await createDiscount(server, { code: 'ONE', max_redemptions: 1 });
    const link = await createLink(server, [(await createProduct(server)).id]);
    const a = await openLink(link.url, { customer_email: 'a@example.com', discount_code: 'ONE' });
    const declined = await server.api(`/v1/checkouts/client/${a.secret}/confirm`, {
      body: { card_number: '4000000000000002' },
      token: null,
    });
    assert.equal(declined.status, 402);
    assert.equal((await server.api('/v1/discounts')).body.items[0].redemptions_count, 0);
    const b = await openLink(link.url, { customer_email: 'b@example.com', discount_code: 'ONE' });
    const paid = await server.api(`/v1/checkouts/client/${b.secret}/confirm`, {
      body: { card_number: '4242424242424242' },
      token: null,
    });
    assert.equal(paid.body.discount_amount, 500, 'the other customer can still use it');
  });

  test('a restart keeps everything: links, sessions, orders, tokens', async () => {
    const first = await startTestServer();
    const link = await createLink(first, [(await createProduct(first)).id], { metadata: { kept: true } });
    const { secret } = await openLink(link.url, { customer_email: 'persist@example.com' });
    await first.api(`/v1/checkouts/client/${secret}/confirm`, {
      body: { card_number: '4242424242424242' },
      token: null,
    });
    const token = first.token;
    await first.stop({ keepData: true });

    const second = await startTestServer({}, first.dataDir);
    servers.push(second);
    const again = await second.api(`/v1/checkout-links/${link.id}`, { token });
    assert.equal(again.status, 200, 'the old token still works');
    assert.deepEqual(again.body.metadata, { kept: true });
    const session = await getSession(second, secret);
    assert.equal(session.body.status, 'succeeded');
    const orders = await second.api('/v1/orders', { token });
    assert.equal(orders.body.items[0].customer_email, 'persist@example.com');
    const redirect = await fetch(link.url.replace(first.url, second.url), { redirect: 'manual' });
    assert.equal(redirect.status, 307, 'the link URL keeps working');
  });

  test('the status stream sends the change to succeeded without polling', async () => {
    const server = await startTestServer();
    servers.push(server);
    const link = await createLink(server, [(await createProduct(server)).id]);
    const { secret } = await openLink(link.url, { customer_email: 'sse@example.com' });
    const controller = new AbortController();
    const res = await fetch(`${server.url}/v1/checkouts/client/${secret}/stream`, { signal: controller.signal });
    assert.match(res.headers.get('content-type')!, /text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    await readUntil('"status":"open"');
    await server.api(`/v1/checkouts/client/${secret}/confirm`, {
      body: { card_number: '4242424242424242' },
      token: null,
    });
    await readUntil('"status":"succeeded"');
    assert.match(text, /event: status\ndata: \{[^}]*"status":"succeeded"/);
    controller.abort();
  });
});

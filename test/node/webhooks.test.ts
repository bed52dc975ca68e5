import assert from 'node:assert/strict';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import { refusedAddress } from '../../server/core/webhooks/address-guard.ts';
import {
  createDiscount,
  createLink,
  createProduct,
  createSubscriptionProduct,
  openLink,
} from '../helpers/factories.ts';
import { deliveriesSettled } from '../helpers/outbox.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { startReceiver } from '../helpers/webhook-receiver.ts';

const CARD = '4242424242424242';
const FAST = { WEBHOOK_POLL_MS: '50', WEBHOOK_RETRY_SCHEDULE_SECONDS: '0,0', WEBHOOK_TIMEOUT_MS: '2000' };

async function buyThroughLink(server: TestServer, linkUrl: string, email: string) {
  const { secret } = await openLink(linkUrl, { customer_email: email });
  const paid = await server.api(`/v1/checkouts/client/${secret}/confirm`, { body: { card_number: CARD }, token: null });
  assert.equal(paid.status, 200, JSON.stringify(paid.body));
  return paid.body;
}

/** The deliveries of an endpoint once none is pending (newest first). */
async function settledDeliveries(server: TestServer, endpointId: string) {
  for (;;) {
    const list = await server.api(`/v1/webhooks/deliveries?endpoint_id=${endpointId}`);
    if (!list.body.items.some((d: { status: string }) => d.status === 'pending')) return list.body.items;
    await sleep(20);
  }
}

describe('webhooks (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  /** A fast-retrying server, a receiver answering `respond`, an endpoint for `events`, and a link to buy through. */
  async function setup(respond: (n: number) => number, events: string[], productFactory = createProduct) {
    const server = await startTestServer(FAST);
    cleanups.push(() => server.stop());
    const receiver = await startReceiver(respond);
    cleanups.push(receiver.close);
    const endpoint = await server.api('/v1/webhooks/endpoints', { body: { url: receiver.url, events } });
    assert.equal(endpoint.status, 201, JSON.stringify(endpoint.body));
    const link = await createLink(server, [(await productFactory(server)).id], { metadata: { crm_id: 'lead-42' } });
    return { server, receiver, endpoint: endpoint.body, link };
  }

  test('a purchase through a link delivers order.created and order.paid, signed, carrying the link metadata', async () => {
    const { server, receiver, endpoint, link } = await setup(() => 200, ['order.created', 'order.paid']);
    const created = { body: endpoint };
    assert.match(created.body.secret, /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
    assert.ok(Buffer.from(created.body.secret.slice(6), 'base64').length >= 24);
    assert.deepEqual(created.body.events, ['order.created', 'order.paid']);
    assert.equal(created.body.enabled, true);
    const listed = await server.api('/v1/webhooks/endpoints');
    assert.equal(listed.body.items.length, 1);
    assert.equal(listed.body.items[0].secret, undefined, 'the secret is shown on create and rotation only');

    const paid = await buyThroughLink(server, link.url, 'ada@example.com');
    await receiver.waitFor(2);

    const wh = new Webhook(created.body.secret);
    const events = receiver.received.map((r) => {
      const verified = wh.verify(r.body, r.headers as Record<string, string>) as { type: string; data: any };
      assert.equal(r.headers['content-type'], 'application/json');
      assert.match(String(r.headers['user-agent']), /checkout-link/);
      return verified;
    });
    assert.deepEqual(events.map((e) => e.type).sort(), ['order.created', 'order.paid']);
    const order = await server.api(`/v1/orders/${paid.order_id}`);
    assert.equal(order.status, 200);
    for (const e of events) {
      assert.deepEqual(e.data, order.body, 'data is the order exactly as GET /v1/orders/{id} answers it');
      assert.equal(e.data.metadata.crm_id, 'lead-42');
    }
    assert.notEqual(receiver.at(0).headers['webhook-id'], receiver.at(1).headers['webhook-id']);

    const forged = { ...receiver.at(0).headers, 'webhook-signature': 'v1,AAAA' } as unknown as Record<string, string>;
    assert.throws(() => wh.verify(receiver.at(0).body, forged), 'a bad signature does not verify');

    await deliveriesSettled(server, 'webhook');
    const deliveries = await server.api(`/v1/webhooks/deliveries?endpoint_id=${created.body.id}`);
    assert.equal(deliveries.status, 200);
    assert.equal(deliveries.body.items.length, 2);
    for (const d of deliveries.body.items) {
      assert.equal(d.status, 'succeeded');
      assert.equal(d.attempts, 1);
      assert.equal(d.last_response_status, 200);
    }

    const rotated = await server.api(`/v1/webhooks/endpoints/${created.body.id}/secret`, { body: {} });
    assert.equal(rotated.status, 200);
    assert.notEqual(rotated.body.secret, created.body.secret);
    const test = await server.api(`/v1/webhooks/endpoints/${created.body.id}/test`, { body: {} });
    assert.equal(test.status, 202);
    await receiver.waitFor(3);
    const probe = new Webhook(rotated.body.secret).verify(
      receiver.at(2).body,
      receiver.at(2).headers as Record<string, string>,
    ) as { type: string };
    assert.equal(probe.type, 'webhook.test', 'the test event is signed with the rotated secret');
  });

  test('a subscription purchase delivers subscription.created and subscription.active; unsubscribed types are not sent', async () => {
    const { server, receiver, link } = await setup(() => 200, ['subscription.active'], createSubscriptionProduct);
    const paid = await buyThroughLink(server, link.url, 'sub@example.com');
    await receiver.waitFor(1);
    const one = await buyThroughLink(server, link.url, 'sub2@example.com');
    await receiver.waitFor(2);
    const types = receiver.received.map((r) => JSON.parse(r.body).type);
    assert.deepEqual(types, ['subscription.active', 'subscription.active']);
    const sub = await server.api(`/v1/subscriptions/${paid.subscription_id}`);
    assert.deepEqual(JSON.parse(receiver.at(0).body).data, sub.body);
    assert.equal(JSON.parse(receiver.at(1).body).data.id, one.subscription_id);
  });

  test('a receiver answering 500, 500, then 200 gets three attempts with one webhook-id; redeliver sends it again', async () => {
    const { server, receiver, endpoint, link } = await setup((n) => (n < 2 ? 500 : 200), ['order.paid']);
    await buyThroughLink(server, link.url, 'retry@example.com');
    await receiver.waitFor(3);
    assert.deepEqual(
      receiver.received.map((r) => r.answered),
      [500, 500, 200],
    );
    const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    assert.equal(ids.size, 1, 'every attempt of one delivery carries the same webhook-id');

    const [delivery] = await settledDeliveries(server, endpoint.id);
    assert.equal(delivery.status, 'succeeded');
    assert.equal(delivery.attempts, 3);
    assert.equal(delivery.last_response_status, 200);

    const again = await server.api(`/v1/webhooks/deliveries/${delivery.id}/redeliver`, { body: {} });
    assert.equal(again.status, 202);
    await receiver.waitFor(4);
    assert.equal(receiver.at(3).headers['webhook-id'], [...ids][0]);
  });

  test('a receiver that keeps failing: the delivery fails after the last attempt; a redirect is not followed', async () => {
    const { server, receiver, endpoint, link } = await setup(() => 302, ['order.paid']);
    await buyThroughLink(server, link.url, 'fail@example.com');
    await receiver.waitFor(3);
    const [delivery] = await settledDeliveries(server, endpoint.id);
    assert.equal(delivery.status, 'failed');
    assert.equal(delivery.attempts, 3);
    assert.equal(delivery.last_response_status, 302);
    assert.match(delivery.last_error, /redirect/);
    assert.equal(receiver.received.length, 3, 'nothing after the last attempt');
  });

  test('an endpoint that fails 10 deliveries in a row is disabled; a success in between resets the count', async () => {
    // Deliveries 1-9 fail (three attempts each), the 10th succeeds at once, then 11-20 fail.
    const { server, receiver, endpoint } = await setup((n) => (n === 27 ? 200 : 500), ['order.paid']);
    const sendTests = async (count: number) => {
      for (let i = 0; i < count; i++)
        assert.equal((await server.api(`/v1/webhooks/endpoints/${endpoint.id}/test`, { body: {} })).status, 202);
      await settledDeliveries(server, endpoint.id);
    };
    await sendTests(10);
    assert.equal(receiver.received.length, 28);
    assert.equal((await server.api(`/v1/webhooks/endpoints/${endpoint.id}`)).body.enabled, true);
    await sendTests(9);
    assert.equal((await server.api(`/v1/webhooks/endpoints/${endpoint.id}`)).body.enabled, true, '9 in a row');
    await sendTests(1);
    const disabled = (await server.api(`/v1/webhooks/endpoints/${endpoint.id}`)).body;
    assert.equal(disabled.enabled, false, '10 in a row');
    assert.equal(disabled.disabled_reason, 'disabled after 10 failed deliveries in a row');
    assert.equal(receiver.received.length, 58);

    // Nothing more goes out while disabled; enabling it again clears the reason.
    await sendTests(1);
    assert.equal(receiver.received.length, 58);
    const [last] = await settledDeliveries(server, endpoint.id);
    assert.equal(last.status, 'failed');
    assert.equal(last.last_error, 'the endpoint is disabled');
    const enabled = await server.api(`/v1/webhooks/endpoints/${endpoint.id}`, {
      method: 'PATCH',
      body: { enabled: true },
    });
    assert.equal(enabled.body.enabled, true);
    assert.equal(enabled.body.disabled_reason, null);
  });

  test('bad URLs and unknown event types are 422 naming them; private targets need the development switch', async () => {
    const server = await startTestServer({ PUBLIC_URL: 'https://shop.example.com' });
    cleanups.push(() => server.stop());
    const create = (body: unknown) => server.api('/v1/webhooks/endpoints', { body });
    for (const url of ['javascript:alert(1)', 'ftp://example.com/x', 'not a url', 'https://user:pw@example.com/']) {
      const r = await create({ url, events: ['order.paid'] });
      assert.equal(r.status, 422, url);
      assert.deepEqual(r.body.detail[0].loc, ['body', 'url']);
    }
    const unknown = await create({ url: 'https://example.com/hooks', events: ['order.paid', 'order.refunded'] });
    assert.equal(unknown.status, 422);
    assert.deepEqual(unknown.body.detail[0].loc, ['body', 'events', 1]);
    assert.match(unknown.body.detail[0].msg, /order\.refunded/);
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost/x',
      'http://10.1.2.3/x',
      'http://[::1]/x',
      'http://[::ffff:192.168.0.1]/x',
      'http://169.254.169.254/latest/meta-data',
    ]) {
      const r = await create({ url, events: ['order.paid'] });
      assert.equal(r.status, 422, url);
      assert.match(r.body.detail[0].msg, /not an allowed webhook target/);
    }
    assert.equal((await create({ url: 'https://example.com/hooks', events: ['order.paid'] })).status, 201);

    const dev = await startTestServer({ PUBLIC_URL: 'https://shop.example.com', WEBHOOK_ALLOW_PRIVATE: '1' });
    cleanups.push(() => dev.stop());
    const ok = await dev.api('/v1/webhooks/endpoints', {
      body: { url: 'http://127.0.0.1:9/x', events: ['order.paid'] },
    });
    assert.equal(ok.status, 201, 'the switch allows loopback');
    for (const url of ['http://169.254.169.254/x', 'http://0.0.0.0/x', 'http://[fe80::1]/x']) {
      const r = await dev.api('/v1/webhooks/endpoints', { body: { url, events: ['order.paid'] } });
      assert.equal(r.status, 422, `${url} is refused even with the switch`);
    }
  });

  test('a name resolving to a private address is refused at delivery time without the switch', async (t) => {
    // The machine's own name passes the check at creation (it is not an IP) but resolves to loopback or a private address.
    const name = hostname();
    const resolved = await lookup(name).catch(() => null);
    if (!resolved || !refusedAddress(resolved.address, false))
      return t.skip(`${name} does not resolve to a private address here`);
    const server = await startTestServer({ ...FAST, PUBLIC_URL: 'https://shop.example.com' });
    cleanups.push(() => server.stop());
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const port = new URL(receiver.url).port;
    const endpoint = await server.api('/v1/webhooks/endpoints', {
      body: { url: `http://${name}:${port}/hooks`, events: ['order.paid'] },
    });
    assert.equal(endpoint.status, 201, JSON.stringify(endpoint.body));
    const sent = await server.api(`/v1/webhooks/endpoints/${endpoint.body.id}/test`, { body: {} });
    let d = await server.api(`/v1/webhooks/deliveries/${sent.body.id}`);
    while (d.body.status === 'pending') d = await server.api(`/v1/webhooks/deliveries/${sent.body.id}`);
    assert.equal(d.body.status, 'failed');
    assert.match(d.body.last_error, /private or loopback/);
    assert.equal(receiver.received.length, 0);
  });
});

describe('checkout events (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  test('checkout.created built at the click is the checkout GET answers: a link discount, a code, the widget endpoint', async () => {
    const server = await startTestServer(FAST);
    const receiver = await startReceiver();
    try {
      const product = await createProduct(server);
      const own = await createDiscount(server, { code: 'LINKOWN', basis_points: 1000 });
      await createDiscount(server, { code: 'TYPED', basis_points: 3000 });
      const withOwn = await createLink(server, [product.id], { discount_id: own.id, metadata: { k: 'v' } });
      const withCodes = await createLink(server, [product.id], { allow_discount_codes: true });
      await server.api('/v1/webhooks/endpoints', { body: { url: receiver.url, events: ['checkout.created'] } });
      await openLink(withOwn.url, { customer_name: 'Ada' });
      const widget = await fetch(withCodes.url.replace('/redirect', '/sessions'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ discount_code: 'TYPED', customer_email: 'w@example.com', quantity: 1 }),
      });
      assert.equal(widget.status, 201);
      await receiver.waitFor(2);
      const events = receiver.received.map((r) => JSON.parse(r.body));
      for (const event of events) {
        const view = await server.api(`/v1/checkouts/${event.data.id}`);
        assert.deepEqual(event.data, view.body, 'data is the checkout as GET /v1/checkouts/{id} answers it');
      }
      assert.deepEqual(events.map((e) => e.data.discount?.code).sort(), ['LINKOWN', 'TYPED']);
    } finally {
      await server.stop();
      await receiver.close();
    }
  });

  test('checkout.created on a link click, checkout.updated on success, checkout.expired from the sweep', async () => {
    const server = await startTestServer(FAST);
    const receiver = await startReceiver();
    try {
      const link = await createLink(server, [(await createProduct(server)).id], { metadata: { source: 'bio' } });
      const before = await openLink(link.url);
      const endpoint = await server.api('/v1/webhooks/endpoints', {
        body: { url: receiver.url, events: ['checkout.created', 'checkout.updated', 'checkout.expired'] },
      });
      assert.equal(endpoint.status, 201);
      const clicked = await openLink(link.url, { customer_email: 'c@example.com' });
      await receiver.waitFor(1);
      const created = JSON.parse(receiver.at(0).body);
      assert.equal(created.type, 'checkout.created');
      const view = await server.api(`/v1/checkouts/${created.data.id}`);
      assert.deepEqual(created.data, view.body, 'data is the checkout as GET /v1/checkouts/{id} answers it');
      assert.equal(created.data.client_secret, clicked.secret);
      assert.equal(created.data.metadata.source, 'bio');

      const paid = await server.api(`/v1/checkouts/client/${clicked.secret}/confirm`, {
        body: { card_number: CARD },
        token: null,
      });
      assert.equal(paid.status, 200);
      await receiver.waitFor(2);
      const updated = JSON.parse(receiver.at(1).body);
      assert.equal(updated.type, 'checkout.updated');
      assert.equal(updated.data.status, 'succeeded');
      assert.equal(updated.data.order_id, paid.body.order_id);

      await settledDeliveries(server, endpoint.body.id);
      // The session opened before the endpoint existed expires now: its event still goes out.
      const later = new Date(Date.now() + 2 * 86_400_000);
      server.ctx.now = () => later;
      const { sweepExpiredSessions } = await import('../../server/core/sweep.ts');
      const swept = await sweepExpiredSessions(server.ctx, 7 * 86_400);
      assert.equal(swept.expired, 1);
      await receiver.waitFor(3);
      const expired = JSON.parse(receiver.at(2).body);
      assert.equal(expired.type, 'checkout.expired');
      assert.equal(expired.data.client_secret, before.secret);
      assert.equal(expired.data.status, 'expired');
      assert.equal(receiver.received.length, 3);
    } finally {
      await server.stop();
      await receiver.close();
    }
  });
});

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, describe, test } from 'node:test';
import { startChild } from '../helpers/child-server.ts';
import { createLink, createProduct, openLink } from '../helpers/factories.ts';
import { deliveriesSettled, pendingDeliveries } from '../helpers/outbox.ts';
import { startTestServer } from '../helpers/test-server.ts';
import { startReceiver } from '../helpers/webhook-receiver.ts';

const CARD = '4242424242424242';
const FAST = { WEBHOOK_POLL_MS: '20', WEBHOOK_RETRY_SCHEDULE_SECONDS: '0,0', WEBHOOK_TIMEOUT_MS: '1000' };

describe('webhooks survive crashes and share work across processes (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  test('SIGKILL while an event is claimed but unsent, restart on the same data: delivered once', async () => {
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const setup = await startTestServer();
    const endpoint = await setup.api('/v1/webhooks/endpoints', { body: { url: receiver.url, events: ['order.paid'] } });
    assert.equal(endpoint.status, 201);
    const link = await createLink(setup, [(await createProduct(setup)).id]);
    await setup.stop({ keepData: true });

    // A lease (twice the timeout) that outlasts the restart below on a loaded machine, so the crash is seen pending.
    const { url, child } = await startChild(setup.dataDir, 'before-webhook-send', {
      ...FAST,
      WEBHOOK_TIMEOUT_MS: '3000',
    });
    const exited = once(child, 'exit');
    const { secret } = await openLink(link.url.replace(setup.url, url), { customer_email: 'kill@example.com' });
    // The child may die before or after answering: the order is committed either way.
    await fetch(`${url}/v1/checkouts/client/${secret}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ card_number: CARD }),
    }).catch(() => null);
    const [, signal] = await exited;
    assert.equal(signal, 'SIGKILL', 'the child died holding the claimed delivery');
    assert.equal(receiver.received.length, 0);

    const server = await startTestServer(FAST, setup.dataDir);
    cleanups.push(() => server.stop());
    assert.equal(await pendingDeliveries(server, 'webhook'), 1, 'the crash left the delivery pending in the outbox');
    await receiver.waitFor(1);
    await deliveriesSettled(server, 'webhook');
    const [delivery] = (await server.api(`/v1/webhooks/deliveries?endpoint_id=${endpoint.body.id}`)).body.items;
    assert.equal(delivery.status, 'succeeded');
    assert.equal(delivery.attempts, 1, 'the killed claim was not an attempt');
    assert.equal(receiver.received.length, 1, 'delivered once');
    assert.equal(JSON.parse(receiver.at(0).body).type, 'order.paid');
  });

  test('two servers on one database deliver each event exactly once', async () => {
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    // A lease long enough that only a real double claim, not a slow attempt on a loaded machine, could send twice.
    const env = { ...FAST, WEBHOOK_TIMEOUT_MS: '15000' };
    const a = await startTestServer(env);
    const b = await startTestServer(env, a.dataDir);
    cleanups.push(() => a.stop());
    cleanups.push(() => b.stop({ keepData: true }));
    await a.api('/v1/webhooks/endpoints', { body: { url: receiver.url, events: ['order.created', 'order.paid'] } });
    const link = await createLink(a, [(await createProduct(a)).id]);
    const purchases = 12;
    await Promise.all(
      Array.from({ length: purchases }, async (_, i) => {
        const server = i % 2 ? b : a;
        const { secret } = await openLink(link.url.replace(a.url, server.url), {
          customer_email: `p${i}@example.com`,
        });
        const paid = await server.api(`/v1/checkouts/client/${secret}/confirm`, {
          body: { card_number: CARD },
          token: null,
        });
        assert.equal(paid.status, 200);
      }),
    );
    await receiver.waitFor(purchases * 2);
    await deliveriesSettled(a, 'webhook');
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    assert.equal(ids.length, purchases * 2);
    assert.equal(new Set(ids).size, purchases * 2, 'no event was delivered twice');
    const owners = await a.ctx.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM outbox_deliveries WHERE channel = 'webhook' AND status = 'succeeded' AND attempts = 1",
    );
    assert.equal(Number(owners?.n), purchases * 2);
  });
});

import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLink, createProduct, openLink } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { startReceiver } from '../helpers/webhook-receiver.ts';

const CARD = '4242424242424242';
const FAST = { WEBHOOK_POLL_MS: '20', WEBHOOK_RETRY_SCHEDULE_SECONDS: '0,0', WEBHOOK_TIMEOUT_MS: '15000' };

async function buy(server: TestServer, linkUrl: string, email: string) {
  const { secret } = await openLink(linkUrl, { customer_email: email });
  const paid = await server.api(`/v1/checkouts/client/${secret}/confirm`, { body: { card_number: CARD }, token: null });
  assert.equal(paid.status, 200, JSON.stringify(paid.body));
}

async function pendingCount(server: TestServer, endpointId: string) {
  const row = await server.ctx.db.get<{ n: number }>(
    "SELECT COUNT(*) AS n FROM outbox_deliveries WHERE status = 'pending' AND endpoint_id = ?",
    [endpointId],
  );
  return Number(row?.n);
}

/** The endpoint's event ids in the order their deliveries were created: the order they must arrive in. */
async function creationOrder(server: TestServer, endpointId: string) {
  const rows = await server.ctx.db.all<{ event_id: string }>(
    'SELECT event_id FROM outbox_deliveries WHERE endpoint_id = ? ORDER BY created_at, id',
    [endpointId],
  );
  return rows.map((r) => r.event_id);
}

const typeOf = (r: { body: string }) => JSON.parse(r.body).type as string;
const idOf = (r: { headers: IncomingHttpHeaders }) => r.headers['webhook-id'] as string;

describe('webhooks reach each endpoint in order of creation (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  test("an endpoint's later event waits for an earlier one's retry; a hanging endpoint holds up no other", async () => {
    // A retry a second away: without ordering, order.paid would arrive while order.created waits for it.
    const server = await startTestServer({ ...FAST, WEBHOOK_RETRY_SCHEDULE_SECONDS: '1', WEBHOOK_TIMEOUT_MS: '30000' });
    cleanups.push(() => server.stop());
    const flaky = await startReceiver((n) => (n === 0 ? 500 : 200));
    cleanups.push(flaky.close);
    let release = () => {};
    const held = new Promise<number>((resolve) => (release = () => resolve(200)));
    const hanging = await startReceiver(() => held);
    cleanups.push(async () => {
      release();
      await hanging.close();
    });
    const events = ['order.created', 'order.paid'];
    const hangingEndpoint = await server.api('/v1/webhooks/endpoints', { body: { url: hanging.url, events } });
    const flakyEndpoint = await server.api('/v1/webhooks/endpoints', { body: { url: flaky.url, events } });
    assert.equal(flakyEndpoint.status, 201);
    const link = await createLink(server, [(await createProduct(server)).id]);
    await buy(server, link.url, 'order@example.com');

    await flaky.waitFor(3);
    assert.deepEqual(
      flaky.received.map((r) => [typeOf(r), r.answered]),
      [
        ['order.created', 500],
        ['order.created', 200],
        ['order.paid', 200],
      ],
      'order.paid went out only once order.created was delivered',
    );
    while ((await pendingCount(server, flakyEndpoint.body.id)) > 0) await sleep(20);
    assert.equal(hanging.arrived, 1, 'the hanging endpoint has its first event in flight and nothing after it');
    assert.equal(hanging.received.length, 0);

    release();
    await hanging.waitFor(2);
    assert.deepEqual(hanging.received.map(typeOf), events);
    assert.deepEqual(hanging.received.map(idOf), await creationOrder(server, hangingEndpoint.body.id));
  });

  test('two servers on one database keep an endpoint to one attempt at a time, in order, through retries', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const seen = new Set<string>();
    const delivered: string[] = [];
    // Each event fails its first attempt, so every one waits for a retry another process may claim.
    const receiver = await startReceiver(async (_n, headers) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await sleep(5);
      inFlight--;
      const id = headers['webhook-id'] as string;
      if (!seen.has(id)) {
        seen.add(id);
        return 500;
      }
      delivered.push(id);
      return 200;
    });
    cleanups.push(receiver.close);
    const a = await startTestServer(FAST);
    const b = await startTestServer(FAST, a.dataDir);
    cleanups.push(() => a.stop());
    cleanups.push(() => b.stop({ keepData: true }));
    const endpoint = await a.api('/v1/webhooks/endpoints', {
      body: { url: receiver.url, events: ['order.created', 'order.paid'] },
    });
    const link = await createLink(a, [(await createProduct(a)).id]);
    const purchases = 8;
    // One after another, so creation order is defined (concurrent commits have none); the servers take turns.
    for (let i = 0; i < purchases; i++) {
      const server = i % 2 ? b : a;
      await buy(server, link.url.replace(a.url, server.url), `p${i}@example.com`);
    }
    await receiver.waitFor(purchases * 4);
    while ((await pendingCount(a, endpoint.body.id)) > 0) await sleep(20);
    assert.equal(mostInFlight, 1, 'never two requests to the endpoint at once');
    assert.equal(receiver.received.length, purchases * 4, 'each event failed once, then was delivered once');
    assert.deepEqual(delivered, await creationOrder(a, endpoint.body.id));
  });
});

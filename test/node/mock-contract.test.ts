import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { z } from 'zod';
import { createHandlers, scenarios } from '../../mock-server/handlers.ts';
import { server as mockServer } from '../../mock-server/node.ts';
import { checkoutPublic, errorBody, sessionCreated } from '../../src/shared/schemas/index.ts';
import { createLink, createProduct } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/**
 * The mocks cannot drift: the same requests go to the MSW handlers and to
 * the real server; both must answer the same status, bodies that parse with
 * the same shared schema, and the same keys.
 */

const MOCK = 'http://mock.test';
const EMBED_ORIGIN = 'http://localhost:9999'; // the test organization's embed origin

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(base: string, path: string, method = 'GET', body?: unknown): Promise<Answer> {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const keys = (o: object) => Object.keys(o).sort();

function assertSame(real: Answer, mock: Answer, schema: z.ZodType, what: string) {
  assert.equal(mock.status, real.status, `${what}: status`);
  schema.parse(real.body);
  schema.parse(mock.body);
  assert.deepEqual(keys(mock.body), keys(real.body), `${what}: keys`);
}

describe('MSW mocks answer like the real server', () => {
  let server: TestServer;
  let linkSecret: string;
  const real = (path: string, method?: string, body?: unknown) => call(server.url, path, method, body);
  const mock = (path: string, method?: string, body?: unknown) => call(MOCK, path, method, body);

  before(async () => {
    server = await startTestServer();
    const product = await createProduct(server);
    const link = await createLink(server, [product.id]);
    linkSecret = link.client_secret;
    // Requests to the real server pass through; anything else unmocked is a test bug.
    mockServer.listen({
      onUnhandledRequest(request, print) {
        if (!request.url.startsWith(server.url)) print.error();
      },
    });
  });
  afterEach(() => {
    mockServer.resetHandlers(...createHandlers({ embedOrigins: [EMBED_ORIGIN] }));
  });
  after(async () => {
    mockServer.close();
    await server.stop();
  });

  const sessions = (secret: string) => `/v1/checkout-links/${secret}/sessions`;

  test('a session from a link, a read, an edit, a declined and a paid confirm', async () => {
    mockServer.resetHandlers(...createHandlers({ embedOrigins: [EMBED_ORIGIN] }));
    const prefill = { customer_email: 'ada@example.com', embed_origin: EMBED_ORIGIN, utm_source: 'news' };
    const [r, m] = [await real(sessions(linkSecret), 'POST', prefill), await mock(sessions('any'), 'POST', prefill)];
    assertSame(r, m, sessionCreated, 'POST sessions');
    assert.deepEqual(m.body.dropped, r.body.dropped);

    const client = (a: Answer) => `/v1/checkouts/client/${a.body.client_secret}`;
    assertSame(await real(client(r)), await mock(client(m)), checkoutPublic, 'GET checkout');
    const edit = { customer_name: 'Ada' };
    const [re, me] = [await real(client(r), 'PATCH', edit), await mock(client(m), 'PATCH', edit)];
    assertSame(re, me, checkoutPublic, 'PATCH checkout');
    assert.equal(me.body.customer_name, re.body.customer_name);
    assertSame(
      await real(client(r), 'PATCH', { customer_email: 'not-an-email' }),
      await mock(client(m), 'PATCH', { customer_email: 'not-an-email' }),
      errorBody,
      'PATCH bad email',
    );
    const declined = { card_number: '4000000000000002' };
    const [rd, md] = [
      await real(`${client(r)}/confirm`, 'POST', declined),
      await mock(`${client(m)}/confirm`, 'POST', declined),
    ];
    assertSame(rd, md, errorBody, 'confirm declined');
    assert.equal(md.body.error, rd.body.error);
    const paid = { card_number: '4242424242424242' };
    const [rp, mp] = [
      await real(`${client(r)}/confirm`, 'POST', paid),
      await mock(`${client(m)}/confirm`, 'POST', paid),
    ];
    assertSame(rp, mp, checkoutPublic, 'confirm paid');
    assert.equal(mp.body.status, rp.body.status);
    assert.equal(typeof mp.body.order_id, typeof rp.body.order_id);
  });

  test('an embed origin the organization does not allow is dropped by both', async () => {
    const prefill = { embed_origin: 'https://elsewhere.example', bogus: 1 };
    const [r, m] = [await real(sessions(linkSecret), 'POST', prefill), await mock(sessions('any'), 'POST', prefill)];
    assertSame(r, m, sessionCreated, 'POST sessions');
    const fields = (a: Answer) => (a.body.dropped as { field: string }[]).map((d) => d.field).sort();
    assert.deepEqual(fields(m), fields(r));
  });

  test('unknown session: 404', async () => {
    assertSame(
      await real('/v1/checkouts/client/cs_nope'),
      await mock('/v1/checkouts/client/cs_nope'),
      errorBody,
      'GET unknown',
    );
  });

  test('scenario linkNotFound: 404 link_not_found', async () => {
    mockServer.use(...scenarios.linkNotFound());
    const [r, m] = [await real(sessions('cl_does_not_exist'), 'POST', {}), await mock(sessions('any'), 'POST', {})];
    assertSame(r, m, errorBody, 'POST sessions, unknown link');
    assert.equal(m.body.error, r.body.error);
  });

  test('scenario expired: a link without products (410) and an expired session', async () => {
    const product = await createProduct(server);
    const link = await createLink(server, [product.id]);
    const r = await real(sessions(link.client_secret), 'POST', {});
    await server.api(`/v1/products/${product.id}`, { method: 'DELETE' });
    mockServer.use(...scenarios.expired());
    const [rg, mg] = [await real(sessions(link.client_secret), 'POST', {}), await mock(sessions('any'), 'POST', {})];
    assertSame(rg, mg, errorBody, 'POST sessions, link unavailable');
    assert.equal(mg.body.error, rg.body.error);

    await server.ctx.db.run('UPDATE checkout_sessions SET expires_at = ? WHERE client_secret = ?', [
      new Date(Date.now() - 60_000).toISOString(),
      r.body.client_secret as string,
    ]);
    const path = `/v1/checkouts/client/${r.body.client_secret}`;
    const [rr, mr] = [await real(path), await mock('/v1/checkouts/client/cs_any')];
    assertSame(rr, mr, checkoutPublic, 'GET expired');
    assert.equal(mr.body.status, rr.body.status);
    const [rp, mp] = [
      await real(path, 'PATCH', { customer_name: 'x' }),
      await mock('/v1/checkouts/client/cs_any', 'PATCH', { customer_name: 'x' }),
    ];
    assertSame(rp, mp, errorBody, 'PATCH expired');
    assert.equal(mp.body.error, rp.body.error);
  });

  test('scenario serverError answers the 500 body of the real error handler', async () => {
    mockServer.use(...scenarios.serverError());
    const m = await mock(sessions('any'), 'POST', {});
    assert.equal(m.status, 500);
    errorBody.parse(m.body);
    assert.deepEqual(keys(m.body), ['detail', 'error', 'message']);
  });
});

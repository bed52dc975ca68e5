import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, describe, test } from 'node:test';
import { startChild } from '../helpers/child-server.ts';
import { createLink, createProduct, openLink } from '../helpers/factories.ts';
import { type TestServer, testServers } from '../helpers/test-server.ts';

const CARD = '4242424242424242';
const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

const sessionsUrl = (link: { url: string }) => link.url.replace('/redirect', '/sessions');

/** What the link's URL and its sessions endpoint answer, and how many sessions it has. */
async function refusal(server: TestServer, link: { id: string; url: string }) {
  const page = await fetch(link.url, { redirect: 'manual' });
  const json = await server.api(sessionsUrl(link), { body: {}, token: null });
  const sessions = await server.api(`/v1/checkouts?checkout_link_id=${link.id}`);
  return {
    pageStatus: page.status,
    page: await page.text(),
    status: json.status,
    body: json.body,
    sessions: sessions.body.pagination.total_count as number,
  };
}

describe('link availability: active, dates and a cap on completed checkouts (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  const servers = testServers();
  const children: ChildProcess[] = [];
  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    await servers.stopAll();
  });

  test('a new link is active with no dates and no cap; the fields round-trip through create, PATCH and GET', async () => {
    const server = await servers.start();
    const product = await createProduct(server);
    const plain = await createLink(server, [product.id]);
    assert.equal(plain.active, true);
    assert.equal(plain.starts_at, null);
    assert.equal(plain.ends_at, null);
    assert.equal(plain.max_completed_checkouts, null);
    assert.equal(plain.completed_checkouts, 0);
    assert.equal(plain.inactive_message, null);
    assert.equal(plain.state, 'active');

    const starts = at(HOUR);
    const ends = at(2 * HOUR);
    const patched = await server.api(`/v1/checkout-links/${plain.id}`, {
      method: 'PATCH',
      body: { starts_at: starts, ends_at: ends, max_completed_checkouts: 5, inactive_message: '  Back soon.  ' },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(Date.parse(patched.body.starts_at), Date.parse(starts));
    assert.equal(Date.parse(patched.body.ends_at), Date.parse(ends));
    assert.equal(patched.body.max_completed_checkouts, 5);
    assert.equal(patched.body.inactive_message, 'Back soon.');
    assert.equal(patched.body.state, 'scheduled');
    const read = await server.api(`/v1/checkout-links/${plain.id}`);
    assert.deepEqual(read.body, patched.body);

    const doc = (await server.api('/v1/openapi.json', { token: null })).body;
    const fields = ['active', 'starts_at', 'ends_at', 'max_completed_checkouts', 'inactive_message'];
    for (const f of [...fields, 'completed_checkouts', 'state'])
      assert.ok(doc.components.schemas.CheckoutLink.properties[f], `CheckoutLink.${f} documented`);
    for (const body of ['createCheckoutLinkBody', 'updateCheckoutLinkBody'])
      for (const f of fields) assert.ok(doc.components.schemas[body].properties[f], `${body}.${f} documented`);
  });

  test('each bad value is a 422 naming its field, and nothing is written', async () => {
    const server = await servers.start();
    const product = await createProduct(server);
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [{ active: 'yes' }, ['active']],
      [{ starts_at: 'tomorrow' }, ['starts_at']],
      [{ ends_at: 12 }, ['ends_at']],
      [{ starts_at: at(2 * HOUR), ends_at: at(HOUR) }, ['ends_at']],
      [{ starts_at: at(HOUR), ends_at: at(HOUR).replace(/\.\d+Z$/, '.000Z') }, ['ends_at']],
      [{ max_completed_checkouts: 0 }, ['max_completed_checkouts']],
      [{ max_completed_checkouts: 2.5 }, ['max_completed_checkouts']],
      [{ max_completed_checkouts: '3' }, ['max_completed_checkouts']],
      [{ inactive_message: 'x'.repeat(501) }, ['inactive_message']],
      [{ inactive_message: 'bell\u0007' }, ['inactive_message']],
    ];
    for (const [body, loc] of cases) {
      const res = await server.api('/v1/checkout-links', { body: { products: [product.id], ...body } });
      assert.equal(res.status, 422, `${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error, 'validation_error');
      assert.deepEqual(res.body.detail[0].loc, ['body', ...loc], JSON.stringify(body));
    }
    assert.equal((await server.api('/v1/checkout-links')).body.pagination.total_count, 0, 'no link was written');

    // PATCH checks the window against what is stored.
    const link = await createLink(server, [product.id], { ends_at: at(HOUR) });
    const late = await server.api(`/v1/checkout-links/${link.id}`, {
      method: 'PATCH',
      body: { starts_at: at(2 * HOUR) },
    });
    assert.equal(late.status, 422);
    assert.deepEqual(late.body.detail[0].loc, ['body', 'ends_at']);
    assert.equal((await server.api(`/v1/checkout-links/${link.id}`)).body.starts_at, null, 'the PATCH wrote nothing');
  });

  test('deactivated, not started, ended: a readable 410 page with the reason and the merchant’s message, no session', async () => {
    const server = await servers.start();
    const product = await createProduct(server);
    const cases = [
      { fields: { active: false }, reason: 'inactive', title: /not active/, state: 'inactive' },
      { fields: { starts_at: at(HOUR) }, reason: 'not_started', title: /not open yet/, state: 'scheduled' },
      { fields: { ends_at: at(-HOUR) }, reason: 'ended', title: /has ended/, state: 'ended' },
    ];
    for (const c of cases) {
      const message = `Closed <b>for</b> ${c.reason}.\nSee you soon.`;
      const link = await createLink(server, [product.id], {
        ...c.fields,
        inactive_message: message,
        return_url: 'https://shop.example/',
      });
      assert.equal(link.state, c.state);
      const r = await refusal(server, link);
      assert.equal(r.pageStatus, 410, c.reason);
      assert.match(r.page, c.title);
      assert.ok(r.page.includes('Closed &lt;b&gt;for&lt;/b&gt;'), 'the message is text, never HTML');
      assert.ok(!r.page.includes('<b>for</b>'));
      assert.match(r.page, /href="https:\/\/shop\.example\/">Back to Test Shop/);
      assert.equal(r.status, 410);
      assert.equal(r.body.error, 'link_unavailable');
      assert.equal(r.body.reason, c.reason);
      assert.equal(r.body.message, message);
      assert.equal(r.sessions, 0, `${c.reason}: no session was created`);
    }

    // Without a message of its own, the page says the reason in our words; switched on again, it serves.
    const off = await createLink(server, [product.id], { active: false });
    const r = await refusal(server, off);
    assert.match(r.page, /switched this checkout link off/);
    assert.match(r.body.message, /switched this checkout link off/);
    await server.api(`/v1/checkout-links/${off.id}`, { method: 'PATCH', body: { active: true } });
    assert.equal((await fetch(off.url, { redirect: 'manual' })).status, 307);
  });

  test('a cap of 2: two paid checkouts, then the link is sold out ("2 of 2") and opens none', async () => {
    const server = await servers.start();
    const product = await createProduct(server);
    const link = await createLink(server, [product.id], { max_completed_checkouts: 2 });
    const first = await openLink(link.url, { customer_email: 'a@example.com' });
    const declined = await openLink(link.url, { customer_email: 'b@example.com' });
    const second = await openLink(link.url, { customer_email: 'c@example.com' });
    const pay = (secret: string, card = CARD) =>
      server.api(`/v1/checkouts/client/${secret}/confirm`, { body: { card_number: card }, token: null });
    assert.equal((await pay(first.secret)).status, 200);
    // A declined card gives its slot back.
    assert.equal((await pay(declined.secret, '4000000000000002')).status, 402);
    assert.equal((await server.api(`/v1/checkout-links/${link.id}`)).body.state, 'active');
    assert.equal((await pay(second.secret)).status, 200);

    const read = await server.api(`/v1/checkout-links/${link.id}`);
    assert.equal(read.body.completed_checkouts, 2);
    assert.equal(read.body.state, 'sold_out');
    const r = await refusal(server, link);
    assert.equal(r.pageStatus, 410);
    assert.match(r.page, /sold out/);
    assert.equal(r.body.reason, 'limit_reached');
    assert.equal(r.sessions, 3, 'no new session');

    const late = await pay(declined.secret);
    assert.equal(late.status, 409);
    assert.equal(late.body.error, 'link_unavailable');
    assert.equal(late.body.reason, 'limit_reached');
    assert.match(late.body.message, /sold out.*Nothing was charged/);

    // Raising the cap opens it again.
    await server.api(`/v1/checkout-links/${link.id}`, { method: 'PATCH', body: { max_completed_checkouts: 3 } });
    assert.equal((await pay(declined.secret)).status, 200);
  });

  test('a cap of 3 holds exactly: 10 concurrent confirms of 10 open sessions over two processes, 3 paid, 7 refused uncharged', async () => {
    const server = await servers.start();
    const other = await startChild(server.dataDir, 'none');
    children.push(other.child);
    const product = await createProduct(server);
    const link = await createLink(server, [product.id], { max_completed_checkouts: 3 });
    const sessions = [];
    for (let i = 0; i < 10; i++) sessions.push(await openLink(link.url, { customer_email: `buyer${i}@example.com` }));
    const results = await Promise.all(
      sessions.map(({ secret }, i) =>
        fetch(`${i % 2 ? other.url : server.url}/v1/checkouts/client/${secret}/confirm`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ card_number: CARD, expected_total: 2500 }),
        }).then(async (res) => ({ status: res.status, body: await res.json() })),
      ),
    );
    const paid = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    assert.equal(paid.length, 3, JSON.stringify(results.map((r) => r.status)));
    assert.equal(refused.length, 7);
    for (const r of refused) {
      assert.equal(r.status, 409);
      assert.equal(r.body.error, 'link_unavailable');
      assert.equal(r.body.reason, 'limit_reached');
    }
    const charges = await server.ctx.db.all<{ amount: number }>(
      "SELECT amount FROM test_processor_charges WHERE status = 'charged'",
    );
    assert.deepEqual(
      charges.map((c) => Number(c.amount)),
      [2500, 2500, 2500],
      'only the three paid were charged',
    );
    assert.equal((await server.api('/v1/orders')).body.pagination.total_count, 3);
    const read = await server.api(`/v1/checkout-links/${link.id}`);
    assert.equal(read.body.completed_checkouts, 3);
    assert.equal(read.body.state, 'sold_out');
  });
});

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAccessToken } from '../../server/core/access-tokens.ts';
import { createOrganization } from '../../server/core/organizations.ts';
import { sweepExpiredSessions } from '../../server/core/sweep.ts';
import { startChild } from '../helpers/child-server.ts';
import { createLink, createProduct, createSubscriptionProduct, openLink } from '../helpers/factories.ts';
import { removeData, startTestServer, type TestServer, testServers } from '../helpers/test-server.ts';

const CARD = '4242424242424242';
const DECLINED = '4000000000000002';
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Pays a session as the checkout page would; asserts the answer. */
async function pay(server: TestServer, secret: string, card = CARD) {
  const res = await server.api(`/v1/checkouts/client/${secret}/confirm`, {
    body: { card_number: card, customer_email: 'ada@example.com' },
    token: null,
  });
  assert.equal(res.status, card === CARD ? 200 : 402, JSON.stringify(res.body));
}

/** Opens a session through the widget's JSON endpoint; answers its client secret. */
async function openJson(server: TestServer, link: { client_secret: string }, body: Record<string, unknown>) {
  const res = await server.api(`/v1/checkout-links/${link.client_secret}/sessions`, { body, token: null });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.client_secret as string;
}

/** Sessions the sweep may still delete. */
const abandoned = async (server: TestServer) =>
  Number(
    (
      await server.ctx.db.get<{ n: number }>(
        "SELECT COUNT(*) AS n FROM checkout_sessions WHERE status <> 'succeeded' AND checkout_link_id IS NOT NULL",
      )
    )?.n,
  );

/**
 * A link with six sessions through both ways in (two sold, in two currencies)
 * and another link with two; answers both links and the expected figures.
 */
async function sellThroughTwoLinks(server: TestServer) {
  const guide = await createProduct(server); // 2,500 usd
  const club = await createSubscriptionProduct(server, {
    prices: [{ amount_type: 'fixed', price_amount: 900, price_currency: 'eur' }],
  });
  const link = await createLink(server, [guide.id, club.id], { label: 'Spring' });
  const other = await createLink(server, [guide.id], { label: 'Other' });

  const a = await openLink(link.url, { utm_source: 'google', utm_campaign: 'spring', reference_id: 'r1' });
  await pay(server, a.secret);
  await openLink(link.url, { utm_source: 'google', utm_medium: 'cpc' });
  await pay(
    server,
    await openJson(server, link, { utm_source: 'newsletter', utm_campaign: 'spring', product_id: club.id }),
  );
  await openJson(server, link, { utm_source: 'newsletter' });
  await openLink(link.url);
  await pay(server, await openJson(server, link, { reference_id: 'r2' }), DECLINED);
  await pay(server, (await openLink(other.url, { utm_source: 'google' })).secret);
  await openLink(other.url);
  return { link, other };
}

const EXPECTED_TOTALS = {
  sessions: 6,
  succeeded: 2,
  revenue: [
    { currency: 'eur', amount: 900 },
    { currency: 'usd', amount: 2500 },
  ],
  conversion_rate: 2 / 6,
};
const EXPECTED_BREAKDOWN = {
  utm_source: [
    { value: 'google', sessions: 2, succeeded: 1, revenue: [{ currency: 'usd', amount: 2500 }] },
    { value: 'newsletter', sessions: 2, succeeded: 1, revenue: [{ currency: 'eur', amount: 900 }] },
  ],
  utm_medium: [{ value: 'cpc', sessions: 1, succeeded: 0, revenue: [] }],
  utm_campaign: [{ value: 'spring', sessions: 2, succeeded: 2, revenue: EXPECTED_TOTALS.revenue }],
  reference_id: [
    { value: 'r1', sessions: 1, succeeded: 1, revenue: [{ currency: 'usd', amount: 2500 }] },
    { value: 'r2', sessions: 1, succeeded: 0, revenue: [] },
  ],
};

describe('link stats: exact funnels that outlive the sweep (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  let server: TestServer;
  let link: any;
  let other: any;
  let today: string;
  let range: string;
  before(async () => {
    server = await startTestServer({
      CHECKOUT_TTL_SECONDS: '60',
      SESSION_RETENTION_SECONDS: '0',
      SWEEP_INTERVAL_SECONDS: '1',
    });
    today = day(Date.now());
    range = `from=${day(Date.now() - 29 * DAY)}&to=${today}`;
    ({ link, other } = await sellThroughTwoLinks(server));
  });
  after(() => server.stop());

  test('totals, every breakdown row and the day are exact; the other link is not counted', async () => {
    const res = await server.api(`/v1/checkout-links/${link.id}/stats`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.checkout_link_id, link.id);
    assert.equal(res.body.to, today, 'the last 30 days by default');
    assert.equal(res.body.from, day(Date.now() - 29 * DAY));
    assert.deepEqual(res.body.totals, EXPECTED_TOTALS);
    assert.deepEqual(res.body.breakdown, EXPECTED_BREAKDOWN);
    assert.equal(res.body.series.length, 30);
    const { conversion_rate: _, ...figures } = EXPECTED_TOTALS;
    assert.deepEqual(res.body.series.at(-1), { date: today, ...figures });
    assert.ok(
      res.body.series.slice(0, -1).every((d: any) => d.sessions === 0 && d.succeeded === 0 && d.revenue.length === 0),
    );
    const otherStats = (await server.api(`/v1/checkout-links/${other.id}/stats`)).body;
    assert.deepEqual(otherStats.totals, {
      sessions: 2,
      succeeded: 1,
      revenue: [{ currency: 'usd', amount: 2500 }],
      conversion_rate: 0.5,
    });
    const summary = await server.api(`/v1/checkout-links/stats?${range}`);
    assert.equal(summary.status, 200);
    assert.deepEqual(
      summary.body.items,
      [
        { checkout_link_id: other.id, ...otherStats.totals },
        { checkout_link_id: link.id, ...EXPECTED_TOTALS },
      ],
      'newest link first, as the list',
    );
  });

  test('the sweep deletes the abandoned sessions and every figure stays the same', async () => {
    const before = (await server.api(`/v1/checkout-links/${link.id}/stats?${range}`)).body;
    const summaryBefore = (await server.api(`/v1/checkout-links/stats?${range}`)).body;
    assert.equal(await abandoned(server), 5);
    // Past every session's expiry: the next sweep (every second here) expires and deletes them (retention 0).
    server.ctx.now = () => new Date(Date.now() + 61_000);
    while ((await abandoned(server)) > 0) await sleep(200);
    const folded = await server.ctx.db.get<{ n: number }>(
      "SELECT SUM(sessions) AS n FROM checkout_link_daily_sessions WHERE dimension = ''",
    );
    assert.equal(Number(folded?.n), 5, 'the deleted sessions are in the rollups, once');
    assert.deepEqual((await server.api(`/v1/checkout-links/${link.id}/stats?${range}`)).body, before);
    assert.deepEqual((await server.api(`/v1/checkout-links/stats?${range}`)).body, summaryBefore);

    // New sessions after the sweep add to the folded ones.
    await openLink(link.url, { utm_source: 'google' });
    const after = (await server.api(`/v1/checkout-links/${link.id}/stats?${range}`)).body;
    assert.equal(after.totals.sessions, 7);
    assert.deepEqual(after.breakdown.utm_source[0], { ...EXPECTED_BREAKDOWN.utm_source[0], sessions: 3 });
    server.ctx.now = () => new Date();
  });

  test("another organization's token gets 404, and its summary lists none of these links", async () => {
    const org = await createOrganization(server.ctx, { name: 'Other Shop' });
    const token = (await createAccessToken(server.ctx, org.id)).token;
    const foreign = await server.api(`/v1/checkout-links/${link.id}/stats`, { token });
    assert.equal(foreign.status, 404);
    assert.equal(foreign.body.error, 'not_found');
    assert.deepEqual((await server.api('/v1/checkout-links/stats', { token })).body.items, []);
    assert.equal((await server.api('/v1/checkout-links/00000000-0000-7000-8000-000000000000/stats')).status, 404);
    assert.equal((await server.api('/v1/checkout-links/nope/stats')).status, 404);
    assert.equal((await server.api(`/v1/checkout-links/${link.id}/stats`, { token: null })).status, 401);
    await server.api(`/v1/checkout-links/${other.id}`, { method: 'DELETE' });
    assert.equal((await server.api(`/v1/checkout-links/${other.id}/stats`)).status, 404, 'a deleted link');
  });

  test('a reversed range, one over 366 days and a malformed date are 422s naming the field', async () => {
    const stats = (q: string) => server.api(`/v1/checkout-links/${link.id}/stats?${q}`);
    const reversed = await stats('from=2026-03-02&to=2026-03-01');
    assert.equal(reversed.status, 422);
    assert.deepEqual(reversed.body.detail, [{ loc: ['query', 'from'], msg: 'must not be after to' }]);
    const long = await stats('from=2025-01-01&to=2026-01-02');
    assert.equal(long.status, 422);
    assert.deepEqual(long.body.detail, [{ loc: ['query', 'to'], msg: 'the range must be at most 366 days' }]);
    const bad = await stats('from=2026-02-30');
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.detail?.[0]?.loc, ['query', 'from']);
    assert.equal((await server.api('/v1/checkout-links/stats?to=yesterday')).status, 422);
    const leap = await stats('from=2024-01-01&to=2024-12-31');
    assert.equal(leap.status, 200, 'a leap year is 366 days');
    assert.equal(leap.body.series.length, 366);
    const single = await stats(`from=${today}&to=${today}`);
    assert.deepEqual(
      single.body.series.map((d: any) => d.date),
      [today],
    );
  });
});

describe('the stats fold neither loses nor double-counts (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  const servers = testServers();
  let dataDir = '';
  after(async () => {
    await servers.stopAll();
    if (dataDir) await removeData(dataDir);
  });

  test('two sweeps of the same sessions at once count each session once', async () => {
    const a = await servers.start({ CHECKOUT_TTL_SECONDS: '60' });
    // PostgreSQL: a second server on the same schema, its own connections. SQLite: two connections in one
    // process would wait on each other's lock synchronously, so both sweeps share the one connection's lock.
    const b = process.env.TEST_DATABASE_URL ? await servers.sharing(a, { CHECKOUT_TTL_SECONDS: '60' }) : a;
    const link = await createLink(a, [(await createProduct(a)).id]);
    const sources = ['google', 'newsletter', 'qr'];
    for (let i = 0; i < 30; i++) await openLink(link.url, { utm_source: sources[i % 3]!, reference_id: `ref-${i}` });
    const before = (await a.api(`/v1/checkout-links/${link.id}/stats`)).body;
    assert.equal(before.totals.sessions, 30);
    const later = () => new Date(Date.now() + 120_000);
    a.ctx.now = later;
    b.ctx.now = later;
    const [x, y] = await Promise.all([sweepExpiredSessions(a.ctx, 0), sweepExpiredSessions(b.ctx, 0)]);
    assert.equal(x.deleted + y.deleted, 30, `each row deleted by one sweep (${x.deleted} + ${y.deleted})`);
    assert.equal(await abandoned(a), 0);
    a.ctx.now = () => new Date();
    assert.deepEqual((await a.api(`/v1/checkout-links/${link.id}/stats`)).body, before);
    assert.deepEqual(
      before.breakdown.utm_source.map((r: any) => [r.value, r.sessions]),
      [
        ['google', 10],
        ['newsletter', 10],
        ['qr', 10],
      ],
    );
    assert.equal(before.breakdown.reference_id.length, 20, 'the top 20 values');
  });

  test('a sweep killed between its delete and its fold deletes nothing; the next one folds each session once', async () => {
    const setup = await startTestServer();
    dataDir = setup.dataDir;
    const link = await createLink(setup, [(await createProduct(setup)).id]);
    for (const source of ['google', 'google', 'qr']) await openLink(link.url, { utm_source: source });
    await pay(setup, (await openLink(link.url, { utm_source: 'qr' })).secret);
    const before = (await setup.api(`/v1/checkout-links/${link.id}/stats`)).body;
    assert.deepEqual(before.totals, {
      sessions: 4,
      succeeded: 1,
      revenue: [{ currency: 'usd', amount: 2500 }],
      conversion_rate: 0.25,
    });
    // Abandoned an hour ago: the child's first sweep (after a second) deletes them, and dies mid-transaction.
    await setup.ctx.db.run("UPDATE checkout_sessions SET status = 'expired', expires_at = ? WHERE status = 'open'", [
      new Date(Date.now() - 3_600_000).toISOString(),
    ]);
    await setup.stop({ keepData: true });

    const { child } = await startChild(dataDir, 'mid-sweep', {
      SWEEP_INTERVAL_SECONDS: '1',
      SESSION_RETENTION_SECONDS: '0',
    });
    const [, signal] = await once(child, 'exit');
    assert.equal(signal, 'SIGKILL', 'the child died in its sweep');

    const server = await startTestServer({}, dataDir);
    try {
      assert.equal(await abandoned(server), 3, 'the killed delete rolled back');
      assert.deepEqual((await server.api(`/v1/checkout-links/${link.id}/stats`)).body, before);
      assert.deepEqual(await sweepExpiredSessions(server.ctx, 0), { expired: 0, deleted: 3 });
      assert.equal(await abandoned(server), 0);
      assert.deepEqual((await server.api(`/v1/checkout-links/${link.id}/stats`)).body, before);
      assert.deepEqual(await sweepExpiredSessions(server.ctx, 0), { expired: 0, deleted: 0 });
      assert.deepEqual((await server.api(`/v1/checkout-links/${link.id}/stats`)).body, before);
    } finally {
      await server.stop({ keepData: true });
    }
  });
});

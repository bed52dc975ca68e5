import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  createDiscount,
  createProduct,
  createPwywProduct,
  createSubscriptionProduct,
  getSession,
} from '../helpers/factories.ts';
import { type TestServer, testServers } from '../helpers/test-server.ts';

const CARD = '4242424242424242';

/** A session of the Checkout API; answers its client secret and the total its page would show. */
async function openSession(server: TestServer, body: Record<string, unknown>) {
  const res = await server.api('/v1/checkouts', { body: { customer_email: 'buyer@example.com', ...body } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return {
    id: res.body.id as string,
    secret: res.body.client_secret as string,
    shown: res.body.total_amount as number,
  };
}

const confirm = (server: TestServer, secret: string, body: Record<string, unknown>) =>
  server.api(`/v1/checkouts/client/${secret}/confirm`, { body: { card_number: CARD, ...body }, token: null });

/** The order or subscription a session made (null when none), from the merchant's lists. */
async function purchaseOf(server: TestServer, checkoutId: string) {
  const [orders, subs] = await Promise.all([
    server.api(`/v1/orders?checkout_id=${checkoutId}`),
    server.api(`/v1/subscriptions?checkout_id=${checkoutId}`),
  ]);
  const rows = [...orders.body.items, ...subs.body.items];
  assert.ok(rows.length <= 1, 'at most one purchase per session');
  return rows[0] ?? null;
}

/** Redemptions counted on the discount, and the orders and subscriptions that used it. */
async function redemptionsAndUses(server: TestServer, discountId: string) {
  const discount = await server.api(`/v1/discounts/${discountId}`);
  const all = async (path: string) => {
    const items: { discount_id: string | null }[] = [];
    for (let page = 1; ; page++) {
      const res = await server.api(`${path}?limit=100&page=${page}`);
      items.push(...res.body.items);
      if (page >= res.body.pagination.max_page) return items;
    }
  };
  const uses = [...(await all('/v1/orders')), ...(await all('/v1/subscriptions'))].filter(
    (p) => p.discount_id === discountId,
  ).length;
  return { redemptions: discount.body.redemptions_count as number, uses };
}

describe('a confirm charges exactly the total the customer last saw, or nothing (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  const servers = testServers();
  after(() => servers.stopAll());

  test('a capped discount that ran out: 409 discount_unavailable with the new total, no charge, then the new total', async () => {
    const server = await servers.start();
    const product = await createProduct(server, {
      prices: [{ amount_type: 'fixed', price_amount: 2900, price_currency: 'usd' }],
    });
    const discount = await createDiscount(server, { code: 'HALF', basis_points: 5000, max_redemptions: 1 });
    const first = await openSession(server, { products: [product.id], discount_id: discount.id });
    const second = await openSession(server, { products: [product.id], discount_id: discount.id });
    const third = await openSession(server, { products: [product.id], discount_id: discount.id });
    assert.deepEqual([first.shown, second.shown, third.shown], [1450, 1450, 1450]);

    const paid = await confirm(server, first.secret, { expected_total: first.shown });
    assert.equal(paid.status, 200);
    assert.equal(paid.body.total_amount, 1450);
    assert.equal((await purchaseOf(server, first.id)).total_amount, 1450);

    // The repro: this answered 200 with total_amount 1450 and charged 2900.
    const refused = await confirm(server, second.secret, { expected_total: second.shown });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.error, 'discount_unavailable');
    assert.deepEqual(refused.body.detail[0].loc, ['expected_total']);
    assert.equal(refused.body.checkout.total_amount, 2900, 'the new total, for the page to show');
    assert.equal(refused.body.checkout.discount, null);
    assert.equal(refused.body.checkout.status, 'open');
    assert.equal(await purchaseOf(server, second.id), null, 'nothing charged');
    assert.equal((await getSession(server, second.secret)).body.total_amount, 2900);

    const again = await confirm(server, second.secret, { expected_total: refused.body.checkout.total_amount });
    assert.equal(again.status, 200);
    assert.equal(again.body.total_amount, 2900);
    const order = await purchaseOf(server, second.id);
    assert.equal(order.total_amount, 2900);
    assert.equal(order.discount_id, null);

    // Without expected_total, the lapsed discount of the session still refuses rather than charge more.
    const bare = await confirm(server, third.secret, {});
    assert.equal(bare.status, 409);
    assert.equal(bare.body.error, 'discount_unavailable');
    assert.equal(await purchaseOf(server, third.id), null);
    const bareAgain = await confirm(server, third.secret, {});
    assert.equal(bareAgain.status, 200);
    assert.equal(bareAgain.body.total_amount, (await purchaseOf(server, third.id)).total_amount);

    assert.deepEqual(await redemptionsAndUses(server, discount.id), { redemptions: 1, uses: 1 });
  });

  test('a price changed, a pay-what-you-want bound moved, a product archived: refused with the new amounts, nothing charged', async () => {
    const server = await servers.start();
    const fixed = await createProduct(server);
    const changed = await openSession(server, { products: [fixed.id] });
    await server.api(`/v1/products/${fixed.id}`, {
      method: 'PATCH',
      body: { prices: [{ amount_type: 'fixed', price_amount: 3100, price_currency: 'usd' }] },
    });
    const r1 = await confirm(server, changed.secret, { expected_total: changed.shown });
    assert.equal(r1.status, 409);
    assert.equal(r1.body.error, 'price_changed');
    assert.equal(r1.body.checkout.total_amount, 3100);
    assert.equal(await purchaseOf(server, changed.id), null);
    const r1b = await confirm(server, changed.secret, { expected_total: 3100 });
    assert.equal(r1b.status, 200);
    assert.equal((await purchaseOf(server, changed.id)).total_amount, 3100);

    const pwyw = await createPwywProduct(server);
    const tip = await openSession(server, { products: [pwyw.id], amount: 800 });
    assert.equal(tip.shown, 800);
    await server.api(`/v1/products/${pwyw.id}`, {
      method: 'PATCH',
      body: {
        prices: [
          {
            amount_type: 'custom',
            minimum_amount: 1000,
            maximum_amount: null,
            preset_amount: 1500,
            price_currency: 'usd',
          },
        ],
      },
    });
    const r2 = await confirm(server, tip.secret, { expected_total: tip.shown });
    assert.equal(r2.status, 409);
    assert.equal(r2.body.error, 'price_changed');
    assert.equal(r2.body.checkout.total_amount, 1500, 'the amount below the new minimum fell back to the preset');
    assert.equal(await purchaseOf(server, tip.id), null);

    const gone = await createProduct(server, { name: 'Retired' });
    const late = await openSession(server, { products: [gone.id] });
    assert.equal((await server.api(`/v1/products/${gone.id}`, { method: 'DELETE' })).status, 200);
    const r3 = await confirm(server, late.secret, { expected_total: late.shown });
    assert.equal(r3.status, 409);
    assert.equal(r3.body.error, 'product_unavailable');
    assert.equal(await purchaseOf(server, late.id), null);
  });

  test('30 concurrent confirms of one session with the last redemption: all answer its one order, none a refusal', async () => {
    const server = await servers.start();
    const product = await createProduct(server);
    const discount = await createDiscount(server, { code: 'LAST', max_redemptions: 1 });
    const s = await openSession(server, { products: [product.id], discount_id: discount.id });
    // The winner's redemption must not make the others look stale: they wait for its outcome.
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => confirm(server, s.secret, { expected_total: s.shown })),
    );
    assert.deepEqual(new Set(answers.map((r) => r.status)), new Set([200]));
    assert.equal(new Set(answers.map((r) => r.body.order_id)).size, 1);
    assert.ok(answers.every((r) => r.body.total_amount === s.shown));
    assert.equal((await purchaseOf(server, s.id)).total_amount, s.shown);
    assert.deepEqual(await redemptionsAndUses(server, discount.id), { redemptions: 1, uses: 1 });
  });

  test('50 concurrent confirms sharing a cap of 10, across two servers: every 200 charged the total it answered', async () => {
    const a = await servers.start();
    const b = await servers.sharing(a);
    const price = [{ amount_type: 'fixed', price_amount: 2900, price_currency: 'usd' }];
    const once = await createProduct(a, { prices: price });
    const monthly = await createSubscriptionProduct(a, { prices: price });
    const discount = await createDiscount(a, { code: 'TEN', basis_points: 5000, max_redemptions: 10 });
    const sessions = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        openSession(a, { products: [i % 2 ? monthly.id : once.id], discount_id: discount.id }),
      ),
    );
    assert.ok(sessions.every((s) => s.shown === 1450));

    const answers = await Promise.all(
      sessions.map((s, i) => confirm(i % 2 ? a : b, s.secret, { expected_total: s.shown })),
    );
    const paid = answers.flatMap((r, i) => (r.status === 200 ? [{ r, s: sessions[i]! }] : []));
    const refused = answers.filter((r) => r.status !== 200);
    assert.equal(paid.length, 10, 'exactly the cap is sold at the discounted total');
    for (const r of refused) {
      assert.equal(r.status, 409, JSON.stringify(r.body));
      assert.equal(r.body.error, 'discount_unavailable');
      assert.equal(r.body.checkout.total_amount, 2900);
    }
    for (const { r, s } of paid) {
      const purchase = await purchaseOf(a, s.id);
      assert.equal(purchase.total_amount, r.body.total_amount, 'charged exactly the total answered');
      assert.equal(purchase.total_amount, s.shown, 'which is the total shown');
      assert.equal(purchase.discount_id, discount.id);
    }
    for (const [i, r] of answers.entries())
      if (r.status !== 200) assert.equal(await purchaseOf(a, sessions[i]!.id), null, 'a refusal charged nothing');
    assert.deepEqual(await redemptionsAndUses(a, discount.id), { redemptions: 10, uses: 10 });
  });
});

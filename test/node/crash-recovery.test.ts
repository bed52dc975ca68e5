import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, describe, test } from 'node:test';
import { settleInterruptedConfirms } from '../../server/core/confirm.ts';
import { startChild } from '../helpers/child-server.ts';
import { createDiscount, createProduct, createSubscriptionProduct } from '../helpers/factories.ts';
import { removeData, startTestServer, type TestServer } from '../helpers/test-server.ts';

const CARD = '4242424242424242';
const POINTS = ['after-claim', 'after-charge'] as const;

describe('a confirm killed between its commits is settled, never stranded (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  let dataDir = '';
  after(async () => {
    if (dataDir) await removeData(dataDir);
  });

  test('SIGKILL after the claim and after the charge, restart: the next confirm and the sweep settle every session', async () => {
    const setup = await startTestServer();
    dataDir = setup.dataDir;
    const price = [{ amount_type: 'fixed', price_amount: 2000, price_currency: 'usd' }];
    const products = [
      await createProduct(setup, { prices: price }),
      await createSubscriptionProduct(setup, { prices: price }),
    ];
    const discount = await createDiscount(setup, { code: 'CRASH', basis_points: 2500, max_redemptions: 100 });
    // Per kill point: one one-time and one recurring session, one settled by a confirm, the other by the sweep.
    const cases = [];
    for (const point of POINTS)
      for (const [i, product] of products.entries()) {
        const res = await setup.api('/v1/checkouts', {
          body: { products: [product.id], discount_id: discount.id, customer_email: `${point}-${i}@example.com` },
        });
        assert.equal(res.status, 201);
        cases.push({
          point,
          id: res.body.id,
          secret: res.body.client_secret,
          shown: res.body.total_amount,
          bySweep: i === 1,
        });
      }
    await setup.stop({ keepData: true });

    for (const c of cases) {
      const { url, child } = await startChild(dataDir, c.point);
      const exited = once(child, 'exit');
      const answer = await fetch(`${url}/v1/checkouts/client/${c.secret}/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ card_number: CARD, expected_total: c.shown }),
      }).then(
        (r) => r.status,
        () => 'no answer',
      );
      const [code, signal] = await exited;
      assert.equal(signal, 'SIGKILL', `the child died at ${c.point} (exit ${code}, answer ${answer})`);
      assert.equal(answer, 'no answer');
    }

    const server: TestServer = await startTestServer({}, dataDir);
    try {
      const status = async (id: string) => (await server.api(`/v1/checkouts/${id}`)).body;
      for (const c of cases)
        assert.equal((await status(c.id)).status, 'confirmed', 'the crash left it between commits');
      const leaseOver = new Date(Date.now() + 61_000);
      server.ctx.now = () => leaseOver;

      // The lease ran out: a confirm settles the attempt first instead of waiting for checkout_busy.
      for (const c of cases.filter((x) => !x.bySweep)) {
        const paid = await server.api(`/v1/checkouts/client/${c.secret}/confirm`, {
          body: { card_number: CARD, expected_total: c.shown },
          token: null,
        });
        assert.equal(paid.status, 200, JSON.stringify(paid.body));
        assert.equal(paid.body.status, 'succeeded');
      }
      assert.deepEqual(await settleInterruptedConfirms(server.ctx), { settled: 2 });

      for (const c of cases) {
        const s = await status(c.id);
        const purchases = [
          ...(await server.api(`/v1/orders?checkout_id=${c.id}`)).body.items,
          ...(await server.api(`/v1/subscriptions?checkout_id=${c.id}`)).body.items,
        ];
        const charges = await server.ctx.db.all<{ amount: number }>(
          "SELECT amount FROM test_processor_charges WHERE status = 'charged' AND payment_id LIKE ?",
          [`test_pay_${c.id}_%`],
        );
        assert.equal(charges.length, purchases.length, `${c.point}: one charge per purchase, none without one`);
        if (c.point === 'after-charge' || !c.bySweep) {
          // Charged before the kill: completed, not charged again; or reopened and paid anew.
          assert.equal(s.status, 'succeeded', c.point);
          assert.equal(purchases.length, 1);
          assert.equal(purchases[0].total_amount, c.shown);
          assert.equal(charges[0]?.amount, c.shown);
        } else {
          assert.equal(s.status, 'open', 'killed before the charge: reopened for the customer to pay');
          assert.equal(purchases.length, 0);
        }
      }
      const stuck = await server.ctx.db.get<{ n: number }>(
        "SELECT COUNT(*) AS n FROM checkout_sessions WHERE status = 'confirmed'",
      );
      assert.equal(Number(stuck?.n), 0, 'nothing stranded');
      const held = await server.ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM discount_redemptions');
      const used = await server.ctx.db.get<{ n: number }>(
        'SELECT (SELECT COUNT(*) FROM orders WHERE discount_id = ?) + (SELECT COUNT(*) FROM subscriptions WHERE discount_id = ?) AS n',
        [discount.id, discount.id],
      );
      const counted = (await server.api(`/v1/discounts/${discount.id}`)).body.redemptions_count;
      assert.equal(Number(used?.n), 3);
      assert.deepEqual([counted, Number(held?.n)], [3, 3], 'redemptions equal the purchases using the discount');
    } finally {
      await server.stop({ keepData: true });
    }
  });
});

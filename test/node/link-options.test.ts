import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  createDiscount,
  createLink,
  createProduct,
  createSubscriptionProduct,
  getSession,
  openLink,
} from '../helpers/factories.ts';
import { type TestServer, testServers } from '../helpers/test-server.ts';

const CARD = '4242424242424242';
const DECLINED = '4000000000000002';
const DAY = 86_400_000;
const ADDRESS = { country: 'fr', line1: '1 rue de la Paix', postal_code: '75002', city: 'Paris' };

const sessionsUrl = (link: { url: string }) => link.url.replace('/redirect', '/sessions');
const client = (server: TestServer, secret: string, path: '' | '/confirm', body: unknown) =>
  server.api(`/v1/checkouts/client/${secret}${path}`, { method: path ? 'POST' : 'PATCH', body, token: null });

/** The test processor's entries: what was charged, by amount. */
const charges = async (server: TestServer) =>
  (
    await server.ctx.db.all<{ amount: number }>(
      "SELECT amount FROM test_processor_charges WHERE status = 'charged' ORDER BY amount",
    )
  ).map((c) => Number(c.amount));

/** The webhook events written (receipts share the outbox), by type, with their payloads. */
async function events(server: TestServer) {
  const rows = await server.ctx.db.all<{ type: string; payload: string }>(
    `SELECT e.type, e.payload FROM outbox_events e
     WHERE EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.event_id = e.id AND d.channel = 'webhook')
     ORDER BY e.created_at, e.id`,
  );
  return rows.map((r) => ({ type: r.type, data: JSON.parse(r.payload).data }));
}

async function subscribeAll(server: TestServer) {
  const res = await server.api('/v1/webhooks/endpoints', {
    body: {
      url: 'http://127.0.0.1:9/hooks',
      events: ['order.paid', 'subscription.created', 'subscription.active', 'checkout.updated'],
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
}

describe('link options: trial, adjustable quantity, confirmation message, billing address (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  const servers = testServers();
  after(() => servers.stopAll());

  test('the options round-trip through create, PATCH and GET, and the OpenAPI document names them', async () => {
    const server = await servers.start();
    const book = await createProduct(server);
    const plan = await createSubscriptionProduct(server);
    const plain = await createLink(server, [book.id]);
    assert.equal(plain.trial_interval, null);
    assert.equal(plain.trial_interval_count, null);
    assert.equal(plain.adjustable_quantity, null);
    assert.equal(plain.confirmation_message, null);
    assert.equal(plain.require_billing_address, false);

    const patched = await server.api(`/v1/checkout-links/${plain.id}`, {
      method: 'PATCH',
      body: {
        products: [book.id, plan.id],
        trial_interval: 'week',
        trial_interval_count: 2,
        adjustable_quantity: { minimum: 1, maximum: 5 },
        confirmation_message: '  Thanks!\nYour guide is on its way.  ',
        require_billing_address: true,
      },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.trial_interval, 'week');
    assert.equal(patched.body.trial_interval_count, 2);
    assert.deepEqual(patched.body.adjustable_quantity, { minimum: 1, maximum: 5 });
    assert.equal(patched.body.confirmation_message, 'Thanks!\nYour guide is on its way.');
    assert.equal(patched.body.require_billing_address, true);
    assert.deepEqual((await server.api(`/v1/checkout-links/${plain.id}`)).body, patched.body);

    const doc = (await server.api('/v1/openapi.json', { token: null })).body;
    const fields = [
      'trial_interval',
      'trial_interval_count',
      'adjustable_quantity',
      'confirmation_message',
      'require_billing_address',
    ];
    for (const schema of ['CheckoutLink', 'createCheckoutLinkBody', 'updateCheckoutLinkBody'])
      for (const f of fields) assert.ok(doc.components.schemas[schema].properties[f], `${schema}.${f} documented`);
    const created = doc.components.schemas.createCheckoutLinkBody.properties;
    assert.match(created.trial_interval.description, /one-time products on it have none/);
    assert.match(created.adjustable_quantity.description, /fixed-price one-time products/);
    for (const f of ['quantity', 'adjustable_quantity', 'trial', 'billing_address', 'confirmation_message'])
      assert.ok(doc.components.schemas.CheckoutPublic.properties[f], `CheckoutPublic.${f} documented`);
    for (const f of ['quantity', 'billing_address'])
      assert.ok(doc.components.schemas.confirmClientCheckoutBody.properties[f], `confirm body's ${f} documented`);
  });

  test('each bad value is a 422 naming its field, and nothing is written', async () => {
    const server = await servers.start();
    const book = await createProduct(server);
    const plan = await createSubscriptionProduct(server);
    const both = [book.id, plan.id];
    const cases: [string[], Record<string, unknown>, (string | number)[]][] = [
      [both, { trial_interval: 'hour', trial_interval_count: 1 }, ['trial_interval']],
      [both, { trial_interval: 'day', trial_interval_count: 0 }, ['trial_interval_count']],
      [both, { trial_interval: 'day', trial_interval_count: 1001 }, ['trial_interval_count']],
      [both, { trial_interval: 'day', trial_interval_count: 1.5 }, ['trial_interval_count']],
      [both, { trial_interval: 'day' }, ['trial_interval_count']],
      [both, { trial_interval_count: 3 }, ['trial_interval']],
      [[book.id], { trial_interval: 'day', trial_interval_count: 14 }, ['trial_interval']],
      [both, { adjustable_quantity: { minimum: 0, maximum: 5 } }, ['adjustable_quantity', 'minimum']],
      [both, { adjustable_quantity: { minimum: 1, maximum: 10_001 } }, ['adjustable_quantity', 'maximum']],
      [both, { adjustable_quantity: { minimum: 6, maximum: 5 } }, ['adjustable_quantity', 'maximum']],
      [both, { adjustable_quantity: { minimum: 1 } }, ['adjustable_quantity', 'maximum']],
      [both, { adjustable_quantity: 5 }, ['adjustable_quantity']],
      [[plan.id], { adjustable_quantity: { minimum: 1, maximum: 5 } }, ['adjustable_quantity']],
      [both, { confirmation_message: 'x'.repeat(1001) }, ['confirmation_message']],
      [both, { confirmation_message: 'bell\u0007' }, ['confirmation_message']],
      [both, { require_billing_address: 'yes' }, ['require_billing_address']],
    ];
    for (const [products, body, loc] of cases) {
      const res = await server.api('/v1/checkout-links', { body: { products, ...body } });
      assert.equal(res.status, 422, `${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error, 'validation_error');
      assert.deepEqual(res.body.detail[0].loc, ['body', ...loc], JSON.stringify(body));
    }
    assert.equal((await server.api('/v1/checkout-links')).body.pagination.total_count, 0, 'no link was written');

    // PATCH checks against what is stored: the count cannot go without its interval, nor the plan off a trial link.
    const link = await createLink(server, both, { trial_interval: 'day', trial_interval_count: 7 });
    for (const [body, loc] of [
      [{ trial_interval_count: null }, ['body', 'trial_interval_count']],
      [{ products: [book.id] }, ['body', 'trial_interval']],
    ] as const) {
      const res = await server.api(`/v1/checkout-links/${link.id}`, { method: 'PATCH', body });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.deepEqual(res.body.detail[0].loc, loc);
    }
    const read = (await server.api(`/v1/checkout-links/${link.id}`)).body;
    assert.equal(read.trial_interval_count, 7, 'the PATCH wrote nothing');
    assert.equal(read.products.length, 2);
  });

  test('a 14-day trial: nothing due now, the card still collected, a trialing subscription with trial_end', async () => {
    const server = await servers.start();
    await subscribeAll(server);
    const plan = await createSubscriptionProduct(server);
    const book = await createProduct(server);
    const link = await createLink(server, [plan.id, book.id], { trial_interval: 'day', trial_interval_count: 14 });

    const { secret } = await openLink(link.url, { customer_email: 'ada@example.com' });
    const before = Date.now();
    const session = (await getSession(server, secret)).body;
    assert.equal(session.total_amount, 0, 'nothing is due today');
    assert.equal(session.amount, 0);
    assert.equal(session.is_payment_required, false);
    assert.equal(session.trial.interval, 'day');
    assert.equal(session.trial.interval_count, 14);
    assert.equal(session.trial.total_amount, 900, 'then $9.00 a month');
    const shownEnd = Date.parse(session.trial.trial_end);
    assert.ok(Math.abs(shownEnd - (before + 14 * DAY)) < 60_000, session.trial.trial_end);

    // The link's one-time product has no trial.
    const switched = await client(server, secret, '', { product_id: book.id });
    assert.equal(switched.body.trial, null);
    assert.equal(switched.body.total_amount, 2500);
    await client(server, secret, '', { product_id: plan.id });

    const noCard = await client(server, secret, '/confirm', { expected_total: 0 });
    assert.equal(noCard.status, 422);
    assert.deepEqual(noCard.body.detail[0].loc, ['card_number']);
    assert.match(noCard.body.detail[0].msg, /trial/);
    const declined = await client(server, secret, '/confirm', { card_number: DECLINED, expected_total: 0 });
    assert.equal(declined.status, 402, 'a declined card cannot start a trial');

    const paid = await client(server, secret, '/confirm', { card_number: CARD, expected_total: 0 });
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    assert.equal(paid.body.status, 'succeeded');
    assert.equal(paid.body.total_amount, 0);
    assert.deepEqual(await charges(server), [0], 'the card was checked with a charge of 0, nothing more');

    const sub = (await server.api(`/v1/subscriptions/${paid.body.subscription_id}`)).body;
    assert.equal(sub.status, 'trialing');
    assert.equal(sub.amount, 900);
    assert.equal(sub.total_amount, 900, 'what each period costs after the trial');
    // Counted from the claim, a moment before the subscription is written.
    const trialDays = (Date.parse(sub.trial_end) - Date.parse(sub.created_at)) / DAY;
    assert.ok(trialDays > 13.99 && trialDays <= 14, `${sub.created_at} → ${sub.trial_end}`);
    assert.equal(sub.current_period_end, sub.trial_end, 'the trial is the first period');
    assert.equal(paid.body.trial.trial_end, sub.trial_end, 'the session shows the trial it started');

    const sent = await events(server);
    const created = sent.find((e) => e.type === 'subscription.created');
    assert.equal(created?.data.status, 'trialing');
    assert.equal(created?.data.trial_end, sub.trial_end);
    assert.ok(!sent.some((e) => e.type === 'subscription.active'), 'a trial is not yet active');
    const updated = sent.find((e) => e.type === 'checkout.updated');
    assert.equal(updated?.data.trial.trial_end, sub.trial_end);
  });

  test('a trial whose renewal price changed since it was shown: refused with the new price, no subscription', async () => {
    const server = await servers.start();
    const plan = await createSubscriptionProduct(server);
    const link = await createLink(server, [plan.id], { trial_interval: 'day', trial_interval_count: 14 });
    const { secret } = await openLink(link.url, { customer_email: 'ada@example.com' });
    assert.equal((await getSession(server, secret)).body.trial.total_amount, 900);
    await server.api(`/v1/products/${plan.id}`, {
      method: 'PATCH',
      body: { prices: [{ amount_type: 'fixed', price_amount: 1900, price_currency: 'usd' }] },
    });

    const shown = { card_number: CARD, expected_total: 0, expected_renewal_total: 900 };
    const stale = await client(server, secret, '/confirm', shown);
    assert.equal(stale.status, 409, JSON.stringify(stale.body));
    assert.equal(stale.body.error, 'price_changed');
    assert.deepEqual(stale.body.detail[0].loc, ['expected_total']);
    assert.equal(stale.body.checkout.trial.total_amount, 1900, 'the new price to show');
    assert.equal(stale.body.checkout.status, 'open');
    assert.deepEqual(await charges(server), [], 'not even the card check');
    assert.equal((await server.api('/v1/subscriptions')).body.items.length, 0);

    const agreed = await client(server, secret, '/confirm', { ...shown, expected_renewal_total: 1900 });
    assert.equal(agreed.status, 200, JSON.stringify(agreed.body));
    const sub = (await server.api(`/v1/subscriptions/${agreed.body.subscription_id}`)).body;
    assert.equal(sub.total_amount, 1900);
  });

  test('a month and a year of trial end on the same day of the month, in UTC', async () => {
    const server = await servers.start();
    const plan = await createSubscriptionProduct(server, { recurring_interval: 'year' });
    for (const [interval, count, months] of [
      ['month', 1, 1],
      ['year', 2, 24],
    ] as const) {
      const link = await createLink(server, [plan.id], { trial_interval: interval, trial_interval_count: count });
      const { secret } = await openLink(link.url, { customer_email: 'ada@example.com' });
      const paid = await client(server, secret, '/confirm', { card_number: CARD, expected_total: 0 });
      assert.equal(paid.status, 200, JSON.stringify(paid.body));
      const sub = (await server.api(`/v1/subscriptions/${paid.body.subscription_id}`)).body;
      const start = new Date(sub.trial_end);
      start.setUTCMonth(start.getUTCMonth() - months);
      const claimedBefore = Date.parse(sub.created_at) - start.getTime();
      assert.ok(claimedBefore >= 0 && claimedBefore < 60_000, `${interval}: ${sub.created_at} → ${sub.trial_end}`);
    }
  });

  test('quantity 3 with a discount: the unit price times 3, the discount on the whole, charged exactly', async () => {
    const server = await servers.start();
    await subscribeAll(server);
    const product = await createProduct(server, { prices: [{ amount_type: 'fixed', price_amount: 333 }] });
    // 12.5 % of 999 is 124.875: rounded once on the whole (125), not per unit (3 × 42 = 126).
    await createDiscount(server, { code: 'EIGHTH', basis_points: 1250 });
    const link = await createLink(server, [product.id], { adjustable_quantity: { minimum: 1, maximum: 5 } });

    const { secret } = await openLink(link.url, { customer_email: 'ada@example.com', quantity: '3' });
    const opened = (await getSession(server, secret)).body;
    assert.equal(opened.quantity, 3);
    assert.deepEqual(opened.adjustable_quantity, { minimum: 1, maximum: 5 });
    assert.equal(opened.amount, 999);
    const coded = await client(server, secret, '', { discount_code: 'eighth' });
    assert.equal(coded.body.amount, 999);
    assert.equal(coded.body.discount_amount, 125);
    assert.equal(coded.body.total_amount, 874);

    for (const [quantity, loc] of [
      [6, 'must be between 1 and 5'],
      [0, null],
      [2.5, null],
      ['2', null],
    ] as const) {
      const res = await client(server, secret, '', { quantity });
      assert.equal(res.status, 422, String(quantity));
      assert.deepEqual(res.body.detail[0].loc.at(-1), 'quantity');
      if (loc) assert.equal(res.body.detail[0].msg, loc);
    }
    const bad = await client(server, secret, '/confirm', { card_number: CARD, quantity: 9 });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.detail[0].loc.at(-1), 'quantity');

    const paid = await client(server, secret, '/confirm', { card_number: CARD, expected_total: 874 });
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    assert.equal(paid.body.quantity, 3);
    assert.deepEqual(await charges(server), [874]);
    const order = (await server.api(`/v1/orders/${paid.body.order_id}`)).body;
    assert.equal(order.quantity, 3);
    assert.equal(order.amount, 999);
    assert.equal(order.discount_amount, 125);
    assert.equal(order.total_amount, 874);
    const sent = await events(server);
    assert.equal(sent.find((e) => e.type === 'order.paid')?.data.quantity, 3);
    assert.equal(sent.find((e) => e.type === 'checkout.updated')?.data.quantity, 3);

    // A fixed discount comes off the whole once.
    await createDiscount(server, { code: 'FIVE', type: 'fixed', amount: 500, currency: 'usd' });
    const fixed = await openLink(link.url, { quantity: '4', discount_code: 'FIVE' });
    const priced = (await getSession(server, fixed.secret)).body;
    assert.deepEqual([priced.amount, priced.discount_amount, priced.total_amount], [1332, 500, 832]);
  });

  test('prefill quantity is dropped with a reason outside the bounds or where the link does not allow it', async () => {
    const server = await servers.start();
    const product = await createProduct(server);
    const plan = await createSubscriptionProduct(server);
    const link = await createLink(server, [product.id, plan.id], { adjustable_quantity: { minimum: 2, maximum: 4 } });
    const fixed = await createLink(server, [product.id]);

    const start = (await getSession(server, (await openLink(link.url)).secret)).body;
    assert.equal(start.quantity, 2, 'a session starts at the minimum');
    assert.equal(start.amount, 5000);

    const json = (l: { url: string }, body: unknown) =>
      server.api(sessionsUrl(l), { body, token: null }).then((r) => r.body.dropped);
    assert.deepEqual(await json(link, { quantity: 9 }), [{ field: 'quantity', reason: 'must be between 2 and 4' }]);
    assert.deepEqual(await json(link, { quantity: 'lots' }), [{ field: 'quantity', reason: 'must be a whole number' }]);
    assert.deepEqual(await json(link, { quantity: 3, product_id: plan.id }), [
      { field: 'quantity', reason: 'this product is bought one at a time' },
    ]);
    assert.deepEqual(await json(fixed, { quantity: 3 }), [
      { field: 'quantity', reason: 'this checkout does not let the quantity change' },
    ]);
    assert.deepEqual(await json(link, { quantity: 3 }), []);

    // From the query, the page learns of the drop.
    const dropped = (await getSession(server, (await openLink(link.url, { quantity: '1' })).secret)).body;
    assert.equal(dropped.quantity, 2);
    assert.deepEqual(dropped.prefill_dropped, [{ field: 'quantity', reason: 'must be between 2 and 4' }]);

    // PATCH on a link without the option, and on the link's subscription: 422 naming quantity.
    const noOption = (await openLink(fixed.url)).secret;
    const refused = await client(server, noOption, '', { quantity: 2 });
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.detail[0].loc, ['quantity']);
    const onPlan = (await openLink(link.url, { product_id: plan.id })).secret;
    const planned = (await getSession(server, onPlan)).body;
    assert.equal(planned.quantity, 1);
    assert.equal(planned.adjustable_quantity, null);
    assert.equal((await client(server, onPlan, '', { quantity: 2 })).status, 422);
  });

  test('a quantity change racing a confirm: the charge is the total shown, or a 409 and nothing', async () => {
    const server = await servers.start();
    const product = await createProduct(server);
    const link = await createLink(server, [product.id], { adjustable_quantity: { minimum: 1, maximum: 10 } });
    const outcomes = { paid: 0, refused: 0 };
    for (let i = 0; i < 12; i++) {
      const { secret } = await openLink(link.url, { customer_email: `buyer${i}@example.com` });
      // The customer saw 1 × 2500 and pays it while a stepper click for 3 is in flight.
      const [patch, confirm] = await Promise.all([
        client(server, secret, '', { quantity: 3 }),
        client(server, secret, '/confirm', { card_number: CARD, expected_total: 2500 }),
      ]);
      if (confirm.status === 200) {
        outcomes.paid++;
        assert.equal(confirm.body.total_amount, 2500);
        assert.equal(confirm.body.quantity, 1, 'what was paid for');
        const order = (await server.api(`/v1/orders/${confirm.body.order_id}`)).body;
        assert.deepEqual([order.quantity, order.total_amount], [1, 2500]);
        assert.ok([200, 409].includes(patch.status), `${patch.status}`);
      } else {
        outcomes.refused++;
        assert.equal(confirm.status, 409, JSON.stringify(confirm.body));
        assert.equal(confirm.body.error, 'price_changed');
        assert.equal(confirm.body.checkout.total_amount, 7500, 'the refusal shows the new total');
        assert.equal(patch.status, 200);
      }
    }
    // The pay request names the quantity it saw and a stale total: refused, whatever order they land in.
    const { secret } = await openLink(link.url, { customer_email: 'late@example.com' });
    const stale = await client(server, secret, '/confirm', { card_number: CARD, quantity: 3, expected_total: 2500 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error, 'price_changed');
    assert.equal(stale.body.checkout.total_amount, 7500);

    const orders = (await server.api('/v1/orders?limit=100')).body;
    assert.equal(orders.pagination.total_count, outcomes.paid);
    const paidTotals = orders.items.map((o: { total_amount: number }) => o.total_amount);
    assert.deepEqual(await charges(server), paidTotals, 'each charge is an order at the total shown');
  });

  test('a required billing address: confirm without one names each field; an unknown country is a 422; orders carry it', async () => {
    const server = await servers.start();
    await subscribeAll(server);
    const product = await createProduct(server);
    const plan = await createSubscriptionProduct(server);
    const link = await createLink(server, [product.id, plan.id], { require_billing_address: true });
    const { secret } = await openLink(link.url, { customer_email: 'ada@example.com' });
    assert.equal((await getSession(server, secret)).body.require_billing_address, true);

    const missing = await client(server, secret, '/confirm', { card_number: CARD });
    assert.equal(missing.status, 422);
    assert.deepEqual(
      missing.body.detail.map((d: { loc: string[] }) => d.loc.join('.')),
      ['billing_address.country', 'billing_address.line1', 'billing_address.postal_code', 'billing_address.city'],
    );
    for (const [address, field] of [
      [{ ...ADDRESS, country: 'XX' }, 'country'],
      [{ ...ADDRESS, country: 'France' }, 'country'],
      [{ ...ADDRESS, line1: '' }, 'line1'],
      [{ ...ADDRESS, city: undefined }, 'city'],
      [{ ...ADDRESS, postal_code: 'x'.repeat(21) }, 'postal_code'],
      [{ ...ADDRESS, planet: 'Mars' }, 'planet'],
    ] as const) {
      const res = await client(server, secret, '', { billing_address: address });
      assert.equal(res.status, 422, JSON.stringify(address));
      assert.deepEqual(res.body.detail[0].loc.slice(-2), ['billing_address', field]);
    }
    assert.equal((await getSession(server, secret)).body.billing_address, null, 'no bad address was kept');

    const patched = await client(server, secret, '', { billing_address: { ...ADDRESS, line2: 'Étage 2' } });
    assert.equal(patched.status, 200);
    const stored = { ...ADDRESS, country: 'FR', line2: 'Étage 2', state: null };
    assert.deepEqual(patched.body.billing_address, stored);
    const paid = await client(server, secret, '/confirm', { card_number: CARD, expected_total: 2500 });
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    assert.deepEqual((await server.api(`/v1/orders/${paid.body.order_id}`)).body.billing_address, stored);

    const second = await openLink(link.url, { customer_email: 'bob@example.com', product_id: plan.id });
    const address = { ...ADDRESS, country: 'US', state: 'CA', city: 'Oakland', postal_code: '94607' };
    const sub = await client(server, second.secret, '/confirm', { card_number: CARD, billing_address: address });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    const subscription = (await server.api(`/v1/subscriptions/${sub.body.subscription_id}`)).body;
    assert.deepEqual(subscription.billing_address, { ...address, line2: null });

    const sent = await events(server);
    assert.deepEqual(sent.find((e) => e.type === 'order.paid')?.data.billing_address, stored);
    assert.equal(sent.find((e) => e.type === 'subscription.created')?.data.billing_address.state, 'CA');
  });

  test('a confirmation message travels to the session as text, as the merchant wrote it', async () => {
    const server = await servers.start();
    const product = await createProduct(server);
    const message = 'Thanks! <b>Check</b> your inbox.\nSee you.';
    const link = await createLink(server, [product.id], { confirmation_message: message });
    const { secret } = await openLink(link.url);
    assert.equal((await getSession(server, secret)).body.confirmation_message, message);
    // A later edit of the link leaves an open checkout as it was opened.
    await server.api(`/v1/checkout-links/${link.id}`, { method: 'PATCH', body: { confirmation_message: 'Other' } });
    assert.equal((await getSession(server, secret)).body.confirmation_message, message);
    const plain = await createLink(server, [product.id]);
    assert.equal((await getSession(server, (await openLink(plain.url)).secret)).body.confirmation_message, null);
  });
});

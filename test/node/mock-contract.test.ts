import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { z } from 'zod';
import { DEMO_DISCOUNTS, DEMO_PRODUCTS } from '../../mock-server/demo-data.ts';
import { createHandlers, type MockOptions, scenarios } from '../../mock-server/handlers.ts';
import { server as mockServer } from '../../mock-server/node.ts';
import { findDiscountByCode } from '../../server/core/discounts.ts';
import { loadProducts } from '../../server/core/products.ts';
import { seedDemo } from '../../server/demo/seed.ts';
import {
  accessToken,
  accessTokenCreated,
  checkoutPublic,
  type Discount,
  errorBody,
  linkStats,
  listResource,
  organization,
  type Product,
  sessionCreated,
  webhookDelivery,
  webhookEndpoint,
  webhookEndpointWithSecret,
} from '../../src/shared/schemas/index.ts';
import { createCustomField, createDiscount, createLink, createProduct } from '../helpers/factories.ts';
import { startSmtpReceiver } from '../helpers/smtp-receiver.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/**
 * The mocks cannot drift: the same requests go to the MSW handlers and to
 * the real server; both must answer the same status, bodies that parse with
 * the same shared schema, and the same keys. Where the mocks are given the
 * real server's catalogue (products, custom fields, discounts), amounts,
 * discounts, custom field answers, drops and error bodies must be equal too.
 */

const MOCK = 'http://mock.test';
const EMBED_ORIGIN = 'http://localhost:9999'; // the test organization's embed origin

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(base: string, path: string, method = 'GET', body?: unknown, token?: string): Promise<Answer> {
  // The handlers match any origin: the real server's requests must pass them by, or both sides are the mocks.
  const headers: Record<string, string> = base === MOCK ? {} : { accept: 'msw/passthrough' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(base + path, {
    method,
    headers,
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
    // No SMTP_URL on either side: no email is promised.
    assert.equal(rp.body.receipt_email, null);
    assert.equal(mp.body.receipt_email, null);
  });

  test('a server that emails receipts names receipt_email on the paid session, as the mocks do with sendsReceipts', async () => {
    const smtp = await startSmtpReceiver();
    const mailing = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_MS: '20' });
    try {
      const link = await createLink(mailing, [(await createProduct(mailing)).id]);
      mockServer.resetHandlers(...createHandlers({ embedOrigins: [EMBED_ORIGIN], sendsReceipts: true }));
      const prefill = { customer_email: 'ada@example.com' };
      const r = await call(mailing.url, sessions(link.client_secret), 'POST', prefill);
      const m = await mock(sessions('any'), 'POST', prefill);
      const paid = { card_number: '4242424242424242' };
      const [rp, mp] = [
        await call(mailing.url, `/v1/checkouts/client/${r.body.client_secret}/confirm`, 'POST', paid),
        await mock(`/v1/checkouts/client/${m.body.client_secret}/confirm`, 'POST', paid),
      ];
      assertSame(rp, mp, checkoutPublic, 'confirm paid, receipts emailed');
      assert.equal(rp.body.receipt_email, 'ada@example.com');
      assert.equal(mp.body.receipt_email, rp.body.receipt_email);
      await smtp.waitFor(1);
    } finally {
      await mailing.stop();
      await smtp.close();
    }
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

  test('scenario unavailable: a link switched off, not started, ended or sold out (410 with its reason)', async () => {
    const product = await createProduct(server);
    const hour = 3_600_000;
    const cases = [
      { reason: 'inactive', fields: { active: false, inactive_message: 'Back in May.' }, message: 'Back in May.' },
      { reason: 'not_started', fields: { starts_at: new Date(Date.now() + hour).toISOString() } },
      { reason: 'ended', fields: { ends_at: new Date(Date.now() - hour).toISOString() } },
    ] as const;
    for (const c of cases) {
      const link = await createLink(server, [product.id], c.fields);
      mockServer.use(...scenarios.unavailable(c.reason, 'message' in c ? c.message : undefined));
      const [r, m] = [await real(sessions(link.client_secret), 'POST', {}), await mock(sessions('any'), 'POST', {})];
      mockServer.resetHandlers();
      assertSame(r, m, errorBody, `POST sessions, ${c.reason}`);
      for (const key of ['error', 'reason', 'message'] as const) assert.equal(m.body[key], r.body[key], c.reason);
      assert.equal(r.body.reason, c.reason);
    }
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

  describe('on the same catalogue: discount codes, a preset discount, custom fields', () => {
    /** The real server's products and discounts, handed to the mocks as they are. */
    let catalogue: Required<Pick<MockOptions, 'products' | 'discounts'>>;
    let codeLink: string;
    let presetLink: string;
    let presetId: string;

    before(async () => {
      const company = await createCustomField(server, { slug: 'company', properties: { max_length: 20 } });
      const seats = await createCustomField(server, {
        slug: 'seats',
        name: 'Seats',
        type: 'number',
        properties: { ge: 1 },
      });
      const terms = await createCustomField(server, { slug: 'terms', name: 'Terms', type: 'checkbox' });
      const product = await createProduct(server, {
        name: 'Team plan',
        attached_custom_fields: [
          { custom_field_id: company.id, required: false },
          { custom_field_id: seats.id, required: false },
          { custom_field_id: terms.id, required: true },
        ],
      });
      const launch = await createDiscount(server); // LAUNCH20, 20 %
      const preset = await createDiscount(server, { name: 'Preset $5', code: null, type: 'fixed', amount: 500 });
      presetId = preset.id;
      codeLink = (await createLink(server, [product.id])).client_secret;
      presetLink = (await createLink(server, [product.id], { discount_id: preset.id })).client_secret;
      catalogue = { products: [product], discounts: [launch, preset] };
    });

    /** Opens a session with `prefill` on both sides; the mocks play the link of `linkSecret`. */
    async function openBoth(linkSecret: string, prefill: Record<string, unknown>, options: MockOptions = {}) {
      mockServer.resetHandlers(...createHandlers({ embedOrigins: [EMBED_ORIGIN], ...catalogue, ...options }));
      const [r, m] = [await real(sessions(linkSecret), 'POST', prefill), await mock(sessions('any'), 'POST', prefill)];
      assertSame(r, m, sessionCreated, 'POST sessions');
      assert.deepEqual(m.body.dropped, r.body.dropped, 'dropped');
      const path = (a: Answer) => `/v1/checkouts/client/${a.body.client_secret}`;
      return { real: path(r), mock: path(m) };
    }

    /** Same status and schema, and for a checkout the same priced state; for an error, the same body. */
    async function same(paths: { real: string; mock: string }, suffix = '', method = 'GET', body?: unknown) {
      const [r, m] = [await real(paths.real + suffix, method, body), await mock(paths.mock + suffix, method, body)];
      const what = `${method} checkout${suffix} ${JSON.stringify(body ?? '')}`;
      if (r.status >= 400) {
        assertSame(r, m, errorBody, what);
        assert.deepEqual(m.body, r.body, `${what}: error body`);
      } else {
        assertSame(r, m, checkoutPublic, what);
        for (const key of [
          'status',
          'amount',
          'discount_amount',
          'total_amount',
          'is_payment_required',
          'discount',
          'quantity',
          'adjustable_quantity',
          'confirmation_message',
          'require_billing_address',
          'billing_address',
        ])
          assert.deepEqual(m.body[key], r.body[key], `${what}: ${key}`);
        // The trial's end is counted from each side's own clock.
        const trial = (a: Answer) => a.body.trial && { ...(a.body.trial as object), trial_end: typeof a.body.trial };
        assert.deepEqual(trial(m), trial(r), `${what}: trial`);
        assert.deepEqual(m.body.custom_field_data, r.body.custom_field_data, `${what}: custom_field_data`);
      }
      return { real: r, mock: m };
    }

    test('a discount code: prefilled (any case), an unknown one dropped, PATCH to unknown, removed, set again, paid', async () => {
      const dropped = await openBoth(codeLink, { discount_code: 'NOPE20' });
      await same(dropped);

      const paths = await openBoth(codeLink, { discount_code: ' launch20 ', customer_email: 'ada@example.com' });
      const { mock: opened } = await same(paths);
      assert.equal(opened.body.total_amount, 2000, 'the code took 20 % off 2500');

      await same(paths, '', 'PATCH', { discount_code: 'BOGUS' });
      const removed = await same(paths, '', 'PATCH', { discount_code: null });
      assert.equal(removed.mock.body.total_amount, 2500);
      await same(paths, '', 'PATCH', { discount_code: 'LAUNCH20' });
      await same(paths, '/confirm', 'POST', { custom_field_data: { terms: true }, card_number: '4242424242424242' });
      await same(paths); // paid: the discount stays on the succeeded checkout
    });

    test('a capped code that runs out before the confirm: the same 409 with the new amounts, then paid at them', async () => {
      const last = await createDiscount(server, { name: 'Last one', code: 'LAST', max_redemptions: 1 });
      mockServer.resetHandlers(
        ...createHandlers({ embedOrigins: [EMBED_ORIGIN], ...catalogue, discounts: [...catalogue.discounts, last] }),
      );
      const prefill = { discount_code: 'LAST', customer_email: 'ada@example.com', 'custom_field_data.terms': 'true' };
      const open = async () => {
        const [r, m] = [await real(sessions(codeLink), 'POST', prefill), await mock(sessions('any'), 'POST', prefill)];
        assertSame(r, m, sessionCreated, 'POST sessions');
        return {
          real: `/v1/checkouts/client/${r.body.client_secret}`,
          mock: `/v1/checkouts/client/${m.body.client_secret}`,
        };
      };
      const [first, second] = [await open(), await open()];
      const shown = (await same(second)).mock.body.total_amount;
      assert.equal(shown, 2000, 'both pages show the code applied');
      const pay = { card_number: '4242424242424242', expected_total: shown };
      await same(first, '/confirm', 'POST', pay);

      const [r, m] = [
        await real(`${second.real}/confirm`, 'POST', pay),
        await mock(`${second.mock}/confirm`, 'POST', pay),
      ];
      assertSame(r, m, errorBody, 'confirm after the code ran out');
      assert.equal(r.status, 409);
      const { checkout: rc, ...rest } = r.body as { checkout: Record<string, unknown> };
      const { checkout: mc, ...mockRest } = m.body as { checkout: Record<string, unknown> };
      assert.deepEqual(mockRest, rest, 'error, message and detail');
      assert.equal(r.body.error, 'discount_unavailable');
      checkoutPublic.parse(rc);
      checkoutPublic.parse(mc);
      for (const key of ['status', 'amount', 'discount_amount', 'total_amount', 'discount'])
        assert.deepEqual(mc[key], rc[key], `the new amounts: ${key}`);
      assert.equal(rc.total_amount, 2500);
      const paid = await same(second, '/confirm', 'POST', { ...pay, expected_total: rc.total_amount });
      assert.equal(paid.mock.body.total_amount, 2500);
      await server.api(`/v1/discounts/${last.id}`, { method: 'DELETE' });
    });

    test('discount codes disabled on the link: prefill dropped, PATCH refused', async () => {
      await server.api(`/v1/checkout-links/${(await findLink(codeLink)).id}`, {
        method: 'PATCH',
        body: { allow_discount_codes: false },
      });
      try {
        const paths = await openBoth(codeLink, { discount_code: 'LAUNCH20' }, { allowDiscountCodes: false });
        await same(paths);
        await same(paths, '', 'PATCH', { discount_code: 'LAUNCH20' });
      } finally {
        await server.api(`/v1/checkout-links/${(await findLink(codeLink)).id}`, {
          method: 'PATCH',
          body: { allow_discount_codes: true },
        });
      }
    });

    test("a link's preset discount: applied, replaced by a code, back when the code is removed", async () => {
      const paths = await openBoth(presetLink, {}, { linkDiscountId: presetId });
      const { mock: opened } = await same(paths);
      assert.equal(opened.body.total_amount, 2000, 'the preset took 500 off 2500');
      const coded = await same(paths, '', 'PATCH', { discount_code: 'launch20' });
      assert.equal((coded.mock.body.discount as { code: string }).code, 'LAUNCH20');
      const back = await same(paths, '', 'PATCH', { discount_code: '' });
      assert.equal((back.mock.body.discount as { id: string }).id, presetId);
    });

    test('custom fields: prefill (flat and nested) with bad ones dropped, bad types refused, a required one missing on confirm', async () => {
      const paths = await openBoth(codeLink, {
        'custom_field_data.company': 'Acme',
        custom_field_data: { seats: '3', terms: 'maybe', nope: 'x' },
      });
      const { mock: opened } = await same(paths);
      assert.deepEqual(opened.body.custom_field_data, { company: 'Acme', seats: 3 });

      await same(paths, '', 'PATCH', { custom_field_data: { seats: 'many' } }); // domain check: 422 at the slug
      await same(paths, '', 'PATCH', { custom_field_data: { company: 42 } }); // a number for a text field
      await same(paths, '', 'PATCH', { custom_field_data: { company: 'A company name far too long' } });
      await same(paths, '', 'PATCH', { custom_field_data: { company: { name: 'Acme' } } }); // schema: 422 in the body
      await same(paths, '', 'PATCH', { custom_field_data: { seats: 0 } }); // below the field's minimum
      const cleared = await same(paths, '', 'PATCH', { custom_field_data: { company: null, seats: 2 } });
      assert.deepEqual(cleared.mock.body.custom_field_data, { seats: 2 });

      const missing = await same(paths, '/confirm', 'POST', { customer_email: 'ada@example.com' });
      assert.equal(missing.mock.status, 422);
      assert.deepEqual(
        (missing.mock.body.detail as { loc: unknown[] }[]).map((d) => d.loc),
        [['custom_field_data', 'terms'], ['card_number']],
      );
      // A refused confirm kept nothing: the email comes again.
      const paid = await same(paths, '/confirm', 'POST', {
        customer_email: 'ada@example.com',
        custom_field_data: { terms: true },
        card_number: '4242424242424242',
      });
      assert.equal(paid.mock.body.status, 'succeeded');
      await same(paths, '', 'PATCH', { customer_name: 'Too late' }); // 409 checkout_not_open
    });

    test('link options: a quantity with a discount, a trial, a required billing address and a confirmation message', async () => {
      const book = await createProduct(server, {
        name: 'Sticker',
        prices: [{ amount_type: 'fixed', price_amount: 333 }],
      });
      const plan = await createProduct(server, {
        name: 'Club',
        recurring_interval: 'month',
        prices: [{ amount_type: 'fixed', price_amount: 900 }],
      });
      const options = {
        trial_interval: 'day',
        trial_interval_count: 14,
        adjustable_quantity: { minimum: 2, maximum: 5 },
        confirmation_message: 'Thanks! <b>Not</b> HTML.',
        require_billing_address: true,
      } as const;
      const link = await createLink(server, [book.id, plan.id], options);
      const mocked = { products: [book, plan], options };
      const address = { country: 'fr', line1: '1 rue de la Paix', postal_code: '75002', city: 'Paris' };

      const dropped = await openBoth(link.client_secret, { quantity: 9 }, mocked);
      await same(dropped);
      const paths = await openBoth(link.client_secret, { quantity: 3, customer_email: 'ada@example.com' }, mocked);
      await same(paths);
      await same(paths, '', 'PATCH', { discount_code: 'LAUNCH20' });
      await same(paths, '', 'PATCH', { quantity: 6 });
      await same(paths, '', 'PATCH', { quantity: 4 });
      await same(paths, '', 'PATCH', { billing_address: { ...address, country: 'XX' } });
      await same(paths, '/confirm', 'POST', { card_number: '4242424242424242' }); // the address is missing
      await same(paths, '', 'PATCH', { product_id: plan.id }); // a trial: nothing due now, quantity 1
      await same(paths, '', 'PATCH', { quantity: 2 });
      await same(paths, '/confirm', 'POST', { billing_address: address, expected_total: 0 }); // no card
      const pay = { billing_address: address, card_number: '4242424242424242', expected_total: 0 };
      const paid = await same(paths, '/confirm', 'POST', pay);
      assert.equal(paid.mock.body.status, 'succeeded');
      assert.equal((paid.real.body.trial as { total_amount: number }).total_amount, 720, '900 less LAUNCH20');
    });

    const findLink = async (secret: string) => {
      const list = await server.api('/v1/checkout-links?limit=100');
      return (list.body.items as { id: string; client_secret: string }[]).find((l) => l.client_secret === secret)!;
    };
  });

  test("the no-backend demo's catalogue is the seed's: prices, custom fields, the LAUNCH20 code", async () => {
    const seeded = await seedDemo(server.ctx, { embedOrigins: [] });
    const [ebook, support, pro] = await loadProducts(server.ctx.db, [
      seeded.productIds.ebook,
      seeded.productIds.support,
      seeded.productIds.pro,
    ]);
    // What pricing and the custom field checks read; ids, dates and descriptions may differ.
    assert.ok(ebook && support && pro, 'the three demo products are seeded');
    const rules = (p: Product) => ({
      name: p.name,
      recurring_interval: p.recurring_interval,
      prices: p.prices.map(({ id: _i, product_id: _p, created_at: _c, ...price }) => price),
      fields: p.attached_custom_fields.map((a) => ({
        required: a.required,
        order: a.order,
        slug: a.custom_field.slug,
        name: a.custom_field.name,
        type: a.custom_field.type,
        properties: a.custom_field.properties,
      })),
    });
    assert.deepEqual(rules(DEMO_PRODUCTS.ebook), rules(ebook));
    assert.deepEqual(rules(DEMO_PRODUCTS.support), rules(support));
    assert.deepEqual(rules(DEMO_PRODUCTS.pro), rules(pro));
    const terms = ({ id: _i, organization_id: _o, created_at: _c, modified_at: _m, ...d }: Discount) => d;
    const launch = await findDiscountByCode(server.ctx.db, seeded.organizationId, 'LAUNCH20');
    assert.ok(launch);
    assert.deepEqual(DEMO_DISCOUNTS.map(terms), [terms(launch)]);
  });

  describe('Settings routes: access tokens and webhooks', () => {
    /** The same management request to both, with a token (the mocks take any). */
    const both = async (path: string, method = 'GET', body?: unknown, token: string | undefined = server.token) => ({
      r: await call(server.url, path, method, body, token),
      m: await call(MOCK, path, method, body, token),
    });
    const sameError = ({ r, m }: { r: Answer; m: Answer }, what: string) => {
      assertSame(r, m, errorBody, what);
      assert.equal(m.body.error, r.body.error, `${what}: error`);
      assert.deepEqual(m.body.detail, r.body.detail, `${what}: detail`);
    };
    const noContent = ({ r, m }: { r: Answer; m: Answer }, what: string) => {
      assert.equal(r.status, 204, what);
      assert.equal(m.status, 204, what);
      assert.equal(m.body, null, what);
    };
    const unknownId = '00000000-0000-4000-8000-000000000000';
    // Deliveries go to the real server itself (a 404, retried): a request the mocks let through.
    const sink = () => `${server.url}/webhook-sink`;

    test('the organization: read, a bad default_locale refused alike, one set, then cleared', async () => {
      const read = await both('/v1/organizations/current');
      assertSame(read.r, read.m, organization, 'GET organization');
      sameError(
        await both('/v1/organizations/current', 'PATCH', { default_locale: 'tlh' }),
        'PATCH bad default_locale',
      );
      const set = await both('/v1/organizations/current', 'PATCH', { default_locale: 'pt-BR' });
      assertSame(set.r, set.m, organization, 'PATCH default_locale');
      assert.equal(set.r.body.default_locale, 'pt-BR');
      assert.equal(set.m.body.default_locale, 'pt-BR');
      const cleared = await both('/v1/organizations/current', 'PATCH', { default_locale: '' });
      assert.equal(cleared.r.body.default_locale, null);
      assert.equal(cleared.m.body.default_locale, null);
    });

    test('without a token both answer 401; access tokens are listed, issued, refused and revoked alike', async () => {
      sameError(await both('/v1/tokens', 'GET', undefined, ''), 'no token');
      sameError(await both('/v1/webhooks/endpoints', 'GET', undefined, ''), 'no token (webhooks)');
      const listed = await both('/v1/tokens');
      assertSame(listed.r, listed.m, listResource(accessToken), 'GET tokens');
      sameError(await both('/v1/tokens', 'POST', { label: '', scopes: ['root'] }), 'POST bad token');
      const issued = await both('/v1/tokens', 'POST', { label: 'CI', scopes: ['read'] });
      assertSame(issued.r, issued.m, accessTokenCreated, 'POST token');
      assert.match(issued.m.body.token as string, /^clat_/);
      assert.match(issued.r.body.token as string, /^clat_/);
      noContent(
        {
          r: await call(server.url, `/v1/tokens/${issued.r.body.id}`, 'DELETE', undefined, server.token),
          m: await call(MOCK, `/v1/tokens/${issued.m.body.id}`, 'DELETE', undefined, server.token),
        },
        'DELETE token',
      );
      sameError(await both(`/v1/tokens/${unknownId}`, 'DELETE'), 'DELETE unknown token');
    });

    test('webhook endpoints: refused input, create, read, edit, rotate, test event, deliveries, redeliver, delete', async () => {
      sameError(
        await both('/v1/webhooks/endpoints', 'POST', { url: 'javascript:alert(1)', events: ['order.paid'] }),
        'bad URL',
      );
      sameError(
        await both('/v1/webhooks/endpoints', 'POST', { url: sink(), events: ['order.shipped'] }),
        'unknown type',
      );
      const created = await both('/v1/webhooks/endpoints', 'POST', {
        url: sink(),
        events: ['order.paid'],
      });
      assertSame(created.r, created.m, webhookEndpointWithSecret, 'POST endpoint');
      for (const a of [created.r, created.m]) assert.match(a.body.secret as string, /^whsec_[A-Za-z0-9+/]{43}=$/);
      const at = (a: Answer, rest = '') => `/v1/webhooks/endpoints/${a.body.id}${rest}`;
      const pair = async (method: string, r: string, m: string, body?: unknown) => ({
        r: await call(server.url, r, method, body, server.token),
        m: await call(MOCK, m, method, body, server.token),
      });

      const listed = await both('/v1/webhooks/endpoints?limit=5');
      assertSame(listed.r, listed.m, listResource(webhookEndpoint), 'GET endpoints');
      assert.equal((listed.m.body.items as object[]).length, (listed.r.body.items as object[]).length);
      const read = await pair('GET', at(created.r), at(created.m));
      assertSame(read.r, read.m, webhookEndpoint, 'GET endpoint');
      assert.equal(read.m.body.secret, undefined);
      assert.equal(read.r.body.secret, undefined);
      sameError(await both(`/v1/webhooks/endpoints/${unknownId}`), 'GET unknown endpoint');
      const edit = { events: ['order.paid', 'checkout.created'], enabled: false };
      const edited = await pair('PATCH', at(created.r), at(created.m), edit);
      assertSame(edited.r, edited.m, webhookEndpoint, 'PATCH endpoint');
      assert.deepEqual(edited.m.body.events, edited.r.body.events);
      assert.equal(edited.m.body.enabled, edited.r.body.enabled);
      sameError(await pair('PATCH', at(created.r), at(created.m), { url: 'ftp://x.example' }), 'PATCH bad URL');
      await pair('PATCH', at(created.r), at(created.m), { enabled: true });
      const rotated = await pair('POST', at(created.r, '/secret'), at(created.m, '/secret'));
      assertSame(rotated.r, rotated.m, webhookEndpointWithSecret, 'POST secret');
      assert.notEqual(rotated.m.body.secret, created.m.body.secret);

      const sent = await pair('POST', at(created.r, '/test'), at(created.m, '/test'));
      assertSame(sent.r, sent.m, webhookDelivery, 'POST test event');
      assert.equal(sent.m.body.type, sent.r.body.type);
      assert.equal(sent.m.body.status, sent.r.body.status);
      assert.deepEqual(
        Object.keys(JSON.parse(sent.m.body.payload as string)),
        Object.keys(JSON.parse(sent.r.body.payload as string)),
      );
      const deliveries = await pair(
        'GET',
        `/v1/webhooks/deliveries?endpoint_id=${created.r.body.id}`,
        `/v1/webhooks/deliveries?endpoint_id=${created.m.body.id}`,
      );
      assertSame(deliveries.r, deliveries.m, listResource(webhookDelivery), 'GET deliveries');
      assert.equal((deliveries.m.body.items as object[]).length, 1);
      assert.equal((deliveries.r.body.items as object[]).length, 1);
      sameError(await both('/v1/webhooks/deliveries?status=lost'), 'GET deliveries bad status');
      const delivery = (a: Answer, rest = '') => `/v1/webhooks/deliveries/${a.body.id}${rest}`;
      const one = await pair('GET', delivery(sent.r), delivery(sent.m));
      assertSame(one.r, one.m, webhookDelivery, 'GET delivery');
      const again = await pair('POST', delivery(sent.r, '/redeliver'), delivery(sent.m, '/redeliver'));
      assertSame(again.r, again.m, webhookDelivery, 'POST redeliver');
      assert.equal(again.m.body.event_id, sent.m.body.event_id, 'a redelivery keeps the webhook-id');
      assert.equal(again.r.body.event_id, sent.r.body.event_id);
      sameError(await both(`/v1/webhooks/deliveries/${unknownId}/redeliver`, 'POST'), 'redeliver unknown');

      noContent(await pair('DELETE', at(created.r), at(created.m)), 'DELETE endpoint');
      sameError(await pair('GET', at(created.r), at(created.m)), 'GET deleted endpoint');
    });
  });

  test("a link's stats: the same funnel, breakdowns and day from the same redirects, widget sessions and purchase", async () => {
    const product = await createProduct(server);
    const link = await createLink(server, [product.id]);
    mockServer.resetHandlers(...createHandlers({ embedOrigins: [EMBED_ORIGIN], products: [product] }));
    const opens: [string, Record<string, string>][] = [
      ['redirect', { utm_source: 'google', utm_campaign: 'spring', reference_id: 'r1' }],
      ['redirect', { utm_source: 'google', utm_medium: 'cpc' }],
      ['json', { utm_source: 'newsletter', customer_email: 'ada@example.com' }],
    ];
    for (const [base, secret] of [
      [server.url, link.client_secret],
      [MOCK, 'any'],
    ] as const) {
      let last = '';
      for (const [how, prefill] of opens) {
        if (how === 'redirect') {
          const headers: Record<string, string> = base === MOCK ? {} : { accept: 'msw/passthrough' };
          const res = await fetch(`${base}/v1/checkout-links/${secret}/redirect?${new URLSearchParams(prefill)}`, {
            headers,
            redirect: 'manual',
          });
          assert.equal(res.status, 307);
        } else last = (await call(base, sessions(secret), 'POST', prefill)).body.client_secret as string;
      }
      const paid = await call(base, `/v1/checkouts/client/${last}/confirm`, 'POST', {
        card_number: '4242424242424242',
      });
      assert.equal(paid.status, 200, JSON.stringify(paid.body));
    }
    const [r, m] = [
      await call(server.url, `/v1/checkout-links/${link.id}/stats`, 'GET', undefined, server.token),
      await call(MOCK, `/v1/checkout-links/${link.id}/stats`, 'GET', undefined, server.token),
    ];
    assertSame(r, m, linkStats, 'GET stats');
    assert.deepEqual(m.body, r.body, 'the same figures');
    assert.equal((r.body.totals as { sessions: number }).sessions, 3);
    for (const q of ['from=2026-03-02&to=2026-03-01', 'from=2025-01-01&to=2026-01-02', 'to=tomorrow']) {
      const bad = [
        await call(server.url, `/v1/checkout-links/${link.id}/stats?${q}`, 'GET', undefined, server.token),
        await call(MOCK, `/v1/checkout-links/${link.id}/stats?${q}`, 'GET', undefined, server.token),
      ];
      assertSame(bad[0]!, bad[1]!, errorBody, `stats ${q}`);
      assert.deepEqual(bad[1]!.body, bad[0]!.body, `stats ${q}: error body`);
    }
    const noToken = [
      await call(server.url, `/v1/checkout-links/${link.id}/stats`),
      await call(MOCK, `/v1/checkout-links/${link.id}/stats`),
    ];
    assert.deepEqual(noToken[1]!.body, noToken[0]!.body, 'no token');
    assert.equal(noToken[1]!.status, 401);
  });

  test('scenario serverError answers the 500 body of the real error handler', async () => {
    mockServer.use(...scenarios.serverError());
    const m = await mock(sessions('any'), 'POST', {});
    assert.equal(m.status, 500);
    errorBody.parse(m.body);
    // The widget endpoint's errors carry the overlay card's words, as the server's do (card-words.test.ts).
    assert.deepEqual(keys(m.body), ['card', 'detail', 'error', 'message']);
    assert.equal(
      (m.body.card as { failed: string }).failed,
      'The checkout ran into a problem. Please try again in a moment.',
    );
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createCustomField,
  createDiscount,
  createLink,
  createProduct,
  createPwywProduct,
  getSession,
  openLink,
} from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('invalid prefill never breaks a link: the value is dropped and the reason reported', () => {
  let server: TestServer;
  let link: any;
  let noCodes: any;
  let tip: any;
  let other: any;

  before(async () => {
    server = await startTestServer();
    const seats = await createCustomField(server, {
      type: 'number',
      slug: 'seats',
      name: 'Seats',
      properties: { ge: 1, le: 10 },
    });
    const size = await createCustomField(server, {
      type: 'select',
      slug: 'size',
      name: 'Size',
      properties: {
        options: [
          { value: 's', label: 'Small' },
          { value: 'm', label: 'Medium' },
        ],
      },
    });
    const start = await createCustomField(server, {
      type: 'date',
      slug: 'start',
      name: 'Start',
      properties: { ge: '2026-01-01' },
    });
    tip = await createPwywProduct(server, {
      attached_custom_fields: [
        { custom_field_id: seats.id, required: false },
        { custom_field_id: size.id, required: false },
        { custom_field_id: start.id, required: false },
      ],
    });
    other = await createProduct(server, { name: 'Not on the link' });
    const preset = await createDiscount(server, { name: 'Preset', code: null, type: 'fixed', amount: 100 });
    await createDiscount(server, { name: 'Ended', code: 'OLD', ends_at: '2020-01-01T00:00:00Z' });
    link = await createLink(server, [tip.id]);
    noCodes = await createLink(server, [tip.id], { allow_discount_codes: false, discount_id: preset.id });
  });
  after(() => server.stop());

  const cases: [string, Record<string, string>, { field: string; reason: RegExp }][] = [
    ['malformed email', { customer_email: 'not-an-email' }, { field: 'customer_email', reason: /valid email/ }],
    ['amount below the minimum', { amount: '499' }, { field: 'amount', reason: /at least 500/ }],
    ['amount above the maximum', { amount: '50001' }, { field: 'amount', reason: /at most 50000/ }],
    ['amount not an integer', { amount: '12.50' }, { field: 'amount', reason: /whole number/ }],
    ['unknown discount code', { discount_code: 'NOPE' }, { field: 'discount_code', reason: /not a known/ }],
    ['ended discount code', { discount_code: 'old' }, { field: 'discount_code', reason: /ended/ }],
    [
      'unknown custom field slug',
      { 'custom_field_data.ghost': 'x' },
      { field: 'custom_field_data.ghost', reason: /not a custom field/ },
    ],
    [
      'number field out of range',
      { 'custom_field_data.seats': '11' },
      { field: 'custom_field_data.seats', reason: /at most 10/ },
    ],
    [
      'select field not an option',
      { 'custom_field_data.size': 'xl' },
      { field: 'custom_field_data.size', reason: /options/ },
    ],
    [
      'date before its bound',
      { 'custom_field_data.start': '2025-12-31' },
      { field: 'custom_field_data.start', reason: /on or after/ },
    ],
    [
      'value over the size limit',
      { customer_name: 'x'.repeat(501) },
      { field: 'customer_name', reason: /at most 500/ },
    ],
    ['product not on the link', { product_id: '' }, { field: 'product_id', reason: /not one of/ }],
    ['theme not known', { theme: 'neon' }, { field: 'theme', reason: /light, dark or auto/ }],
  ];

  test('an amount out of bounds is dropped with the bound as data, in minor units', async () => {
    for (const [amount, ctx] of [
      ['499', { ge: 500 }],
      ['50001', { le: 50000 }],
    ] as const) {
      const { secret } = await openLink(link.url, { product_id: tip.id, amount });
      const { body } = await getSession(server, secret);
      assert.deepEqual(
        body.prefill_dropped.find((d: { field: string }) => d.field === 'amount')?.ctx,
        ctx,
        `amount=${amount}`,
      );
    }
  });

  for (const [name, query, expected] of cases) {
    test(`${name}: the session is created without it`, async () => {
      if ('product_id' in query) query.product_id = other.id;
      const { secret } = await openLink(link.url, query);
      const { status, body } = await getSession(server, secret);
      assert.equal(status, 200);
      const dropped = body.prefill_dropped.find((d: any) => d.field === expected.field);
      assert.ok(dropped, `dropped ${expected.field}: ${JSON.stringify(body.prefill_dropped)}`);
      assert.match(dropped.reason, expected.reason);
      assert.equal(body.product_id, tip.id);
      assert.equal(body.amount, 1000, 'the preset amount stays');
    });
  }

  test('valid custom field values are typed by their field', async () => {
    const { secret } = await openLink(link.url, {
      'custom_field_data.seats': '3',
      'custom_field_data.size': 'm',
      'custom_field_data.start': '2026-03-01',
    });
    const { body } = await getSession(server, secret);
    assert.deepEqual(body.custom_field_data, { seats: 3, size: 'm', start: '2026-03-01' });
    assert.deepEqual(body.prefill_dropped, []);
  });

  test('a code on a link that disables codes is dropped and the preset discount applies', async () => {
    const { secret } = await openLink(noCodes.url, { discount_code: 'OLD' });
    const { body } = await getSession(server, secret);
    assert.deepEqual(body.prefill_dropped, [
      { field: 'discount_code', reason: 'discount codes are disabled on this link' },
    ]);
    assert.equal(body.discount.name, 'Preset');
    assert.equal(body.discount_amount, 100);
    const patch = await server.api(`/v1/checkouts/client/${secret}`, {
      method: 'PATCH',
      body: { discount_code: 'OLD' },
      token: null,
    });
    assert.equal(patch.status, 422, 'on the session endpoints a bad value is an error, not a drop');
    assert.deepEqual(patch.body.detail, [
      { loc: ['discount_code'], msg: 'discount codes are disabled for this checkout' },
    ]);
  });

  test('attribution never overrides the link metadata and holds to the 50-key limit', async () => {
    const full = Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`k${i}`, i]));
    const fullLink = await createLink(server, [tip.id], { metadata: { ...full, utm_medium: 'owned' } });
    const { secret } = await openLink(fullLink.url, {
      utm_medium: 'email',
      utm_source: 'x',
      reference_id: 'r',
    });
    const { body } = await getSession(server, secret);
    const merchant = await server.api(`/v1/checkouts/${body.id}`);
    assert.equal(Object.keys(merchant.body.metadata).length, 50);
    assert.equal(merchant.body.metadata.utm_medium, 'owned');
    assert.equal(merchant.body.metadata.reference_id, 'r');
    assert.deepEqual(body.prefill_dropped.map((d: any) => d.field).sort(), ['utm_medium', 'utm_source']);
  });
});

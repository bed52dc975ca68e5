import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolvePrefill } from '../../server/core/prefill.ts';
import { amountBound, amountError, computeAmounts, discountIneligibility } from '../../server/core/pricing.ts';
import type { CrossedBound, Discount, Product, ProductPrice } from '../../src/shared/schemas/index.ts';

// Typed factories over the shared schemas' types: each test names only what it is about.
const T0 = '2026-01-01T00:00:00.000Z';
const NOW = new Date('2026-06-01T00:00:00.000Z');

const fixedPrice = (price_amount = 2900, price_currency = 'usd'): ProductPrice => ({
  id: 'price_fixed',
  product_id: 'prod_1',
  is_archived: false,
  created_at: T0,
  amount_type: 'fixed',
  price_amount,
  price_currency,
});
const customPrice = (minimum_amount = 500, maximum_amount: number | null = 10_000): ProductPrice => ({
  id: 'price_custom',
  product_id: 'prod_1',
  is_archived: false,
  created_at: T0,
  amount_type: 'custom',
  minimum_amount,
  maximum_amount,
  preset_amount: null,
  price_currency: 'usd',
});
const freePrice = (): ProductPrice => ({
  id: 'price_free',
  product_id: 'prod_1',
  is_archived: false,
  created_at: T0,
  amount_type: 'free',
  price_currency: 'usd',
});
const createProduct = (overrides: Partial<Product> = {}): Product => ({
  id: 'prod_1',
  organization_id: 'org_1',
  name: 'Ebook',
  description: null,
  recurring_interval: null,
  is_recurring: false,
  is_archived: false,
  prices: [fixedPrice()],
  attached_custom_fields: [],
  created_at: T0,
  modified_at: null,
  ...overrides,
});
type DiscountTerms = Omit<Discount, 'type' | 'basis_points' | 'amount' | 'currency'>;
const base: DiscountTerms = {
  id: 'disc_1',
  organization_id: 'org_1',
  name: 'Launch',
  code: 'LAUNCH20',
  duration: 'once',
  duration_in_months: null,
  max_redemptions: null,
  redemptions_count: 0,
  starts_at: null,
  ends_at: null,
  products: [],
  metadata: {},
  created_at: T0,
  modified_at: null,
};
const percentOff = (basis_points: number, overrides: Partial<DiscountTerms> = {}): Discount => ({
  ...base,
  ...overrides,
  type: 'percentage',
  basis_points,
});
const amountOff = (amount: number, currency = 'usd'): Discount => ({ ...base, type: 'fixed', amount, currency });

describe('amountError', () => {
  const cases: [string, ProductPrice, number, string | null][] = [
    ['a fixed price takes no amount', fixedPrice(), 1000, 'this price does not take a custom amount'],
    ['a fraction of a cent', customPrice(), 500.5, 'must be a whole number of minor units'],
    ['below the minimum', customPrice(500), 499, 'must be at least 500'],
    ['the minimum itself', customPrice(500), 500, null],
    ['the maximum itself', customPrice(500, 10_000), 10_000, null],
    ['above the maximum', customPrice(500, 10_000), 10_001, 'must be at most 10000'],
    ['no maximum', customPrice(500, null), 999_999_999, null],
  ];
  for (const [what, price, amount, expected] of cases)
    test(what, () => assert.equal(amountError(price, amount), expected));
});

describe('amountBound', () => {
  const cases: [string, ProductPrice, number, CrossedBound | undefined][] = [
    ['a fixed price crosses no bound', fixedPrice(), 1000, undefined],
    ['below the minimum', customPrice(500), 499, { ge: 500 }],
    ['within the bounds', customPrice(500, 10_000), 500, undefined],
    ['above the maximum', customPrice(500, 10_000), 10_001, { le: 10_000 }],
    ['no maximum', customPrice(500, null), 999_999_999, undefined],
  ];
  for (const [what, price, amount, expected] of cases)
    test(what, () => assert.deepEqual(amountBound(price, amount), expected));
});

describe('computeAmounts', () => {
  const cases: [string, ProductPrice, number | null, Discount | null, [number, number, number]][] = [
    ['a fixed price', fixedPrice(2900), null, null, [2900, 0, 2900]],
    ['20 % off, rounded to the cent', fixedPrice(2999), null, percentOff(2000), [2999, 600, 2399]],
    ['an amount off', fixedPrice(2900), null, amountOff(500), [2900, 500, 2400]],
    ['an amount off never below zero', fixedPrice(300), null, amountOff(500), [300, 300, 0]],
    ['a custom amount', customPrice(500), 1200, null, [1200, 0, 1200]],
    ['a custom price without an amount: its minimum', customPrice(500), null, null, [500, 0, 500]],
    ['a free price, a discount changes nothing', freePrice(), null, percentOff(5000), [0, 0, 0]],
  ];
  for (const [what, price, custom, discount, [amount, off, total]] of cases)
    test(what, () =>
      assert.deepEqual(computeAmounts(price, custom, discount), {
        amount,
        discount_amount: off,
        total_amount: total,
        currency: 'usd',
      }),
    );
});

describe('discountIneligibility', () => {
  const product = createProduct();
  const cases: [string, Discount, ProductPrice, string | null][] = [
    ['an active discount', percentOff(2000), fixedPrice(), null],
    [
      'not started',
      percentOff(2000, { starts_at: '2026-07-01T00:00:00.000Z' }),
      fixedPrice(),
      'this discount is not active yet',
    ],
    ['ended', percentOff(2000, { ends_at: '2026-05-01T00:00:00.000Z' }), fixedPrice(), 'this discount has ended'],
    [
      'used up',
      percentOff(2000, { max_redemptions: 3, redemptions_count: 3 }),
      fixedPrice(),
      'this discount has been fully redeemed',
    ],
    [
      'for other products',
      percentOff(2000, { products: ['prod_2'] }),
      fixedPrice(),
      'this discount does not apply to this product',
    ],
    ['another currency', amountOff(500, 'eur'), fixedPrice(2900, 'usd'), 'this discount is in another currency'],
    ['a free product', percentOff(2000), freePrice(), 'this product is free'],
  ];
  for (const [what, discount, price, expected] of cases)
    test(what, () => assert.equal(discountIneligibility(discount, product, price, NOW), expected));
});

describe('resolvePrefill, one field at a time', () => {
  const ebook = createProduct();
  const tip = createProduct({ id: 'prod_2', name: 'Tip', prices: [customPrice(500, 10_000)] });
  const resolve = (raw: Record<string, unknown>, mode: 'query' | 'json' = 'json') =>
    resolvePrefill(raw, {
      products: [ebook, tip],
      allowDiscountCodes: true,
      linkMetadata: { campaign: 'spring' },
      embedOrigins: ['https://shop.example'],
      findDiscountByCode: async (code) => (code === 'LAUNCH20' ? percentOff(2000) : null),
      now: NOW,
      mode,
    });

  const dropCases: [string, Record<string, unknown>, string, string, CrossedBound?][] = [
    ['an unknown product', { product_id: 'prod_9' }, 'product_id', "is not one of this link's products"],
    ['a bad email', { customer_email: 'not-an-email' }, 'customer_email', 'is not a valid email address'],
    ['a long name', { customer_name: 'n'.repeat(257) }, 'customer_name', 'must be at most 256 characters'],
    ['an unknown code', { discount_code: 'NOPE' }, 'discount_code', 'is not a known discount code'],
    ['an amount for a fixed price', { amount: '900' }, 'amount', 'this price does not take a custom amount'],
    [
      'an amount below the minimum',
      { product_id: 'prod_2', amount: '100' },
      'amount',
      'must be at least 500',
      { ge: 500 },
    ],
    [
      'an amount above the maximum',
      { product_id: 'prod_2', amount: '10001' },
      'amount',
      'must be at most 10000',
      { le: 10_000 },
    ],
    [
      'an amount that is not cents',
      { product_id: 'prod_2', amount: '5.5' },
      'amount',
      'must be a whole number of minor units (cents)',
    ],
    ['a key of the link metadata', { campaign: 'x' }, 'campaign', 'is not a prefill parameter'],
    ['a theme', { theme: 'pink' }, 'theme', 'must be light, dark or auto'],
    ['a locale', { locale: 'english' }, 'locale', 'must be a language tag such as en or en-US'],
    [
      'a foreign embed origin',
      { embed_origin: 'https://evil.example' },
      'embed_origin',
      "is not in the organization's embed_origins, so the checkout cannot be framed there",
    ],
    ['an embed mode', { embed_mode: 'popup' }, 'embed_mode', 'must be inline'],
    ['a non-string value', { customer_name: { a: 1 } }, 'customer_name', 'must be a string'],
  ];
  for (const [what, raw, field, reason, ctx] of dropCases) {
    test(`drops ${what}`, async () => {
      const out = await resolve(raw);
      assert.deepEqual(out.dropped, [{ field, reason, ...(ctx && { ctx }) }]);
    });
  }

  test('keeps every good value where it belongs', async () => {
    const out = await resolve({
      product_id: 'prod_2',
      amount: '1500',
      customer_email: ' ada@example.com ',
      customer_name: 'Ada',
      discount_code: 'LAUNCH20',
      reference_id: 'ref_1',
      utm_source: 'news',
      theme: 'dark',
      locale: 'fr-CA',
      embed_origin: 'https://shop.example',
      embed_mode: 'inline',
    });
    assert.deepEqual(out.dropped, []);
    assert.equal(out.product.id, 'prod_2');
    assert.equal(out.customAmount, 1500);
    assert.equal(out.customerEmail, 'ada@example.com');
    assert.equal(out.customerName, 'Ada');
    assert.equal(out.discountFromCode?.code, 'LAUNCH20');
    assert.deepEqual(out.metadata, { campaign: 'spring', reference_id: 'ref_1', utm_source: 'news' });
    assert.equal(out.embedOrigin, 'https://shop.example');
    assert.deepEqual(out.pageParams, {
      theme: 'dark',
      locale: 'fr-CA',
      embed_origin: 'https://shop.example',
      embed_mode: 'inline',
    });
  });

  test('from a query, unknown keys travel on to the page and embedding is ignored', async () => {
    const out = await resolve({ ref: 'blog', embed_origin: 'https://shop.example', embed_mode: 'inline' }, 'query');
    assert.deepEqual(out.dropped, []);
    assert.equal(out.embedOrigin, null);
    assert.deepEqual(out.pageParams, { ref: 'blog' });
  });

  test('reports drops in field order, whatever order the input had', async () => {
    const out = await resolve({ theme: 'pink', customer_email: 'x', product_id: 'prod_9' });
    assert.deepEqual(
      out.dropped.map((d) => d.field),
      ['product_id', 'customer_email', 'theme'],
    );
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createProduct } from '../../mock-server/data.ts';
import { computeAmounts, currentPrice, quantityError, trialEnd } from '../../server/core/pricing.ts';
import { NO_SESSION_OPTIONS, type Product } from '../../src/shared/schemas/index.ts';

const fixed = (price_amount: number, recurring: 'month' | null = null): Product => {
  const p = createProduct({ recurring_interval: recurring, is_recurring: recurring !== null });
  return { ...p, prices: [{ ...currentPrice(p), amount_type: 'fixed', price_amount, price_currency: 'usd' }] as never };
};
const withRange = { ...NO_SESSION_OPTIONS, adjustable_quantity: { minimum: 2, maximum: 5 } };

describe('the pure rules of quantities and trials', () => {
  test('the discount applies to the whole and rounds once', () => {
    const price = currentPrice(fixed(333));
    const eighth = { type: 'percentage', basis_points: 1250 } as never;
    assert.deepEqual(computeAmounts(price, null, eighth, 3), {
      amount: 999,
      discount_amount: 125,
      total_amount: 874,
      currency: 'usd',
    });
    const five = { type: 'fixed', amount: 500 } as never;
    assert.equal(computeAmounts(price, null, five, 4).total_amount, 832);
    assert.equal(computeAmounts(price, null, five, 1).total_amount, 0, 'never below zero');
  });

  test('quantityError: bounds, products bought one at a time, links without the option, the amount cap', () => {
    const table: [Parameters<typeof quantityError>, string | null][] = [
      [[withRange, fixed(2500), 2], null],
      [[withRange, fixed(2500), 5], null],
      [[withRange, fixed(2500), 1], 'must be between 2 and 5'],
      [[withRange, fixed(2500), 6], 'must be between 2 and 5'],
      [[withRange, fixed(2500), 2.5], 'must be between 2 and 5'],
      [[withRange, fixed(900, 'month'), 2], 'this product is bought one at a time'],
      [[NO_SESSION_OPTIONS, fixed(2500), 2], 'this checkout does not let the quantity change'],
      [
        [{ ...withRange, adjustable_quantity: { minimum: 1, maximum: 10_000 } }, fixed(99_999), 1_001],
        'must be at most 1000 at this price',
      ],
    ];
    for (const [args, expected] of table) assert.equal(quantityError(...args), expected, JSON.stringify(args.at(-1)));
  });

  test('trialEnd: exact days and weeks, calendar months and years in UTC', () => {
    const start = new Date('2026-01-31T10:00:00.000Z');
    assert.equal(trialEnd(start, 'day', 14).toISOString(), '2026-02-14T10:00:00.000Z');
    assert.equal(trialEnd(start, 'week', 2).toISOString(), '2026-02-14T10:00:00.000Z');
    assert.equal(trialEnd(new Date('2026-03-15T00:00:00Z'), 'month', 1).toISOString(), '2026-04-15T00:00:00.000Z');
    assert.equal(trialEnd(new Date('2026-03-15T00:00:00Z'), 'year', 2).toISOString(), '2028-03-15T00:00:00.000Z');
  });
});

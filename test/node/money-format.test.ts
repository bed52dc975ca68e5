import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeMoney, formatWith } from '../../src/checkout-page/money-format.ts';

test('a described currency formats every amount as ICU does', () => {
  for (const [currency, locale] of [
    ['usd', 'en'],
    ['eur', 'en'],
    ['jpy', 'en'],
    ['kwd', 'en'],
    ['chf', 'en'],
    ['eur', 'fr'],
    ['eur', 'de'],
  ] as [string, string][]) {
    const m = describeMoney(currency, locale);
    assert.ok(m, `${currency} in ${locale}`);
    const intl = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
    for (const minor of [0, 1, 7, 10, 99, 100, 1_005, 2_900, 99_999, 1_000_000, 987_654_321, -1_250])
      assert.equal(formatWith(m, minor), intl.format(minor / 10 ** m.digits), `${minor} ${currency} in ${locale}`);
  }
});

test('the symbol and fraction digits come apart for inputs', () => {
  assert.deepEqual(describeMoney('usd', 'en'), {
    digits: 2,
    prefix: '$',
    suffix: '',
    group: ',',
    decimal: '.',
    symbol: '$',
  });
  assert.equal(describeMoney('jpy', 'en')?.digits, 0);
  assert.equal(describeMoney('kwd', 'en')?.digits, 3);
});

test('a locale that does not group by threes is not described: the page keeps Intl for it', () => {
  assert.equal(describeMoney('inr', 'en-IN'), null);
  assert.equal(describeMoney('eur', 'es'), null); // no separator below 10,000
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../../server/core/mail/receipt-catalogs/en.ts';
import { RECEIPT_CATALOGS } from '../../server/core/mail/receipt-catalogs/index.ts';
import { receiptCatalogTag, receiptWords } from '../../server/core/mail/receipt-strings.ts';
import { placeholdersOf } from '../../src/i18n/catalog.ts';

const placeholders = (template: string) => placeholdersOf(template).sort();

test('every receipt catalog has every English key, the same placeholders, and nothing empty', () => {
  assert.equal(Object.keys(RECEIPT_CATALOGS).length, 12);
  for (const [tag, catalog] of Object.entries(RECEIPT_CATALOGS)) {
    assert.deepEqual(Object.keys(catalog).sort(), Object.keys(en).sort(), `${tag}: the same keys`);
    for (const [key, english] of Object.entries(en)) {
      const own = catalog[key as keyof typeof en];
      assert.ok(own.trim(), `${tag}.${key} is empty`);
      assert.deepEqual(placeholders(own), placeholders(english), `${tag}.${key}: placeholders`);
    }
  }
});

test('a locale finds its own catalog, else its language, else English; placeholders are filled', () => {
  for (const [asked, found] of [
    ['de', 'de'],
    ['de-AT', 'de'],
    ['pt', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['zh', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ar-EG', 'ar'],
    ['xx', 'en'],
    ['', 'en'],
  ])
    assert.equal(receiptCatalogTag(asked!), found, asked);
  assert.equal(receiptWords('fr')('orderSubject', { org: 'La Boutique' }), 'Votre reçu de La Boutique');
  assert.equal(receiptWords('en')('noticeSubject', { product: 'Book' }), 'New order: Book ({total})');
});

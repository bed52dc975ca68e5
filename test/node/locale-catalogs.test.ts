import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { placeholdersOf } from '../../src/i18n/catalog.ts';
import { en } from '../../src/i18n/catalogs/en.ts';
import { CATALOGS, catalogFor } from '../../src/i18n/catalogs/index.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const keys = Object.keys(en).sort();
const sorted = (list: string[]) => [...list].sort();

describe('the checkout catalogs: one per locale, the same keys, the same placeholders, nothing empty', () => {
  test('there is one catalog file per locale and each is registered', () => {
    const files = readdirSync(new URL('../../src/i18n/catalogs/', import.meta.url))
      .filter((f) => f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual(sorted(files), sorted(LOCALES));
    assert.deepEqual(sorted(Object.keys(CATALOGS)), sorted(LOCALES));
  });

  for (const locale of LOCALES) {
    test(`${locale} has every key of en, no other, each non-empty with en's placeholders`, () => {
      const catalog = CATALOGS[locale] as Record<string, string>;
      assert.deepEqual(Object.keys(catalog).sort(), keys, 'same key set as en');
      for (const key of keys) {
        const text = catalog[key];
        assert.equal(typeof text, 'string', `${locale}.${key} is a string`);
        assert.ok(text?.trim(), `${locale}.${key} is not empty`);
        assert.deepEqual(
          sorted(placeholdersOf(text ?? '')),
          sorted(placeholdersOf(en[key as keyof typeof en])),
          `${locale}.${key} has the placeholders of en`,
        );
      }
    });
  }

  test('no locale but en leaves its interface in English (a value equal to en only where a word is shared)', () => {
    // Words the same in some languages (a brand-free "Total", "Name", "Status"): allowed to equal en.
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const same = keys.filter((k) => (CATALOGS[locale] as Record<string, string>)[k] === en[k as keyof typeof en]);
      assert.ok(same.length <= 6, `${locale} repeats ${same.length} English strings: ${same.join(', ')}`);
    }
  });

  test('a key missing at run time falls back to English', () => {
    const short = { ...CATALOGS.de } as Record<string, string>;
    delete short.apply;
    const original = CATALOGS.de;
    (CATALOGS as Record<string, unknown>).de = short;
    try {
      const de = catalogFor('de');
      assert.equal(de.apply, en.apply);
      assert.equal(de.remove, 'Entfernen');
    } finally {
      (CATALOGS as Record<string, unknown>).de = original;
    }
  });
});

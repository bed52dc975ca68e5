import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  acceptedLanguages,
  type LocaleSources,
  matchLocale,
  negotiateLocale,
} from '../../server/core/locale-negotiation.ts';

describe('matching a language tag to a supported locale', () => {
  const table: [string | null | undefined, string | null][] = [
    ['de', 'de'],
    ['DE', 'de'],
    ['de-AT', 'de'],
    ['de_CH', 'de'],
    ['en-GB', 'en'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['ja-JP', 'ja'],
    ['ar-EG', 'ar'],
    ['sv-FI', 'sv'],
    ['tlh', null],
    ['xx-YY', null],
    ['', null],
    ['de;q=1', null],
    ['<script>', null],
    [null, null],
    [undefined, null],
  ];
  for (const [tag, expected] of table)
    test(`${JSON.stringify(tag)} → ${expected}`, () => assert.equal(matchLocale(tag), expected));
});

describe('reading Accept-Language', () => {
  const table: [string | null, string[]][] = [
    ['fr', ['fr']],
    ['fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5', ['fr-CH', 'fr', 'en', 'de']],
    ['en;q=0.3, ja;q=0.9', ['ja', 'en']],
    ['de;q=0, it', ['it']],
    ['nl;q=0.5, sv;q=0.5', ['nl', 'sv']],
    ['*', []],
    ['', []],
    [null, []],
    ['fr;q=abc, es', ['es']],
  ];
  for (const [header, expected] of table)
    test(`${JSON.stringify(header)} → ${expected.join(', ') || 'nothing'}`, () =>
      assert.deepEqual(acceptedLanguages(header), expected));
});

describe('negotiating the page locale: prefill, cookie, Accept-Language, organization default, en', () => {
  const table: [LocaleSources, string][] = [
    [{}, 'en'],
    [{ prefill: 'de', cookie: 'fr', acceptLanguage: 'ja', organizationDefault: 'es' }, 'de'],
    [{ prefill: 'klingon', cookie: 'fr', acceptLanguage: 'ja' }, 'fr'],
    [{ cookie: 'fr', acceptLanguage: 'ja', organizationDefault: 'es' }, 'fr'],
    [{ cookie: 'xx', acceptLanguage: 'ja', organizationDefault: 'es' }, 'ja'],
    [{ acceptLanguage: 'ko, pt;q=0.8', organizationDefault: 'es' }, 'pt-BR'],
    [{ acceptLanguage: 'ko, tlh;q=0.8', organizationDefault: 'es' }, 'es'],
    [{ acceptLanguage: 'de-AT,de;q=0.9,en;q=0.8' }, 'de'],
    [{ acceptLanguage: 'en-US,en;q=0.9,zh;q=0.8' }, 'en'],
    [{ acceptLanguage: 'zh-TW;q=0.4, ar;q=0.6' }, 'ar'],
    [{ organizationDefault: 'it' }, 'it'],
    [{ organizationDefault: 'nope' }, 'en'],
    [{ prefill: 'PT-br' }, 'pt-BR'],
  ];
  for (const [sources, expected] of table)
    test(`${JSON.stringify(sources)} → ${expected}`, () => assert.equal(negotiateLocale(sources), expected));
});

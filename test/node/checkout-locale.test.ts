import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { de } from '../../src/i18n/catalogs/de.ts';
import { en } from '../../src/i18n/catalogs/en.ts';
import { pageCatalogFor } from '../../src/i18n/catalogs/index.ts';
import { ja } from '../../src/i18n/catalogs/ja.ts';
import { createLink, createProduct, openLink } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/** The page's `<html>` attributes and its inline data, as the server wrote them. */
async function page(server: TestServer, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, { headers });
  const body = await res.text();
  const html = /<html([^>]*)>/.exec(body)?.[1] ?? '';
  const data = /<script type="application\/json" id="checkout-data">(.*?)<\/script>/s.exec(body)?.[1];
  return {
    status: res.status,
    lang: /lang="([^"]+)"/.exec(html)?.[1],
    dir: /dir="([^"]+)"/.exec(html)?.[1] ?? null,
    title: /<title>(.*?)<\/title>/.exec(body)?.[1],
    data: data ? JSON.parse(data) : null,
    body,
  };
}

describe("the checkout's language: the server negotiates it and inlines only that catalog", () => {
  let server: TestServer;
  let linkUrl: string;
  let pagePath: string;

  before(async () => {
    server = await startTestServer();
    const product = await createProduct(server, { name: 'Guide' });
    const link = await createLink(server, [product.id]);
    linkUrl = link.url;
    const { location } = await openLink(linkUrl);
    pagePath = location.pathname;
  });
  after(() => server.stop());

  test('no hint at all: English, no dir, the English catalog', async () => {
    const p = await page(server, pagePath);
    assert.equal(p.lang, 'en');
    assert.equal(p.dir, null);
    assert.equal(p.data.strings.payTotal, en.payTotal);
    assert.equal(p.title, 'Checkout · Test Shop');
  });

  test('the locale prefill rides the redirect to the page: de, with German money and only the German catalog', async () => {
    const { location } = await openLink(linkUrl, { locale: 'de' });
    assert.equal(location.searchParams.get('locale'), 'de');
    const p = await page(server, location.pathname + location.search, { 'accept-language': 'ja' });
    assert.equal(p.lang, 'de');
    assert.deepEqual(p.data.strings, pageCatalogFor('de'));
    assert.equal(p.data.strings.payTotal, de.payTotal);
    // The problem pages' strings stay on the server.
    assert.equal(p.data.strings.checkoutNotFoundTitle, undefined);
    assert.equal(p.title, 'Kasse · Test Shop');
    // German money: the amount before the symbol, a decimal comma.
    assert.equal(p.data.money_formats.USD.decimal, ',');
    assert.match(p.data.money_formats.USD.suffix, /\$/);
    // Only one catalog travels: no Japanese string in the page.
    assert.ok(!p.body.includes(ja.payTotal.replace('{total}', '')));
  });

  test('Accept-Language is negotiated (q-values, pt → pt-BR, de-AT → de); ar is right to left', async () => {
    assert.equal((await page(server, pagePath, { 'accept-language': 'fr' })).lang, 'fr');
    assert.equal((await page(server, pagePath, { 'accept-language': 'ko, pt;q=0.8' })).lang, 'pt-BR');
    assert.equal((await page(server, pagePath, { 'accept-language': 'de-AT,en;q=0.5' })).lang, 'de');
    assert.equal((await page(server, pagePath, { 'accept-language': 'en;q=0.2, ja;q=0.9' })).lang, 'ja');
    const ar = await page(server, pagePath, { 'accept-language': 'ar-EG' });
    assert.equal(ar.lang, 'ar');
    assert.equal(ar.dir, 'rtl');
  });

  test('the switcher cookie beats Accept-Language; the prefill beats the cookie; unknown tags fall through', async () => {
    assert.equal((await page(server, pagePath, { cookie: 'checkout_locale=sv', 'accept-language': 'fr' })).lang, 'sv');
    assert.equal((await page(server, `${pagePath}?locale=it`, { cookie: 'checkout_locale=sv' })).lang, 'it');
    const unknown = await page(server, `${pagePath}?locale=xx`, {
      cookie: 'checkout_locale=tlh',
      'accept-language': 'nl',
    });
    assert.equal(unknown.status, 200);
    assert.equal(unknown.lang, 'nl');
  });

  test("the organization's default_locale: validated, used after the customer's hints, cleared by null", async () => {
    const bad = await server.api('/v1/organizations/current', { method: 'PATCH', body: { default_locale: 'klingon' } });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.detail[0].loc, ['body', 'default_locale']);
    const set = await server.api('/v1/organizations/current', { method: 'PATCH', body: { default_locale: 'ja' } });
    assert.equal(set.status, 200);
    assert.equal(set.body.default_locale, 'ja');
    assert.equal((await server.api('/v1/organizations/current')).body.default_locale, 'ja');
    assert.equal((await page(server, pagePath)).lang, 'ja');
    assert.equal((await page(server, pagePath, { 'accept-language': 'tlh, ko' })).lang, 'ja');
    assert.equal((await page(server, pagePath, { 'accept-language': 'es' })).lang, 'es');
    const renamed = await server.api('/v1/organizations/current', { method: 'PATCH', body: { name: 'Test Shop' } });
    assert.equal(renamed.body.default_locale, 'ja', 'a PATCH without it keeps it');
    const cleared = await server.api('/v1/organizations/current', { method: 'PATCH', body: { default_locale: null } });
    assert.equal(cleared.body.default_locale, null);
    assert.equal((await page(server, pagePath)).lang, 'en');
  });

  test('the problem pages speak the locale too: an unknown checkout in German, a switched-off link in Arabic', async () => {
    const missing = await page(server, '/checkout/nope', { 'accept-language': 'de' });
    assert.equal(missing.status, 404);
    assert.equal(missing.lang, 'de');
    assert.match(missing.body, new RegExp(de.checkoutNotFoundTitle));
    const product = await createProduct(server, { name: 'Off' });
    const off = await createLink(server, [product.id], { active: false });
    const res = await fetch(`${off.url}?locale=ar`);
    const body = await res.text();
    assert.equal(res.status, 410);
    assert.match(body, /<html lang="ar" dir="rtl">/);
    assert.match(body, /رابط الدفع هذا غير مفعّل/);
    assert.doesNotMatch(body, /not active/);
  });
});

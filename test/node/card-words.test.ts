import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CATALOGS } from '../../src/i18n/catalogs/index.ts';
import { cardWords as cardWordsSchema } from '../../src/shared/schemas/index.ts';
import { createLink, createProduct } from '../helpers/factories.ts';
import { type TestServer, testServers } from '../helpers/test-server.ts';

/**
 * The widget endpoint sends the overlay card's words in the checkout's
 * language with every answer, so the snippet can carry English only.
 */
describe("the widget endpoint's card words", () => {
  const servers = testServers();
  let server: TestServer;
  let secret: string;
  let inactive: string;
  let ended: string;
  before(async () => {
    server = await servers.start();
    const product = await createProduct(server);
    secret = (await createLink(server, [product.id])).client_secret;
    const off = await createLink(server, [product.id]);
    await server.api(`/v1/checkout-links/${off.id}`, { method: 'PATCH', body: { active: false } });
    inactive = off.client_secret;
    const over = await createLink(server, [product.id], { inactive_message: 'Back on Monday, with more seats.' });
    await server.api(`/v1/checkout-links/${over.id}`, { method: 'PATCH', body: { active: false } });
    ended = over.client_secret;
  });
  after(() => servers.stopAll());

  /** POSTs to the sessions endpoint; `chunked` sends no Content-Length, which only the Hono route takes. */
  async function open(link: string, body: object, acceptLanguage?: string, chunked = false) {
    const text = JSON.stringify(body);
    const res = await fetch(`${server.url}/v1/checkout-links/${link}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) },
      body: chunked ? new Blob([text]).stream() : text,
      ...(chunked ? { duplex: 'half' } : {}),
    } as RequestInit);
    const json = await res.json();
    return { status: res.status, card: cardWordsSchema.parse(json.card) };
  }

  for (const chunked of [false, true]) {
    const path = chunked ? 'Hono route' : 'fast path';
    test(`a created session's card follows the prefill, then Accept-Language, then the organization (${path})`, async () => {
      const de = await open(secret, {}, 'de-AT,de;q=0.9,en;q=0.5', chunked);
      assert.equal(de.status, 201);
      assert.deepEqual(de.card, {
        lang: 'de',
        dir: 'ltr',
        retry: CATALOGS.de.cardRetry,
        slow: CATALOGS.de.cardStillLoading,
        open: CATALOGS.de.cardOpenPage,
        unreachable: CATALOGS.de.cardUnreachable,
        close: CATALOGS.de.cardClose,
        failed: CATALOGS.de.cardNotShown,
      });
      const ja = await open(secret, { locale: 'ja' }, 'de', chunked);
      assert.equal(ja.card.lang, 'ja', 'the prefill beats the header');
      assert.equal(ja.card.retry, '再試行');
      const ar = await open(secret, { locale: 'ar' }, undefined, chunked);
      assert.equal(ar.card.dir, 'rtl');
      assert.equal((await open(secret, { locale: 'tlh' }, 'xx', chunked)).card.lang, 'en', 'unknown tags fall through');
    });

    test(`a failed request's card names the failure in the customer's language (${path})`, async () => {
      const missing = await open('cl_doesnotexist', { locale: 'fr' }, undefined, chunked);
      assert.equal(missing.status, 404);
      assert.equal(missing.card.lang, 'fr');
      assert.equal(missing.card.failed, CATALOGS.fr.linkNotFoundTitle);
      assert.equal(missing.card.retry, CATALOGS.fr.cardRetry);
      const off = await open(inactive, {}, 'es', chunked);
      assert.equal(off.status, 410);
      assert.equal(off.card.failed, CATALOGS.es.inactiveTitle);
      const merchant = await open(ended, {}, 'es', chunked);
      assert.equal(merchant.card.failed, 'Back on Monday, with more seats.', "the merchant's own words, as written");
      const malformed = await fetch(`${server.url}/v1/checkout-links/${secret}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'pl' },
        body: '{"locale":',
      });
      assert.equal(malformed.status, 400);
      assert.equal((await malformed.json()).card.failed, CATALOGS.pl.cardNotShown);
    });
  }

  test("the organization's default language, when the customer names none", async () => {
    await server.api('/v1/organizations/current', { method: 'PATCH', body: { default_locale: 'sv' } });
    try {
      assert.equal((await open(secret, {})).card.retry, CATALOGS.sv.cardRetry);
      assert.equal((await open(secret, {}, 'it')).card.lang, 'it', "the customer's header beats it");
    } finally {
      await server.api('/v1/organizations/current', { method: 'PATCH', body: { default_locale: null } });
    }
  });
});

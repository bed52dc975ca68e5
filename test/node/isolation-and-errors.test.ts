import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccessToken } from '../../server/core/access-tokens.ts';
import { createOrganization } from '../../server/core/organizations.ts';
import { createDiscount, createLink, createProduct } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('organizations never see each other, and bad input is a clear 4xx that writes nothing', () => {
  let server: TestServer;
  let otherToken: string;
  let product: any;
  let link: any;

  before(async () => {
    server = await startTestServer();
    const other = await createOrganization(server.ctx, { name: 'Other Shop' });
    otherToken = (await createAccessToken(server.ctx, other.id)).token;
    product = await createProduct(server);
    link = await createLink(server, [product.id]);
  });
  after(() => server.stop());

  test("another organization's ids answer 404 and its lists are empty", async () => {
    const as = (path: string, init: { method?: string; body?: unknown } = {}) =>
      server.api(path, { ...init, token: otherToken });
    assert.equal((await as(`/v1/products/${product.id}`)).status, 404);
    assert.equal((await as(`/v1/checkout-links/${link.id}`)).status, 404);
    assert.equal(
      (await as(`/v1/checkout-links/${link.id}`, { method: 'PATCH', body: { label: 'stolen' } })).status,
      404,
    );
    assert.equal((await as(`/v1/checkout-links/${link.id}`, { method: 'DELETE' })).status, 404);
    assert.equal((await as('/v1/products')).body.items.length, 0);
    assert.equal((await as('/v1/checkout-links')).body.pagination.total_count, 0);
    const foreign = await as('/v1/checkout-links', { body: { products: [product.id] } });
    assert.equal(foreign.status, 422);
    assert.deepEqual(foreign.body.detail, [{ loc: ['products', 0], msg: 'product not found' }]);
    assert.equal((await server.api(`/v1/checkout-links/${link.id}`)).body.label, 'Test link', 'unchanged');
  });

  test('tokens: missing, wrong and read-only are refused with a reason', async () => {
    const missing = await server.api('/v1/products', { token: null });
    assert.equal(missing.status, 401);
    assert.equal(missing.body.error, 'unauthorized');
    assert.equal((await server.api('/v1/products', { token: 'clat_wrong' })).status, 401);
    const readOnly = (await createAccessToken(server.ctx, server.organizationId, { scopes: ['read'] })).token;
    assert.equal((await server.api('/v1/products', { token: readOnly })).status, 200);
    const write = await server.api('/v1/products', {
      token: readOnly,
      body: { name: 'x', prices: [{ amount_type: 'free' }] },
    });
    assert.equal(write.status, 403);
    const stored = await server.ctx.db.all<{ token_hash: string }>('SELECT token_hash FROM access_tokens');
    assert.ok(
      stored.every((t) => /^[0-9a-f]{64}$/.test(t.token_hash) && t.token_hash !== server.token),
      'hashed at rest',
    );
  });

  test('malformed JSON, wrong types, unknown keys, oversize bodies and unknown ids: 4xx, nothing written', async () => {
    const count = async () => (await server.ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM products'))!.n;
    const before = await count();
    const malformed = await server.api('/v1/products', { body: '{"name": ' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error, 'invalid_json');
    const wrongType = await server.api('/v1/products', {
      body: { name: 42, prices: [{ amount_type: 'fixed', price_amount: '10' }] },
    });
    assert.equal(wrongType.status, 422);
    assert.deepEqual(
      wrongType.body.detail.map((d: any) => d.loc),
      [
        ['body', 'name'],
        ['body', 'prices', 0, 'price_amount'],
      ],
    );
    const unknownKey = await server.api('/v1/products', {
      body: { name: 'x', prices: [{ amount_type: 'free' }], colour: 'red' },
    });
    assert.deepEqual(unknownKey.body.detail, [{ loc: ['body', 'colour'], msg: 'is not a known field' }]);
    const huge = await server.api('/v1/products', { body: { name: 'x', description: 'y'.repeat(70_000), prices: [] } });
    assert.equal(huge.status, 413);
    assert.equal(huge.body.error, 'payload_too_large');
    const badField = await server.api('/v1/products', {
      body: {
        name: 'x',
        prices: [{ amount_type: 'free' }],
        attached_custom_fields: [{ custom_field_id: crypto.randomUUID(), required: true }],
      },
    });
    assert.equal(badField.status, 422, 'a reference to a missing field fails the whole create');
    assert.equal(await count(), before, 'no half-written product');
    assert.equal((await server.api('/v1/products/not-a-uuid')).status, 404);
    assert.equal((await server.api(`/v1/discounts/${crypto.randomUUID()}`)).status, 404);
    const pwyw = await server.api('/v1/products', {
      body: { name: 'x', prices: [{ amount_type: 'custom', minimum_amount: 1000, maximum_amount: 500 }] },
    });
    assert.deepEqual(pwyw.body.detail, [
      { loc: ['body', 'prices', 0, 'maximum_amount'], msg: 'must be at least minimum_amount' },
    ]);
  });

  test('metadata limits hold on links: 50 keys, keys up to 40 characters, strings up to 500', async () => {
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    const r1 = await server.api('/v1/checkout-links', { body: { products: [product.id], metadata: tooMany } });
    assert.equal(r1.status, 422);
    const r2 = await server.api('/v1/checkout-links', {
      body: { products: [product.id], metadata: { ['k'.repeat(41)]: 'v' } },
    });
    assert.deepEqual(r2.body.detail[0].loc, ['body', 'metadata', 'k'.repeat(41)]);
    const r3 = await server.api('/v1/checkout-links', {
      body: { products: [product.id], metadata: { note: 'v'.repeat(501) } },
    });
    assert.deepEqual(r3.body.detail[0].loc, ['body', 'metadata', 'note']);
    const ok = await server.api('/v1/checkout-links', {
      body: { products: [product.id], metadata: { n: 1, b: true, f: 1.5 } },
    });
    assert.equal(ok.status, 201);
  });

  test('success_url keeps {CHECKOUT_ID} literally; non-http URLs are refused', async () => {
    const ok = await server.api('/v1/checkout-links', {
      body: { products: [product.id], success_url: 'https://shop.example/thanks?id={CHECKOUT_ID}' },
    });
    assert.equal(ok.body.success_url, 'https://shop.example/thanks?id={CHECKOUT_ID}');
    const bad = await server.api('/v1/checkout-links', {
      body: { products: [product.id], success_url: 'javascript:alert(1)' },
    });
    assert.equal(bad.status, 422);
  });

  test('discount codes are unique per organization, case-insensitively', async () => {
    await createDiscount(server, { code: 'Summer' });
    const dup = await server.api('/v1/discounts', {
      body: { name: 'x', code: 'SUMMER', type: 'percentage', basis_points: 100 },
    });
    assert.equal(dup.status, 409);
    assert.deepEqual(dup.body.detail, [{ loc: ['code'], msg: 'is already used by another discount' }]);
  });

  test('a deleted link and an unknown one answer a readable 404 page; an all-archived link a clear 410 page', async () => {
    const doomed = await createLink(server, [product.id]);
    assert.equal((await server.api(`/v1/checkout-links/${doomed.id}`, { method: 'DELETE' })).status, 204);
    for (const url of [doomed.url, `${server.url}/v1/checkout-links/cl_unknown/redirect`]) {
      const res = await fetch(url, { redirect: 'manual' });
      assert.equal(res.status, 404);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      assert.match(await res.text(), /This checkout link does not exist/);
    }
    const lonely = await createProduct(server, { name: 'Lonely' });
    const lonelyLink = await createLink(server, [lonely.id]);
    await server.api(`/v1/products/${lonely.id}`, { method: 'DELETE' });
    const gone = await fetch(lonelyLink.url, { redirect: 'manual' });
    assert.equal(gone.status, 410);
    assert.match(await gone.text(), /no longer available/);
    const json = await server.api(`${lonelyLink.url.replace('/redirect', '/sessions')}`, { body: {}, token: null });
    assert.equal(json.body.error, 'link_unavailable');
    assert.deepEqual(
      (await server.api(`/v1/checkout-links/${lonelyLink.id}`)).body.products,
      [],
      'archiving removed it from the link',
    );
  });

  test('problem pages name the seller where known and offer a checked way back', async () => {
    const lonely = await createProduct(server, { name: 'Gone soon' });
    const lonelyLink = await createLink(server, [lonely.id], { return_url: 'https://shop.example/store' });
    await server.api(`/v1/products/${lonely.id}`, { method: 'DELETE' });
    const gone = await (await fetch(lonelyLink.url, { redirect: 'manual' })).text();
    assert.match(gone, /<header><span class="avatar" aria-hidden="true">T<\/span>Test Shop<\/header>/);
    assert.match(gone, /<a class="button" href="https:\/\/shop\.example\/store">Back to Test Shop<\/a>/);

    // Unknown: no seller; the way back is the referring page's origin, never its path, never another scheme.
    const unknown = `${server.url}/v1/checkout-links/cl_unknown/redirect`;
    const fromShop = await (await fetch(unknown, { headers: { referer: 'https://shop.example/p/1?x=<b>' } })).text();
    assert.match(fromShop, /<a class="button" href="https:\/\/shop\.example\/">Back to the shop<\/a>/);
    assert.doesNotMatch(fromShop, /<header>/);
    for (const referer of ['javascript:alert(1)', `${server.url}/checkout/cs_x`]) {
      const page = await (await fetch(unknown, { headers: { referer } })).text();
      assert.doesNotMatch(page, /class="button"/, `no way back to ${referer}`);
      assert.match(page, /Use your browser’s Back button/);
    }
    const checkout = await fetch(`${server.url}/checkout/cs_nope`, { headers: { referer: 'https://shop.example/a' } });
    assert.equal(checkout.status, 404);
    assert.match(await checkout.text(), /This checkout does not exist[\s\S]*href="https:\/\/shop\.example\/"/);
  });

  test('the checkout page may be framed only by a listed embed origin', async () => {
    const res = await server.api(link.url.replace('/redirect', '/sessions'), { body: {}, token: null });
    const page = (q: string) => fetch(`${res.body.url}${q}`);
    const allowed = await page('?embed=1&embed_origin=http%3A%2F%2Flocalhost%3A9999');
    assert.match(allowed.headers.get('content-security-policy')!, /frame-ancestors http:\/\/localhost:9999(;|$)/);
    const other = await page('?embed=1&embed_origin=https%3A%2F%2Fevil.example');
    assert.match(other.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
    const plain = await page('');
    assert.match(plain.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
    // A shared link's query cannot ask for embedded mode (issue 10): only the widget's `embed_url` frames.
    const framed = await fetch(`${link.url}?embed=true&embed_origin=http%3A%2F%2Flocalhost%3A9999`, {
      redirect: 'manual',
    });
    const target = new URL(framed.headers.get('location')!);
    assert.equal(target.searchParams.get('embed'), null);
    assert.equal(target.searchParams.get('embed_origin'), null);
    const framedPage = await fetch(target);
    assert.match(framedPage.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
    const unknown = await fetch(`${server.url}/checkout/cs_nope`);
    assert.equal(unknown.status, 404);
    // The right id with a guessed random half is still nobody's session.
    const secret: string = res.body.client_secret;
    const forged = secret.slice(0, -2) + (secret.endsWith('AA') ? 'BB' : 'AA');
    assert.equal((await server.api(`/v1/checkouts/client/${forged}`, { token: null })).status, 404);
    assert.equal((await fetch(`${server.url}/checkout/${forged}`)).status, 404);
  });

  test("the warm-up page may be framed anywhere: no UI, no data, only the checkout page's own files", async () => {
    const res = await fetch(`${server.url}/checkout/warm`);
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /frame-ancestors \*(;|$)/);
    assert.match(csp, /default-src 'none'/);
    assert.match(res.headers.get('cache-control')!, /public/);
    const body = await res.text();
    // The exact URLs the checkout page loads, so the frame opened on click finds them cached.
    const page = await (
      await fetch(
        `${server.url}/checkout/${(await server.api(link.url.replace('/redirect', '/sessions'), { body: {}, token: null })).body.client_secret}`,
      )
    ).text();
    const urls = body.match(/\/pages\/checkout\.[A-Za-z0-9_-]{10}\.(js|css)/g) ?? [];
    assert.ok(urls.length >= 1, body);
    for (const url of urls) assert.ok(page.includes(`"${url}"`), url);
    assert.match(body, /rel="modulepreload" href="\/pages\/checkout\.[A-Za-z0-9_-]{10}\.js"/);
    assert.doesNotMatch(body, /<(script|form|input|button|a)\b/);
  });
});

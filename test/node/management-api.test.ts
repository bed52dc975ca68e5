import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createCustomField, createDiscount, createLink, createProduct, getSession } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('management API: CRUD, pagination and the Checkout API', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  test('organization: rename and set embed_origins (origins only, normalized)', async () => {
    const ok = await server.api('/v1/organizations/current', {
      method: 'PATCH',
      body: { name: 'Renamed', embed_origins: ['https://shop.example/', 'http://localhost:8080'] },
    });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.embed_origins, ['https://shop.example', 'http://localhost:8080']);
    const bad = await server.api('/v1/organizations/current', {
      method: 'PATCH',
      body: { embed_origins: ['https://shop.example/path'] },
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.detail[0].loc, ['body', 'embed_origins', 0]);
  });

  test('products: a new price replaces the old one; archived products are filtered', async () => {
    const p = await createProduct(server, { name: 'Versioned' });
    const oldPrice = p.prices[0].id;
    const updated = await server.api(`/v1/products/${p.id}`, {
      method: 'PATCH',
      body: { prices: [{ amount_type: 'custom', minimum_amount: 100, preset_amount: 300 }] },
    });
    assert.equal(updated.body.prices.length, 1);
    assert.notEqual(updated.body.prices[0].id, oldPrice);
    assert.equal(updated.body.prices[0].amount_type, 'custom');
    await server.api(`/v1/products/${p.id}`, { method: 'DELETE' });
    const archived = await server.api('/v1/products?is_archived=true');
    assert.deepEqual(
      archived.body.items.map((x: any) => x.id),
      [p.id],
    );
  });

  test('lists paginate: page, limit (at most 100), total_count and max_page', async () => {
    for (let i = 0; i < 5; i++) await createProduct(server, { name: `Bulk ${i}` });
    const page = await server.api('/v1/products?is_archived=false&limit=2&page=2');
    assert.equal(page.body.items.length, 2);
    assert.equal(page.body.pagination.total_count, 5);
    assert.equal(page.body.pagination.max_page, 3);
    const tooMany = await server.api('/v1/products?limit=101');
    assert.equal(tooMany.status, 422);
    assert.deepEqual(tooMany.body.detail[0].loc, ['query', 'limit']);
  });

  test('custom fields: slugs unique, type fixed, properties checked against the type', async () => {
    const f = await createCustomField(server, { slug: 'vat', name: 'VAT id' });
    const dup = await server.api('/v1/custom-fields', { body: { type: 'text', slug: 'vat', name: 'Again' } });
    assert.equal(dup.status, 409);
    const badSlug = await server.api('/v1/custom-fields', { body: { type: 'text', slug: 'Has Space', name: 'x' } });
    assert.deepEqual(badSlug.body.detail[0].loc, ['body', 'slug']);
    const select = await server.api('/v1/custom-fields', {
      body: { type: 'select', slug: 'plan', name: 'Plan', properties: { options: [] } },
    });
    assert.equal(select.status, 422, 'a select needs options');
    const patched = await server.api(`/v1/custom-fields/${f.id}`, {
      method: 'PATCH',
      body: { properties: { max_length: 20 } },
    });
    assert.equal(patched.body.properties.max_length, 20);
    const wrong = await server.api(`/v1/custom-fields/${f.id}`, {
      method: 'PATCH',
      body: { properties: { options: [] } },
    });
    assert.equal(wrong.status, 422);
    assert.equal((await server.api(`/v1/custom-fields/${f.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await server.api(`/v1/custom-fields/${f.id}`)).status, 404);
  });

  test('discounts: repeating needs months, dates ordered, soft delete drops a link preset', async () => {
    const noMonths = await server.api('/v1/discounts', {
      body: { name: 'x', type: 'percentage', basis_points: 100, duration: 'repeating' },
    });
    assert.deepEqual(noMonths.body.detail[0].loc, ['body', 'duration_in_months']);
    const backwards = await server.api('/v1/discounts', {
      body: {
        name: 'x',
        type: 'fixed',
        amount: 100,
        starts_at: '2027-01-02T00:00:00Z',
        ends_at: '2027-01-01T00:00:00Z',
      },
    });
    assert.deepEqual(backwards.body.detail[0].loc, ['body', 'ends_at']);
    const d = await createDiscount(server, { code: 'GONE' });
    const p = await createProduct(server);
    const link = await createLink(server, [p.id], { discount_id: d.id });
    assert.equal(link.discount.id, d.id);
    assert.equal((await server.api(`/v1/discounts/${d.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await server.api(`/v1/checkout-links/${link.id}`)).body.discount_id, null);
  });

  test('checkout links: update products, label and metadata; list filtered by product', async () => {
    const a = await createProduct(server, { name: 'A' });
    const b = await createProduct(server, { name: 'B' });
    const link = await createLink(server, [a.id], { label: 'First' });
    const updated = await server.api(`/v1/checkout-links/${link.id}`, {
      method: 'PATCH',
      body: { label: 'Second', products: [b.id, a.id], metadata: { k: 'v' } },
    });
    assert.equal(updated.body.label, 'Second');
    assert.deepEqual(
      updated.body.products.map((x: any) => x.name),
      ['B', 'A'],
    );
    assert.equal(updated.body.client_secret, link.client_secret, 'the URL never changes');
    const filtered = await server.api(`/v1/checkout-links?product_id=${b.id}`);
    assert.deepEqual(
      filtered.body.items.map((x: any) => x.id),
      [link.id],
    );
    const empty = await server.api(`/v1/checkout-links/${link.id}`, { method: 'PATCH', body: { products: [] } });
    assert.equal(empty.status, 422);
  });

  test('the Checkout API creates a session without a link, with a chosen lifetime', async () => {
    const p = await createProduct(server);
    const created = await server.api('/v1/checkouts', {
      body: { products: [p.id], customer_email: 'api@example.com', metadata: { order_ref: 7 }, expires_in: 1800 },
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.checkout_link_id, null);
    assert.deepEqual(created.body.metadata, { order_ref: 7 });
    assert.equal(Date.parse(created.body.expires_at) - Date.parse(created.body.created_at), 1_800_000);
    const s = await getSession(server, created.body.client_secret);
    assert.equal(s.body.customer_email, 'api@example.com');
    const tooShort = await server.api('/v1/checkouts', { body: { products: [p.id], expires_in: 60 } });
    assert.deepEqual(tooShort.body.detail[0].loc, ['body', 'expires_in']);
    const listed = await server.api(`/v1/checkouts?status=open`);
    assert.ok(listed.body.items.some((c: any) => c.id === created.body.id));
  });
});

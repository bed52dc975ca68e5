import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createCustomField, createLink, createProduct, getSession, openLink } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/** The `loc` of each `detail` entry, joined, for a compact comparison. */
const locs = (body: { detail?: { loc: (string | number)[] }[] }) => (body.detail ?? []).map((d) => d.loc.join('.'));

/**
 * Hostile text: NUL (which PostgreSQL refuses), other control characters and
 * broken Unicode are refused where they make no sense, on SQLite and
 * PostgreSQL alike (this suite runs on both); prefill drops them and says so.
 */
describe('control characters and broken Unicode', () => {
  let server: TestServer;
  let link: any;

  before(async () => {
    server = await startTestServer();
    await createCustomField(server, { slug: 'company', name: 'Company' });
    const fields = (await server.api('/v1/custom-fields')).body.items;
    const product = await createProduct(server, {
      attached_custom_fields: [{ custom_field_id: fields[0].id, required: false }],
    });
    link = await createLink(server, [product.id]);
  });
  after(() => server.stop());

  test('management creates and updates answer 422 naming the field, and write nothing', async () => {
    const product = (await server.api('/v1/products')).body.items[0];
    const cases: [string, string, unknown, string][] = [
      ['POST', '/v1/products', { name: 'a\u0000b', prices: [{ amount_type: 'free' }] }, 'body.name'],
      [
        'POST',
        '/v1/products',
        { name: 'Ok', description: 'line\u0007', prices: [{ amount_type: 'free' }] },
        'body.description',
      ],
      ['POST', '/v1/checkout-links', { label: 'x\u0000', products: [product.id] }, 'body.label'],
      ['POST', '/v1/checkout-links', { products: [product.id], metadata: { k: 'v\u0000' } }, 'body.metadata.k'],
      ['POST', '/v1/checkout-links', { products: [product.id], metadata: { 'k\u0001': 'v' } }, 'body.metadata.k\u0001'],
      [
        'POST',
        '/v1/checkout-links',
        { products: [product.id], success_url: 'https://a.example/\u0000' },
        'body.success_url',
      ],
      ['PATCH', '/v1/organizations/current', { name: 'Shop\u0000' }, 'body.name'],
      ['PATCH', '/v1/organizations/current', { name: 'Shop\ud800' }, 'body.name'],
      ['POST', '/v1/discounts', { name: 'D\u001b[31m', type: 'percentage', basis_points: 100 }, 'body.name'],
      ['PATCH', `/v1/products/${product.id}`, { name: 'a\u0085b' }, 'body.name'],
    ];
    for (const [method, path, body, loc] of cases) {
      const res = await server.api(path, { method, body });
      assert.equal(res.status, 422, `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
      assert.ok(locs(res.body).includes(loc), `${loc} named in ${JSON.stringify(res.body.detail)}`);
    }
    assert.equal((await server.api('/v1/organizations/current')).body.name, 'Test Shop');
    assert.equal((await server.api('/v1/checkout-links')).body.pagination.total_count, 1, 'no link written');
    // Multi-line text keeps its line breaks and tabs.
    const described = await createProduct(server, { name: 'Notes', description: 'one\n\ttwo\r\nthree' });
    assert.equal(described.description, 'one\n\ttwo\r\nthree');
  });

  test('the client PATCH answers 422 naming the field', async () => {
    const { secret } = await openLink(link.url);
    for (const [body, loc] of [
      [{ customer_name: 'Ada\u0000' }, 'body.customer_name'],
      [{ discount_code: 'A\u0000' }, 'body.discount_code'],
      [{ custom_field_data: { company: 'Acme\u0000' } }, 'body.custom_field_data.company'],
    ] as const) {
      const res = await server.api(`/v1/checkouts/client/${secret}`, { method: 'PATCH', body, token: null });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.ok(locs(res.body).includes(loc), `${loc} named in ${JSON.stringify(res.body.detail)}`);
    }
    assert.equal((await getSession(server, secret)).body.customer_name, null);
  });

  test('the redirect drops and reports them; the link keeps working', async () => {
    const res = await fetch(
      `${link.url}?customer_name=a%00b&utm_source=x%01&custom_field_data.company=Acme%00&customer_email=ada%40example.com&ref=a%00&x%00y=1`,
      { redirect: 'manual' },
    );
    assert.equal(res.status, 307);
    const location = new URL(res.headers.get('location')!);
    assert.deepEqual([...location.searchParams.keys()], [], 'nothing with a control character is passed on');
    const session = (await getSession(server, location.pathname.split('/').pop()!)).body;
    assert.equal(session.customer_name, null);
    assert.equal(session.customer_email, 'ada@example.com');
    assert.deepEqual(session.custom_field_data, {});
    assert.deepEqual(session.prefill_dropped.map((d: { field: string }) => d.field).sort(), [
      'custom_field_data.company',
      'customer_name',
      'utm_source',
    ]);
    for (const path of ['/v1/checkout-links/cl_a%00b/redirect', '/v1/checkout-links/cl_a%00b/sessions']) {
      const post = path.endsWith('sessions');
      const res = await server.api(path, { method: post ? 'POST' : 'GET', body: post ? {} : undefined, token: null });
      assert.equal(res.status, 404, `${path}: a NUL in the secret is nobody's link`);
    }
  });

  test('the sessions endpoint drops and reports them, hostile parameter names included', async () => {
    const res = await server.api(link.url.replace('/redirect', '/sessions'), {
      body: { customer_name: 'a\u0000b', 'odd\u0000name': 'x', custom_field_data: { company: 'x\ud800' } },
      token: null,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body.dropped.map((d: { field: string }) => d.field).sort(), [
      'custom_field_data.company',
      'customer_name',
      'odd\ufffdname',
    ]);
    const session = (await getSession(server, res.body.client_secret)).body;
    assert.equal(session.customer_name, null);
    assert.equal(session.prefill_dropped.length, 3);
  });
});

describe('URLs and embed origins', () => {
  let server: TestServer;
  let productId: string;

  before(async () => {
    server = await startTestServer();
    productId = (await createProduct(server)).id;
  });
  after(() => server.stop());

  test('embed_origins holds exact origins only: no wildcard, path, `;` or user-info', async () => {
    for (const bad of [
      'https://*.example',
      'https://evil.example;sandbox',
      'https://evil.example/path',
      'https://a@evil.example',
      'https://evil.example ',
      'javascript:alert(1)',
      'https://evil.example\u0000',
    ]) {
      const res = await server.api('/v1/organizations/current', { method: 'PATCH', body: { embed_origins: [bad] } });
      assert.equal(res.status, 422, `${JSON.stringify(bad)} refused`);
      assert.deepEqual(locs(res.body), ['body.embed_origins.0']);
    }
    const ok = await server.api('/v1/organizations/current', {
      method: 'PATCH',
      body: {
        embed_origins: [
          'https://shop.example',
          'http://localhost:8080/',
          'https://[::1]:8443',
          'https://xn--bcher-kva.example',
        ],
      },
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ok.body.embed_origins, [
      'https://shop.example',
      'http://localhost:8080',
      'https://[::1]:8443',
      'https://xn--bcher-kva.example',
    ]);
  });

  test('success_url and return_url: absolute http(s) with a host, no user-info or controls, stored normalized', async () => {
    for (const bad of [
      'https:evil.example',
      'https:/evil.example',
      'https:\\\\evil.example',
      'ht\ttps://evil.example',
      'https://evil.example/\r\nSet-Cookie: a=b',
      'https://evil.example/\u0000',
      'https://user:pass@evil.example/',
      'https://user@evil.example/',
      'https://*.example/',
      '//evil.example/',
      'javascript:alert(1)',
      'ftp://files.example/',
      ' https://evil.example/',
    ]) {
      for (const field of ['success_url', 'return_url']) {
        const res = await server.api('/v1/checkout-links', { body: { products: [productId], [field]: bad } });
        assert.equal(res.status, 422, `${field} ${JSON.stringify(bad)} refused`);
        assert.deepEqual(locs(res.body), [`body.${field}`]);
      }
    }
    const res = await server.api('/v1/checkout-links', {
      body: {
        products: [productId],
        success_url: 'HTTPS://Shop.Example:443/thanks/{CHECKOUT_ID}?c={CHECKOUT_ID}&q=a b'.replace(' ', ''),
        return_url: 'http://shop.example/a/../back',
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.success_url, 'https://shop.example/thanks/{CHECKOUT_ID}?c={CHECKOUT_ID}&q=ab');
    assert.equal(res.body.return_url, 'http://shop.example/back');
    const patched = await server.api(`/v1/checkout-links/${res.body.id}`, {
      method: 'PATCH',
      body: { success_url: 'https://evil.example;x@good.example/' },
    });
    assert.equal(patched.status, 422, 'user-info on update too');
    const checkout = await server.api('/v1/checkouts', {
      body: { products: [productId], success_url: 'https:evil.example' },
    });
    assert.equal(checkout.status, 422);
    assert.deepEqual(locs(checkout.body), ['body.success_url']);
  });
});

describe('`?embed=1` on a shared link', () => {
  let server: TestServer;
  let link: any;

  before(async () => {
    server = await startTestServer();
    link = await createLink(server, [(await createProduct(server)).id], { success_url: 'https://shop.example/ok' });
  });
  after(() => server.stop());

  test('is not passed on: the page opens as a full page, framed by nobody', async () => {
    for (const query of ['?embed=1', '?embed=true&embed_origin=http%3A%2F%2Flocalhost%3A9999&embed_mode=inline']) {
      const { location } = await openLink(`${link.url}${query}`);
      assert.deepEqual([...location.searchParams.keys()], [], `${query}: nothing embedding travels on`);
      const page = await fetch(location);
      assert.match(page.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
      const html = await page.text();
      assert.match(html, /"embedded":false/);
      assert.equal((await getSession(server, location.pathname.split('/').pop()!)).body.embed_origin, null);
    }
  });

  test('the session page asked for embedded mode without an allowed origin renders as a full page', async () => {
    const { location } = await openLink(link.url);
    for (const query of ['?embed=1', '?embed=1&embed_origin=https%3A%2F%2Fevil.example']) {
      const html = await (await fetch(`${location.href}${query}`)).text();
      assert.match(html, /"embedded":false/, query);
    }
  });

  test('the widget (sessions endpoint) still gets its embedded page for an allowed origin', async () => {
    const res = await server.api(link.url.replace('/redirect', '/sessions'), {
      body: { embed_origin: 'http://localhost:9999' },
      token: null,
    });
    const embedUrl = new URL(res.body.embed_url);
    assert.equal(embedUrl.searchParams.get('embed'), '1');
    const page = await fetch(embedUrl);
    assert.match(page.headers.get('content-security-policy')!, /frame-ancestors http:\/\/localhost:9999(;|$)/);
    assert.match(await page.text(), /"embedded":true/);
  });
});

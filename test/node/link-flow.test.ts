import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createCustomField,
  createDiscount,
  createLink,
  createProduct,
  createPwywProduct,
  createSubscriptionProduct,
  getSession,
  openLink,
} from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('a checkout link, end to end through the real server', () => {
  let server: TestServer;
  let link: any;
  let guide: any;
  let tip: any;
  let membership: any;
  let company: any;
  let terms: any;

  before(async () => {
    server = await startTestServer();
    company = await createCustomField(server, { slug: 'company', name: 'Company', properties: { max_length: 50 } });
    terms = await createCustomField(server, { type: 'checkbox', slug: 'terms', name: 'Terms' });
    guide = await createProduct(server, { attached_custom_fields: [{ custom_field_id: company.id, required: false }] });
    tip = await createPwywProduct(server);
    membership = await createSubscriptionProduct(server, {
      attached_custom_fields: [{ custom_field_id: terms.id, required: true }],
    });
    await createDiscount(server);
    link = await createLink(server, [guide.id, tip.id, membership.id], {
      metadata: { campaign: 'launch', utm_source: 'link' },
    });
  });
  after(() => server.stop());

  test('the link answers its id, a high-entropy client secret and its public URL', () => {
    assert.match(link.client_secret, /^cl_[A-Za-z0-9_-]{32,}$/);
    assert.equal(link.url, `${server.url}/v1/checkout-links/${link.client_secret}/redirect`);
    assert.deepEqual(
      link.products.map((p: any) => p.id),
      [guide.id, tip.id, membership.id],
    );
  });

  test('opening it with every prefill parameter creates a session holding each value', async () => {
    const { secret, location } = await openLink(link.url, {
      customer_email: 'ada@example.com',
      customer_name: 'Ada Lovelace',
      discount_code: 'launch20',
      amount: '1500',
      product_id: tip.id,
      'custom_field_data.company': 'Analytical Engines',
      reference_id: 'ref-42',
      utm_source: 'newsletter',
      utm_medium: 'email',
      utm_campaign: 'spring',
      theme: 'dark',
      locale: 'en',
      unrelated: 'kept',
    });
    assert.equal(location.origin + location.pathname, `${server.url}/checkout/${secret}`);
    assert.match(secret, /^cs_[A-Za-z0-9_-]{32,}$/);
    assert.equal(location.searchParams.get('theme'), 'dark');
    assert.equal(location.searchParams.get('unrelated'), 'kept', 'unconsumed parameters travel on to the page');

    const { status, body: s } = await getSession(server, secret);
    assert.equal(status, 200);
    assert.equal(s.status, 'open');
    assert.equal(s.customer_email, 'ada@example.com');
    assert.equal(s.customer_name, 'Ada Lovelace');
    assert.equal(s.product_id, tip.id, 'product_id preselects');
    assert.equal(s.amount, 1500);
    assert.equal(s.discount.code, 'LAUNCH20');
    assert.equal(s.discount_amount, 300);
    assert.equal(s.total_amount, 1200);
    assert.deepEqual(s.custom_field_data, { company: 'Analytical Engines' });
    assert.deepEqual(
      s.products.map((p: any) => p.id),
      [guide.id, tip.id, membership.id],
    );
    assert.deepEqual(s.prefill_dropped, [{ field: 'utm_source', reason: "the link's own metadata has this key" }]);
    assert.equal(s.metadata, undefined, 'the customer never reads the metadata');
    assert.equal(s.link_url, link.url);

    const merchant = await server.api(`/v1/checkouts/${s.id}`);
    assert.deepEqual(merchant.body.metadata, {
      campaign: 'launch',
      utm_source: 'link',
      reference_id: 'ref-42',
      utm_medium: 'email',
      utm_campaign: 'spring',
    });
    const expiresIn = Date.parse(s.expires_at) - Date.now();
    assert.ok(expiresIn > 86_000_000 && expiresIn <= 86_400_000, 'expires 24 hours after creation by default');
  });

  test('without product_id the first product is preselected', async () => {
    const { secret } = await openLink(link.url);
    const { body: s } = await getSession(server, secret);
    assert.equal(s.product_id, guide.id);
    assert.equal(s.amount, 2500);
    assert.equal(s.total_amount, 2500);
  });

  test('the customer switches product, applies and removes a code, sets an amount, and pays a one-time order', async () => {
    const { secret } = await openLink(link.url, { customer_email: 'grace@example.com' });
    const patch = (body: unknown) =>
      server.api(`/v1/checkouts/client/${secret}`, { method: 'PATCH', body, token: null });

    let r = await patch({ product_id: tip.id });
    assert.equal(r.status, 200);
    assert.equal(r.body.amount, 1000, 'a pay-what-you-want price starts at its preset');
    r = await patch({ amount: 400 });
    assert.equal(r.status, 422);
    // The bound as data beside the words, so the page says it in money without reading English.
    assert.deepEqual(r.body.detail, [{ loc: ['amount'], msg: 'must be at least 500', ctx: { ge: 500 } }]);
    r = await patch({ amount: 2000 });
    assert.equal(r.body.amount, 2000);
    r = await patch({ discount_code: 'LAUNCH20' });
    assert.equal(r.body.discount_amount, 400);
    assert.equal(r.body.total_amount, 1600);
    r = await patch({ discount_code: null });
    assert.equal(r.body.discount, null);
    assert.equal(r.body.total_amount, 2000);
    r = await patch({ discount_code: 'NOPE' });
    assert.equal(r.status, 422);
    assert.deepEqual(r.body.detail[0].loc, ['discount_code']);
    r = await patch({ product_id: '00000000-0000-4000-8000-000000000000' });
    assert.equal(r.status, 422);

    r = await patch({ product_id: guide.id, custom_field_data: { company: 'Navy' } });
    assert.equal(r.body.amount, 2500);

    const declined = await server.api(`/v1/checkouts/client/${secret}/confirm`, {
      body: { card_number: '4000 0000 0000 0002' },
      token: null,
    });
    assert.equal(declined.status, 402);
    assert.equal(declined.body.error, 'card_declined');
    assert.deepEqual(declined.body.detail[0].loc, ['card_number']);
    assert.equal((await getSession(server, secret)).body.status, 'open', 'a declined card leaves the session open');

    const paid = await server.api(`/v1/checkouts/client/${secret}/confirm`, {
      body: { card_number: '4242424242424242' },
      token: null,
    });
    assert.equal(paid.status, 200);
    assert.equal(paid.body.status, 'succeeded');
    assert.ok(paid.body.order_id);
    assert.equal(paid.body.subscription_id, null);

    const orders = await server.api(`/v1/orders?checkout_id=${paid.body.id}`);
    assert.equal(orders.body.items.length, 1);
    const order = orders.body.items[0];
    assert.equal(order.id, paid.body.order_id);
    assert.equal(order.total_amount, 2500);
    assert.equal(order.customer_email, 'grace@example.com');
    assert.deepEqual(order.metadata, { campaign: 'launch', utm_source: 'link' });
    assert.deepEqual(order.custom_field_data, { company: 'Navy' });

    const again = await patch({ customer_name: 'late' });
    assert.equal(again.status, 409, 'a paid session can no longer be changed');
  });

  test('a recurring product creates a subscription with the metadata, once the required checkbox is ticked', async () => {
    const { secret } = await openLink(link.url, { product_id: membership.id, discount_code: 'LAUNCH20' });
    const confirm = (body: unknown) => server.api(`/v1/checkouts/client/${secret}/confirm`, { body, token: null });
    const missing = await confirm({ card_number: '4242424242424242' });
    assert.equal(missing.status, 422);
    assert.deepEqual(
      missing.body.detail.map((d: any) => d.loc),
      [['customer_email'], ['custom_field_data', 'terms']],
    );
    const paid = await confirm({
      card_number: '4242424242424242',
      customer_email: 'joan@example.com',
      custom_field_data: { terms: true },
    });
    assert.equal(paid.status, 200);
    assert.ok(paid.body.subscription_id);
    assert.equal(paid.body.order_id, null);
    const subs = await server.api(`/v1/subscriptions?checkout_id=${paid.body.id}`);
    const sub = subs.body.items[0];
    assert.equal(sub.recurring_interval, 'month');
    assert.equal(sub.amount, 900);
    assert.equal(sub.discount_amount, 180);
    assert.equal(sub.total_amount, 720);
    assert.deepEqual(sub.metadata, { campaign: 'launch', utm_source: 'link' });
    assert.deepEqual(sub.custom_field_data, { terms: true });
    const discounts = await server.api('/v1/discounts');
    assert.equal(discounts.body.items[0].redemptions_count, 1);
  });

  test('a free product needs no card', async () => {
    const free = await createProduct(server, { name: 'Sample', prices: [{ amount_type: 'free' }] });
    const freeLink = await createLink(server, [free.id]);
    const { secret } = await openLink(freeLink.url, { customer_email: 'free@example.com' });
    const paid = await server.api(`/v1/checkouts/client/${secret}/confirm`, { body: {}, token: null });
    assert.equal(paid.status, 200);
    assert.equal(paid.body.total_amount, 0);
    assert.ok(paid.body.order_id);
  });

  test('the widget endpoint answers JSON with what it dropped, and CORS for any site', async () => {
    const res = await fetch(`${server.url}/v1/checkout-links/${link.client_secret}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
      body: JSON.stringify({
        customer_email: 'x@example.com',
        amount: 'lots',
        color: 'red',
        embed_origin: 'http://localhost:9999',
      }),
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const body = await res.json();
    assert.deepEqual(Object.keys(body).sort(), [
      'card',
      'client_secret',
      'dropped',
      'embed_url',
      'expires_at',
      'id',
      'url',
    ]);
    // The page to frame: the session's page, embedded for the allowed origin.
    const embedUrl = new URL(body.embed_url);
    assert.equal(`${embedUrl.origin}${embedUrl.pathname}`, body.url);
    assert.deepEqual(Object.fromEntries(embedUrl.searchParams), { embed: '1', embed_origin: 'http://localhost:9999' });
    assert.deepEqual(body.dropped, [
      { field: 'color', reason: 'is not a prefill parameter' },
      { field: 'amount', reason: 'must be a whole number of minor units (cents)' },
    ]);
    const s = await getSession(server, body.client_secret);
    assert.equal(s.body.embed_origin, 'http://localhost:9999');
    const flat = await server.api(`/v1/checkout-links/${link.client_secret}/sessions`, {
      body: { 'custom_field_data.company': 'Flat Inc' },
      token: null,
    });
    assert.deepEqual(flat.body.dropped, [], 'custom fields may come flat, as in a query');
    assert.equal(flat.body.embed_url, null, 'no origin asked: nothing to frame');
    // Theme and inline mode travel to the framed page; an origin the organization does not list gets no page to frame.
    const themed = await server.api(`/v1/checkout-links/${link.client_secret}/sessions`, {
      body: { embed_origin: 'http://localhost:9999', theme: 'dark', embed_mode: 'inline' },
      token: null,
    });
    assert.deepEqual(Object.fromEntries(new URL(themed.body.embed_url).searchParams), {
      embed: '1',
      theme: 'dark',
      embed_origin: 'http://localhost:9999',
      embed_mode: 'inline',
    });
    const foreign = await server.api(`/v1/checkout-links/${link.client_secret}/sessions`, {
      body: { embed_origin: 'https://evil.example', embed_mode: 'sideways' },
      token: null,
    });
    assert.equal(foreign.body.embed_url, null);
    assert.deepEqual(
      foreign.body.dropped.map((d: { field: string }) => d.field),
      ['embed_origin', 'embed_mode'],
    );
    // text/plain JSON: a CORS simple request, no preflight on the click path.
    const simple = await fetch(`${server.url}/v1/checkout-links/${link.client_secret}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://shop.example' },
      body: JSON.stringify({ customer_name: 'Plain' }),
    });
    assert.equal(simple.status, 201);
    assert.equal(simple.headers.get('access-control-allow-origin'), '*');
    const other = await fetch(`${server.url}/v1/products`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'text/plain' },
      body: '{}',
    });
    assert.equal(other.status, 415, 'elsewhere JSON must say so');
    assert.deepEqual((await getSession(server, flat.body.client_secret)).body.custom_field_data, {
      company: 'Flat Inc',
    });
    assert.equal(s.body.customer_email, 'x@example.com');
  });

  test('the OpenAPI document lists every route, generated from the schemas', async () => {
    const res = await server.api('/v1/openapi.json', { token: null });
    assert.equal(res.status, 200);
    assert.equal(res.body.openapi, '3.1.0');
    assert.ok(res.body.paths['/v1/checkout-links/{client_secret}/sessions'].post);
    assert.ok(res.body.components.schemas.CheckoutLink.properties.client_secret);
    assert.ok(res.body.paths['/v1/checkout-links'].post.requestBody);
  });
});

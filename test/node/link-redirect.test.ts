import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../server/app.ts';
import { createLink, createProduct, getSession } from '../helpers/factories.ts';
import { rawRequest } from '../helpers/raw-request.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const QUERY = '?customer_email=ada%40example.com&utm_source=news&theme=dark&ref=abc';

/**
 * The link redirect is answered before Hono by a Node fast path
 * (server/http/link-redirect-fast-path.ts) when the request is plain, and by
 * the Hono route otherwise: both must answer alike and write the session
 * before the 307.
 */
describe('the link redirect, through the Node fast path and through the Hono route', () => {
  let server: TestServer;
  let link: any;
  let path: string;

  before(async () => {
    server = await startTestServer();
    const product = await createProduct(server);
    link = await createLink(server, [product.id]);
    path = new URL(link.url).pathname;
  });
  after(() => server.stop());

  const expectRedirect = async (res: { status: number; headers: Record<string, any> }) => {
    assert.equal(res.status, 307);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    const location = new URL(res.headers.location);
    assert.equal(location.origin, server.url);
    assert.deepEqual(Object.fromEntries(location.searchParams), { ref: 'abc', theme: 'dark' });
    const secret = location.pathname.split('/').pop()!;
    const session = await getSession(server, secret);
    assert.equal(session.status, 200, 'the session is stored by the time the 307 arrives');
    assert.equal(session.body.customer_email, 'ada@example.com');
    const stored = await server.api(`/v1/checkouts/${session.body.id}`);
    assert.equal(stored.body.metadata.utm_source, 'news');
    return {
      headers: Object.keys(res.headers)
        .filter((h) => h !== 'date')
        .sort(),
      secret,
    };
  };

  test('a plain request (fast path) and the same request by other routes (Hono) answer the same redirect', async () => {
    const fast = await expectRedirect(await rawRequest(server, `${path}${QUERY}`));
    // An unusual Host and a percent-encoded secret are left to Hono, which normalizes both.
    const upperHost = await expectRedirect(
      await rawRequest(server, `${path}${QUERY}`, { headers: { host: 'LOCALHOST:1234' } }),
    );
    const encoded = path.replace('/cl_', '/%63l_');
    const decoded = await expectRedirect(await rawRequest(server, `${encoded}${QUERY}`));
    const app = createApp(server.ctx, server.ctx.db, { rateLimitPerMinute: 1000 });
    const viaHono = await app.request(`${path}${QUERY}`);
    const hono = await expectRedirect({ status: viaHono.status, headers: Object.fromEntries(viaHono.headers) });
    assert.deepEqual(fast.headers, upperHost.headers, 'same headers, framing included');
    assert.deepEqual(fast.headers, decoded.headers);
    // Node's, and the request id the Node listener adds to every answer: absent from app.request().
    const transport = new Set(['connection', 'keep-alive', 'transfer-encoding', 'x-request-id']);
    assert.deepEqual(
      fast.headers.filter((h) => !transport.has(h)),
      hono.headers,
    );
    assert.equal(new Set([fast.secret, upperHost.secret, decoded.secret, hono.secret]).size, 4, 'a session each');
  });

  test('HEAD is answered by Hono, without a session (issue 10); errors keep their readable pages on both paths', async () => {
    assert.equal((await rawRequest(server, path, { method: 'HEAD' })).status, 200);
    for (const target of ['/v1/checkout-links/cl_unknown/redirect', '/v1/checkout-links/cl_unkn%6Fwn/redirect']) {
      const res = await rawRequest(server, target);
      assert.equal(res.status, 404);
      assert.equal(res.headers['content-type'], 'text/html; charset=UTF-8');
      assert.match(res.body, /This checkout link does not exist/);
    }
    // Not a link URL: it falls through to the management API, whose token check answers.
    assert.equal((await rawRequest(server, `${path}/`)).status, 401);
  });

  test('the sessions clicks made list newest first, page after page, with no index per organization', async () => {
    const fresh = await createLink(server, [(await createProduct(server)).id]);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await rawRequest(server, new URL(fresh.url).pathname);
      made.push((await getSession(server, new URL(res.headers.location as string).pathname.split('/').pop()!)).body.id);
    }
    const listed: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await server.api(`/v1/checkouts?checkout_link_id=${fresh.id}&limit=2&page=${page}`);
      assert.deepEqual(res.body.pagination, { total_count: 5, max_page: 3 });
      listed.push(...res.body.items.map((c: any) => c.id));
    }
    assert.deepEqual(listed, [...made].reverse());
  });

  test('a link framed itself (Sec-Fetch-Dest: iframe, as Polar’s embed does) opens the embedded page for a listed origin, on both paths; a tab never does', async () => {
    const shop = 'https://shop.example';
    const patched = await server.api('/v1/organizations/current', { method: 'PATCH', body: { embed_origins: [shop] } });
    assert.equal(patched.status, 200);
    const query = `?embed=true&embed_origin=${encodeURIComponent(shop)}&theme=dark&ref=abc`;
    const framed = { 'sec-fetch-dest': 'iframe' };
    const params = (location: string) => Object.fromEntries(new URL(location).searchParams);
    const app = createApp(server.ctx, server.ctx.db, { rateLimitPerMinute: 1000 });

    const fast = await rawRequest(server, `${path}${query}`, { headers: framed });
    const viaHono = await app.request(`${path}${query}`, { headers: framed });
    for (const location of [fast.headers.location as string, viaHono.headers.get('location')!]) {
      assert.deepEqual(params(location), { embed: '1', embed_origin: shop, theme: 'dark', ref: 'abc' });
      const page = await fetch(location);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors https:\/\/shop\.example(;|$)/);
    }

    // Opened in a tab, the same query is a plain page: no embedded mode without its frame.
    const tab = await rawRequest(server, `${path}${query}`, { headers: { 'sec-fetch-dest': 'document' } });
    assert.deepEqual(params(tab.headers.location as string), { theme: 'dark', ref: 'abc' });
    // Framed for an origin the organization does not list: the plain page (which refuses the frame), reported.
    const other = await rawRequest(server, `${path}?embed=true&embed_origin=https%3A%2F%2Fevil.example`, {
      headers: framed,
    });
    const location = other.headers.location as string;
    assert.deepEqual(params(location), {});
    const session = await getSession(server, new URL(location).pathname.split('/').pop()!);
    assert.deepEqual(
      session.body.prefill_dropped.map((d: { field: string }) => d.field),
      ['embed_origin'],
    );
  });
});

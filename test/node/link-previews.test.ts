import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../server/app.ts';
import { createLink, createProduct } from '../helpers/factories.ts';
import { rawRequest } from '../helpers/raw-request.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const PREVIEW_AGENTS = [
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'Twitterbot/1.0',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  'WhatsApp/2.23.20.0 A',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  'TelegramBot (like TwitterBot)',
];
const PEOPLE_AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  // A phone whose model name holds "bot": still a person.
  'Mozilla/5.0 (Linux; Android 9; CUBOT X19) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
];

/** Every HTML page of ours sends these (issue 10, defect 11). */
function assertPageHeaders(headers: Record<string, string | string[] | undefined> | Headers, what: string) {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : (headers[name] as string));
  assert.match(get('content-security-policy') ?? '', /default-src 'self'.*frame-ancestors 'none'/, what);
  assert.equal(get('x-content-type-options'), 'nosniff', what);
  assert.ok(get('referrer-policy'), what);
}

describe('link previews, HEAD and prefetches of a shared link', () => {
  let server: TestServer;
  let link: any;
  let path: string;
  const sessionCount = async () =>
    (await server.api(`/v1/checkouts?checkout_link_id=${link.id}`)).body.pagination.total_count as number;

  before(async () => {
    server = await startTestServer();
    await server.api('/v1/organizations/current', { method: 'PATCH', body: { name: 'Ada & "Co" <Shop>' } });
    const product = await createProduct(server, {
      name: 'Guide <script>alert(1)</script>',
      description: 'The "best" guide\'s text & more',
    });
    link = await createLink(server, [product.id, (await createProduct(server, { name: 'Second' })).id]);
    path = new URL(link.url).pathname;
  });
  after(() => server.stop());

  test('preview fetchers get an Open Graph card, escaped, and open no session (both paths)', async () => {
    const app = createApp(server.ctx, server.ctx.db, { rateLimitPerMinute: 1000 });
    for (const agent of PREVIEW_AGENTS) {
      const fast = await rawRequest(server, `${path}?utm_source=chat`, { headers: { 'user-agent': agent } });
      const viaHono = await app.request(path, { headers: { 'user-agent': agent } });
      for (const [res, body, headers] of [
        [fast.status, fast.body, fast.headers],
        [viaHono.status, await viaHono.text(), viaHono.headers],
      ] as const) {
        assert.equal(res, 200, agent);
        assertPageHeaders(headers, agent);
        assert.match(body, /<meta property="og:title" content="Guide &lt;script&gt;alert\(1\)&lt;\/script&gt;">/);
        assert.match(
          body,
          /<meta property="og:description" content="The &quot;best&quot; guide&#39;s text &amp; more">/,
        );
        assert.match(body, /<meta property="og:site_name" content="Ada &amp; &quot;Co&quot; &lt;Shop&gt;">/);
        assert.ok(!body.includes('<script>'), 'nothing user-supplied is markup');
      }
      assert.equal(fast.headers['cache-control'], 'no-store', 'people get a redirect from the same URL');
    }
    assert.equal(await sessionCount(), 0);
  });

  test('HEAD and prefetches answer without a session; people still get their session', async () => {
    const head = await rawRequest(server, path, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assertPageHeaders(head.headers, 'HEAD');
    const prefetches: Record<string, string>[] = [
      { 'sec-purpose': 'prefetch' },
      { 'sec-purpose': 'prefetch;prerender' },
      { purpose: 'prefetch' },
    ];
    for (const headers of prefetches) {
      const res = await rawRequest(server, path, { headers });
      assert.equal(res.status, 503, JSON.stringify(headers));
      assert.equal(res.headers['cache-control'], 'no-store');
    }
    assert.equal(await sessionCount(), 0);
    for (const agent of PEOPLE_AGENTS) {
      const res = await rawRequest(server, path, { headers: { 'user-agent': agent } });
      assert.equal(res.status, 307, agent);
    }
    assert.equal(await sessionCount(), PEOPLE_AGENTS.length);
    // HEAD of a link that cannot serve says so, as a GET would.
    const missing = await rawRequest(server, '/v1/checkout-links/cl_unknown/redirect', { method: 'HEAD' });
    assert.equal(missing.status, 404);
    const preview = await rawRequest(server, '/v1/checkout-links/cl_unknown/redirect', {
      headers: {
        'user-agent': PREVIEW_AGENTS[0]!,
      },
    });
    assert.equal(preview.status, 404);
    assert.match(preview.body, /This checkout link does not exist/);
  });

  test('link problem pages send the security headers of every HTML page', async () => {
    for (const target of ['/v1/checkout-links/cl_unknown/redirect', '/v1/checkout-links/cl_unkn%6Fwn/redirect']) {
      const res = await rawRequest(server, target);
      assert.equal(res.status, 404);
      assertPageHeaders(res.headers, target);
    }
    const lonely = await createProduct(server, { name: 'Lonely' });
    const lonelyLink = await createLink(server, [lonely.id]);
    await server.api(`/v1/products/${lonely.id}`, { method: 'DELETE' });
    const gone = await rawRequest(server, new URL(lonelyLink.url).pathname);
    assert.equal(gone.status, 410);
    assertPageHeaders(gone.headers, 'unavailable link');
    const noCheckout = await rawRequest(server, '/checkout/cs_nope');
    assert.equal(noCheckout.status, 404);
    assertPageHeaders(noCheckout.headers, 'unknown checkout');
  });
});

describe('the redirect rate limit', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ REDIRECT_RATE_LIMIT_PER_MINUTE: '3' });
  });
  after(() => server.stop());

  test('an address over the per-minute limit gets a readable 429 page, on both paths, and no session', async () => {
    const link = await createLink(server, [(await createProduct(server)).id]);
    const path = new URL(link.url).pathname;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await rawRequest(server, path)).status);
    const fast = await rawRequest(server, path);
    // A new minute window may start mid-test; then the count restarts and all pass.
    if (fast.status === 307) return assert.ok(new Date().getSeconds() < 2, 'only a window change excuses a 4th');
    assert.deepEqual(statuses, [307, 307, 307]);
    assert.equal(fast.status, 429);
    assert.match(fast.body, /Too many checkouts from this address/);
    assert.ok(Number(fast.headers['retry-after']) > 0);
    assertPageHeaders(fast.headers, '429 page');
    // Hono's path (a percent-encoded secret) counts the same address against the same limit.
    const viaHono = await rawRequest(server, path.replace('/cl_', '/%63l_'));
    assert.equal(viaHono.status, 429);
    const sessions = await server.api(`/v1/checkouts?checkout_link_id=${link.id}`);
    assert.equal(sessions.body.pagination.total_count, 3);
  });
});

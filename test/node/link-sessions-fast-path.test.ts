import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import { createApp } from '../../server/app.ts';
import { TRUST_NONE } from '../../server/http/client-address.ts';
import { linkSessionsFastPath } from '../../server/http/link-sessions-fast-path.ts';
import { SessionRateLimit } from '../../server/http/session-rate-limit.ts';
import { createLink, createProduct } from '../helpers/factories.ts';
import { type TestServer, testServers } from '../helpers/test-server.ts';

const servers = testServers();
const listening: Server[] = [];
after(async () => {
  for (const s of listening) s.close();
  await servers.stopAll();
});

/** Status the fast path's `next` answers: the request was left to Hono. */
const DECLINED = 599;

async function serve(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener);
  listening.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Two servers on one domain context and one limit: the fast path alone
 * (declining with 599) and the Hono app alone, each with its own rate-limit
 * bucket of the same size, so both count the same requests from zero.
 */
async function pair(server: TestServer, perMinute: number) {
  const bucket = `t${Math.random().toString(36).slice(2)}`;
  const fast = linkSessionsFastPath(
    server.ctx,
    new SessionRateLimit(server.ctx.db, { bucket: `${bucket}-fast`, perMinute }),
    TRUST_NONE,
  );
  const app = createApp(server.ctx, server.ctx.db, {
    rateLimitPerMinute: perMinute,
    sessionRateLimit: new SessionRateLimit(server.ctx.db, { bucket: `${bucket}-hono`, perMinute }),
  });
  return {
    fast: await serve((req, res) => fast(req, res, () => res.writeHead(DECLINED).end())),
    hono: await serve(getRequestListener(app.fetch)),
  };
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Fields that differ between any two sessions: their shape is compared, not their value. */
const FRESH = new Set(['id', 'client_secret', 'url', 'embed_url', 'expires_at']);
// Headers of the connection, not of the answer.
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

async function send(
  base: string,
  path: string,
  init: { type?: string; body?: string | Uint8Array<ArrayBuffer> },
): Promise<Answer> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: init.type ? { 'content-type': init.type } : {},
    body: init.body,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text, (key, value) => {
      if (!FRESH.has(key) || typeof value !== 'string') return value;
      if (key === 'expires_at') return Number.isNaN(Date.parse(value)) ? value : '<a time>';
      return `<${key} of ${value.replace(/[A-Za-z0-9_-]{12,}/g, '…')}>`;
    });
  } catch {}
  const headers: Record<string, string> = {};
  for (const [name, value] of res.headers) if (!TRANSPORT.has(name)) headers[name] = value;
  // The limit's remaining count is the same by construction (same size, same requests): keep it.
  return { status: res.status, headers, body };
}

test('the sessions fast path answers every request it takes exactly as the Hono route does', async () => {
  const server = await servers.start();
  const product = await createProduct(server);
  const link = await createLink(server, [product.id], { metadata: { plan: 'pro' } });
  const off = await createLink(server, [product.id]);
  await server.api(`/v1/checkout-links/${off.id}`, { method: 'PATCH', body: { active: false } });
  const { fast, hono } = await pair(server, 1000);
  const path = (secret: string) => `/v1/checkout-links/${secret}/sessions`;
  const json = 'application/json';
  const cases: [string, string, { type?: string; body?: string | Uint8Array<ArrayBuffer> }][] = [
    ['a prefilled session', path(link.client_secret), { type: json, body: '{"customer_email":"a@example.com"}' }],
    ['an empty body', path(link.client_secret), { type: json, body: '' }],
    ['JSON sent as text/plain (no preflight)', path(link.client_secret), { type: 'text/plain', body: '{}' }],
    ['a body led by a BOM', path(link.client_secret), { type: json, body: '\uFEFF{"customer_name":"Ada"}' }],
    [
      'prefill that is dropped',
      path(link.client_secret),
      { type: json, body: '{"customer_email":"not an email","amount":"x","utm_source":"news"}' },
    ],
    [
      'an embed origin the organization lists',
      path(link.client_secret),
      { type: json, body: '{"embed_origin":"http://localhost:9999","theme":"dark"}' },
    ],
    ['malformed JSON', path(link.client_secret), { type: json, body: '{"customer_email":' }],
    ['JSON that is not an object', path(link.client_secret), { type: json, body: '[1,2]' }],
    ['a query string, which the route ignores', `${path(link.client_secret)}?x=1`, { type: json, body: '{}' }],
    ['an unknown link', path('cl_doesnotexist'), { type: json, body: '{}' }],
    [
      'an unknown link, asked in German (the card says so in German)',
      path('cl_doesnotexist'),
      { type: json, body: '{"locale":"de"}' },
    ],
    ['an inactive link', path(off.client_secret), { type: json, body: '{}' }],
  ];
  for (const [what, p, init] of cases) {
    const viaHono = await send(hono, p, init);
    const viaFast = await send(fast, p, init);
    assert.notEqual(viaFast.status, DECLINED, `${what}: the fast path takes it`);
    assert.deepEqual(viaFast, viaHono, what);
  }
  const sessions = await server.ctx.db.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM checkout_sessions WHERE checkout_link_id = ?',
    [link.id],
  );
  assert.equal(Number(sessions?.n), 2 * 7, 'each path opened a session for each of the 7 successful requests');
  const prefilled = await server.ctx.db.get<{ metadata: string }>(
    "SELECT metadata FROM checkout_sessions WHERE customer_email = 'a@example.com' LIMIT 1",
  );
  assert.equal(JSON.parse(prefilled!.metadata).plan, 'pro', 'the session carries the link metadata');

  // What the fast path leaves to Hono, before it counts or reads anything.
  for (const [what, init] of [
    ['another content type', { type: 'application/x-www-form-urlencoded', body: 'a=1' }],
    ['no content type', { body: new TextEncoder().encode('{}') }],
  ] as const) {
    assert.equal((await send(fast, path(link.client_secret), init)).status, DECLINED, what);
    assert.equal((await send(hono, path(link.client_secret), init)).status, 415, what);
  }
  assert.equal(
    (await send(fast, `/v1/checkout-links/${encodeURIComponent('cl_a%b')}/sessions`, { type: json, body: '{}' }))
      .status,
    DECLINED,
    'a percent-encoded secret is for Hono to decode',
  );
});

test('over the limit, the fast path answers the 429 the Hono route answers, headers included', async () => {
  const server = await servers.start();
  const link = await createLink(server, [(await createProduct(server)).id]);
  const { fast, hono } = await pair(server, 2);
  const path = `/v1/checkout-links/${link.client_secret}/sessions`;
  const init = { type: 'application/json', body: '{}' };
  for (const expected of [201, 201, 429, 429]) {
    const viaHono = await send(hono, path, init);
    const viaFast = await send(fast, path, init);
    assert.equal(viaHono.status, expected);
    if (expected === 429 && viaFast.status === 201) return; // a new minute window began mid-test
    // Retry-After counts down the same second on both, unless a second turned between them.
    if (viaFast.headers['retry-after'] !== viaHono.headers['retry-after']) delete viaFast.headers['retry-after'];
    if (!viaFast.headers['retry-after']) delete viaHono.headers['retry-after'];
    assert.deepEqual(viaFast, viaHono, `request answered ${expected}`);
  }
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { clientAddress, clientProtocol, parseTrustProxy } from '../../server/http/client-address.ts';
import { loggedPath } from '../../server/http/logged-path.ts';
import { createLink, createProduct } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('the client address, decided in one place', () => {
  test('without TRUST_PROXY the forwarding headers are ignored', () => {
    const off = parseTrustProxy(undefined);
    assert.equal(clientAddress('10.0.0.5', '203.0.113.7', off), '10.0.0.5');
    assert.equal(clientAddress('::ffff:10.0.0.5', '203.0.113.7', parseTrustProxy('0')), '10.0.0.5');
    assert.equal(clientProtocol('10.0.0.5', 'https', false, off), 'http');
  });

  test('hops: the right-most entry past the trusted proxies; what the client wrote on the left proves nothing', () => {
    const one = parseTrustProxy('1');
    assert.equal(clientAddress('127.0.0.1', '203.0.113.7', one), '203.0.113.7');
    assert.equal(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.7', one), '203.0.113.7');
    assert.equal(clientAddress('127.0.0.1', ['6.6.6.6', '203.0.113.7'], one), '203.0.113.7');
    const two = parseTrustProxy('2');
    assert.equal(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.7, 10.1.1.1', two), '203.0.113.7');
    // Fewer hops than trusted: the farthest one known.
    assert.equal(clientAddress('127.0.0.1', '203.0.113.7', two), '203.0.113.7');
    assert.equal(clientAddress('127.0.0.1', undefined, one), '127.0.0.1');
    assert.equal(clientProtocol('127.0.0.1', 'https', false, one), 'https');
  });

  test('a proxy list: only listed peers are believed, and listed hops are skipped', () => {
    const list = parseTrustProxy('127.0.0.1, 10.0.0.0/8');
    assert.equal(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.7, 10.2.3.4', list), '203.0.113.7');
    assert.equal(clientAddress('192.0.2.1', '203.0.113.7', list), '192.0.2.1', 'an unlisted peer speaks for itself');
    assert.equal(clientProtocol('192.0.2.1', 'https', false, list), 'http');
    assert.equal(clientProtocol('::ffff:127.0.0.1', 'https', false, list), 'https');
    assert.throws(() => parseTrustProxy('proxy.example'), /not an IP address/);
    assert.throws(() => parseTrustProxy('10.0.0.0/33'), /not an IP address/);
  });

  test('logged paths carry no query and no client secret', () => {
    assert.equal(
      loggedPath('/v1/checkout-links/cl_abc-DEF_1/redirect?customer_email=a@b.c'),
      '/v1/checkout-links/:secret/redirect',
    );
    assert.equal(loggedPath('/checkout/cs_xyz?embed=1'), '/checkout/:secret');
    assert.equal(loggedPath('/v1/checkouts/client/cs_xyz/confirm'), '/v1/checkouts/client/:secret/confirm');
  });
});

describe('TRUST_PROXY and the widget rate limit (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  const servers: TestServer[] = [];
  let secret = '';
  before(async () => {
    const off = await startTestServer({ RATE_LIMIT_PER_MINUTE: '100' });
    const on = await startTestServer({ RATE_LIMIT_PER_MINUTE: '100', TRUST_PROXY: '1' }, off.dataDir);
    servers.push(off, on);
    secret = (await createLink(off, [(await createProduct(off)).id])).client_secret;
  });
  after(async () => {
    await servers[1]!.stop({ keepData: true });
    await servers[0]!.stop();
  });

  /** What RateLimit-Remaining says for two clients' sessions, sent in one minute window. */
  const remainingFor = async (server: TestServer, first: string, second: string): Promise<[number, number]> => {
    for (;;) {
      const window = Math.floor(Date.now() / 60_000);
      const post = async (xff: string) => {
        const res = await fetch(`${server.url}/v1/checkout-links/${secret}/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
          body: '{}',
        });
        assert.equal(res.status, 201);
        return Number(res.headers.get('ratelimit-remaining'));
      };
      const result: [number, number] = [await post(first), await post(second)];
      if (Math.floor(Date.now() / 60_000) === window) return result;
    }
  };

  test('off: X-Forwarded-For is ignored, every request counts against the socket’s address', async () => {
    const [a, b] = await remainingFor(servers[0]!, '198.51.100.1', '198.51.100.2');
    assert.equal(b, a - 1);
  });

  test('on: each forwarded client has its own budget; a spoofed left entry changes nothing', async () => {
    const [a, b] = await remainingFor(servers[1]!, '198.51.100.11', '198.51.100.12');
    assert.equal(a, b, 'two clients behind the proxy do not share one budget');
    const [again, spoofed] = await remainingFor(servers[1]!, '198.51.100.11', '1.2.3.4, 198.51.100.11');
    assert.equal(again, a - 1);
    assert.equal(spoofed, a - 2, 'the right-most entry is the client');
  });
});

import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createApp, MAX_BODY_BYTES } from '../../server/app.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const THREE_MB = 3 * 1024 * 1024;

/**
 * Writes `requests` on one TCP connection and reads until the server closes
 * it or `expected` responses arrived; answers the raw text and how it ended.
 */
function rawExchange(server: TestServer, requests: Buffer[], expected: number) {
  const { port } = new URL(server.url);
  return new Promise<{ text: string; ended: 'close' | 'reset' | 'answered' }>((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let text = '';
    const done = (ended: 'close' | 'reset' | 'answered') => {
      socket.destroy();
      resolve({ text, ended });
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if ((text.match(/^HTTP\/1\.1 \d{3}/gm) ?? []).length >= expected && /\r\n\r\n[\s\S]*\}$/.test(text))
        done('answered');
    });
    socket.on('error', () => done('reset'));
    socket.on('close', () => done('close'));
    socket.on('connect', () => {
      for (const r of requests) socket.write(r);
    });
  });
}

describe('bodies over the limit', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  test('a 3 MB POST gets the 413 every time, not a socket reset', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(THREE_MB) });
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/v1/products`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body,
      });
      assert.equal(res.status, 413);
      const json = await res.json();
      assert.equal(json.error, 'payload_too_large');
      assert.deepEqual(json.detail, [{ loc: ['body'], msg: `must be at most ${MAX_BODY_BYTES} bytes` }]);
    }
    // The widget endpoint too (no token, text/plain).
    const widget = await fetch(`${server.url}/v1/checkout-links/cl_whatever/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });
    assert.equal(widget.status, 413);
  });

  test('on a raw socket the 413 arrives and the next request on the connection is answered', async () => {
    const oversize = Buffer.concat([
      Buffer.from(
        `POST /v1/products HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${server.token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${THREE_MB}\r\n\r\n`,
      ),
      Buffer.alloc(THREE_MB, 'a'),
    ]);
    const next = Buffer.from('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const { text, ended } = await rawExchange(server, [oversize, next], 2);
    assert.match(text, /^HTTP\/1\.1 413 /);
    assert.match(text, /"error":"payload_too_large"/);
    const keepAlive = !/^connection: close/im.test(text.split('\r\n\r\n')[0] ?? '');
    if (keepAlive) {
      assert.equal(ended, 'answered', 'a 413 that keeps the connection answers what comes next on it');
      assert.match(text, /HTTP\/1\.1 200 [\s\S]*"status":"ok"/);
    } else assert.equal(ended, 'close', 'a 413 that closes the connection closes it cleanly');
  });

  test('a streamed body without a length is cut at the limit and the 413 says the connection ends', async () => {
    const app = createApp(server.ctx, server.ctx.db, { rateLimitPerMinute: 1000 });
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await app.request('/v1/products', {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal(res.status, 413);
    assert.equal(res.headers.get('connection'), 'close');
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pickEncoding } from '../../server/http/assets.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/** A GET with exactly these headers (fetch would add Accept-Encoding and decompress). */
const raw = (url: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: Record<string, string | undefined>; body: Buffer }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers as Record<string, string | undefined>,
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });

describe('built assets: precompressed, hashed names cached for a year, embed.js revalidated', () => {
  let server: TestServer;
  const embed = readFileSync('dist/embed.js');
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  test('embed.js keeps its URL: brotli or gzip as accepted, a short cache, an ETag and 304', async () => {
    const br = await raw(`${server.url}/embed.js`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.ok(brotliDecompressSync(br.body).equals(embed));
    assert.ok(br.body.length < embed.length / 2, `${br.body.length} B on the wire for ${embed.length} B`);
    assert.match(br.headers['cache-control'] ?? '', /^public, max-age=300\b/);
    assert.doesNotMatch(br.headers['cache-control'] ?? '', /immutable/);
    assert.equal(br.headers.vary, 'Accept-Encoding');

    const gz = await raw(`${server.url}/embed.js`, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.body).equals(embed));
    const plain = await raw(`${server.url}/embed.js`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(embed));
    assert.notEqual(br.headers.etag, plain.headers.etag, 'one ETag per representation');

    for (const etag of [br.headers.etag, gz.headers.etag, plain.headers.etag]) {
      const again = await raw(`${server.url}/embed.js`, { 'accept-encoding': 'br', 'if-none-match': etag ?? '' });
      assert.equal(again.status, 304);
      assert.equal(again.body.length, 0);
    }
    const changed = await raw(`${server.url}/embed.js`, { 'if-none-match': '"somethingelse"' });
    assert.equal(changed.status, 200);
  });

  test('the pages load their files by content-hashed names, immutable and compressed', async () => {
    const html = await (await fetch(`${server.url}/dashboard`)).text();
    const script = /src="(\/pages\/dashboard\.[A-Za-z0-9_-]{10}\.js)"/.exec(html)?.[1];
    const style = /href="(\/pages\/dashboard\.[A-Za-z0-9_-]{10}\.css)"/.exec(html)?.[1];
    assert.ok(script && style, html);
    for (const [url, file] of [
      [script, 'dist/pages/dashboard.js'],
      [style, 'dist/pages/dashboard.css'],
    ] as [string, string][]) {
      const res = await raw(`${server.url}${url}`, { 'accept-encoding': 'br' });
      assert.equal(res.status, 200, url);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(res.headers['content-encoding'], 'br');
      assert.ok(brotliDecompressSync(res.body).equals(readFileSync(file)));
    }
    // Another hash is another (unknown) file, not this one cached for a year.
    const stale = script.replace(/\.[A-Za-z0-9_-]{10}\.js$/, '.AAAAAAAAAA.js');
    assert.equal((await raw(`${server.url}${stale}`)).status, 404);
    // The unhashed name still answers, revalidated.
    const unhashed = await raw(`${server.url}/pages/dashboard.js`);
    assert.match(unhashed.headers['cache-control'] ?? '', /max-age=300/);
  });

  test('Accept-Encoding negotiation honours q=0 and the wildcard', () => {
    const both = { br: Buffer.alloc(1), gzip: Buffer.alloc(1) };
    assert.equal(pickEncoding('br;q=0, gzip', both), 'gzip');
    assert.equal(pickEncoding('identity', both), null);
    assert.equal(pickEncoding('*', both), 'br');
    assert.equal(pickEncoding('gzip;q=0.5, br;q=0', both), 'gzip');
    assert.equal(pickEncoding('br', { gzip: Buffer.alloc(1) }), null);
    assert.equal(pickEncoding(undefined, both), null);
  });
});

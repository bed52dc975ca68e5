import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import { setup } from '../../server/cli/setup.ts';
import { freshStorage, startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('GET /healthz (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  let server: TestServer;
  after(() => server.stop());

  test('200 while the database answers, 503 once it does not; no data either way', async () => {
    server = await startTestServer();
    const up = await fetch(`${server.url}/healthz`);
    assert.equal(up.status, 200);
    assert.deepEqual(await up.json(), { status: 'ok' });
    assert.equal(up.headers.get('cache-control'), 'no-store');
    assert.match(up.headers.get('x-request-id') ?? '', /^[A-Za-z0-9_-]{8}-[0-9a-z]+$/);
    await server.ctx.db.close();
    const down = await fetch(`${server.url}/healthz`);
    assert.equal(down.status, 503);
    assert.deepEqual(await down.json(), { status: 'unavailable' });
  });
});

describe('graceful shutdown on SIGTERM (the real server process)', () => {
  let storage: Awaited<ReturnType<typeof freshStorage>>;
  let child: ChildProcess | null = null;
  after(async () => {
    child?.kill('SIGKILL');
    await storage?.drop();
  });

  test('a request in flight when SIGTERM arrives is answered; new connections are refused; the process exits 0', async () => {
    storage = await freshStorage();
    const lines: string[] = [];
    assert.equal(await setup(['--org', 'Shutdown Shop'], storage.env, { out: (l) => lines.push(l), err: () => {} }), 0);
    const token = lines.find((l) => l.startsWith('clat_'))!;

    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, ...storage.env, PORT: '0', DEMO_PORT: 'off', SEED_DEMO: 'false', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const logs = createInterface({ input: child.stdout! });
    const seen: string[] = [];
    const waiters: { match: (l: string) => boolean; resolve: (l: string) => void }[] = [];
    logs.on('line', (line) => {
      seen.push(line);
      for (const w of waiters.splice(0))
        if (w.match(line)) w.resolve(line);
        else waiters.push(w);
    });
    const waitFor = (match: (l: string) => boolean) =>
      new Promise<string>((resolve) => {
        const found = seen.find(match);
        if (found) resolve(found);
        else waiters.push({ match, resolve });
      });
    const port = Number(/localhost:(\d+)/.exec(await waitFor((l) => /API and hosted checkout/.test(l)))![1]);
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    // A product create whose body is still on its way: the request is in flight. `expect: 100-continue`
    // makes the server say when it has read the headers, so SIGTERM cannot arrive while the connection
    // is still in the listen backlog (any server resets those when it stops listening).
    const body = JSON.stringify({
      name: 'Late poster',
      prices: [{ amount_type: 'fixed', price_amount: 900, price_currency: 'eur' }],
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/v1/products',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            expect: '100-continue',
          },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        },
      );
      req.on('error', reject);
      req.flushHeaders();
      req.once('continue', () => {
        req.write(body.slice(0, 10));
        child!.kill('SIGTERM');
        waitFor((l) => l.includes('"shutting down"'))
          .then(async () => {
            const refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(
              () => false,
              () => true,
            );
            assert.ok(refused, 'a new connection after SIGTERM is refused');
            req.end(body.slice(10));
          })
          .catch(reject);
      });
    });
    const { status, text } = await answer;
    assert.equal(status, 201, text);
    assert.equal(JSON.parse(text).name, 'Late poster');
    assert.equal(await exited, 0);
    child = null;
    assert.ok(seen.some((l) => l.includes('"stopped"')));
    const logged = seen.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const line = logged.find((l) => l.msg === 'request' && l.path === '/v1/products');
    assert.equal(line.status, 201);
    assert.equal(line.method, 'POST');
    assert.match(line.req_id, /^[A-Za-z0-9_-]{8}-[0-9a-z]+$/);
  });
});

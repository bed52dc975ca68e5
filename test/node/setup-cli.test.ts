import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { setup } from '../../server/cli/setup.ts';
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/start.ts';
import { freshStorage } from '../helpers/test-server.ts';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
};

describe('first-run setup on an empty database (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  let storage: Awaited<ReturnType<typeof freshStorage>>;
  before(async () => {
    storage = await freshStorage();
  });
  after(() => storage.drop());

  test('npm run setup creates the organization and prints its token alone on a line, once', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'setup', '--', '--org', 'My Shop'], {
      env: { ...process.env, ...storage.env },
    });
    const tokens = stdout.split('\n').filter((l) => /^clat_[A-Za-z0-9_-]+$/.test(l));
    assert.equal(tokens.length, 1, stdout);
    assert.equal(stdout.split(tokens[0]!).length, 2, 'the token appears exactly once');
    assert.ok(!/Demo Shop/.test(stdout), stdout);

    // The server started on that storage without the demo knows the token and nothing else.
    const running = await startServer(
      loadConfig({ ...storage.env, PORT: '0', DEMO_PORT: 'off', SEED_DEMO: 'false', LOG_LEVEL: 'silent' }),
    );
    try {
      const headers = { authorization: `Bearer ${tokens[0]}` };
      const org = await fetch(`${running.url}/v1/organizations/current`, { headers });
      assert.equal(org.status, 200);
      assert.equal((await org.json()).name, 'My Shop');
      const product = await fetch(`${running.url}/v1/products`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Poster',
          prices: [{ amount_type: 'fixed', price_amount: 1500, price_currency: 'eur' }],
        }),
      });
      assert.equal(product.status, 201, 'the token can write');
      const names = await running.ctx.db.all<{ name: string }>('SELECT name FROM organizations');
      assert.deepEqual(
        names.map((n) => n.name),
        ['My Shop'],
      );
      const listed = (await (await fetch(`${running.url}/v1/tokens`, { headers })).json()).items;
      assert.deepEqual(listed[0].scopes, ['read', 'write']);
    } finally {
      await running.close();
    }
  });

  test('a taken name (in any case) is refused politely and creates nothing', async () => {
    const { out, err, io } = capture();
    const code = await setup(['--org', '  my shop '], storage.env, io);
    assert.equal(code, 1);
    assert.deepEqual(out, []);
    assert.match(err.join('\n'), /already exists.*nothing was created/);
    const { out: out2, io: io2 } = capture();
    assert.equal(await setup(['--org', 'Second Shop'], storage.env, io2), 0);
    assert.equal(out2.filter((l) => l.startsWith('clat_')).length, 1);
  });

  test('a missing or empty name is a usage error', async () => {
    for (const argv of [[], ['--org', '   '], ['--organisation', 'x']]) {
      const { err, io } = capture();
      assert.equal(await setup(argv, storage.env, io), 2, argv.join(' '));
      assert.match(err.join('\n'), /npm run setup -- --org/);
    }
  });
});

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { backup } from '../../server/cli/backup.ts';
import { loadConfig } from '../../server/config.ts';
import { createAccessToken } from '../../server/core/access-tokens.ts';
import { createOrganization } from '../../server/core/organizations.ts';
import { type RunningServer, startServer } from '../../server/start.ts';

// The online backup is SQLite's; PostgreSQL is backed up with pg_dump (the command says so).
const dir = mkdtempSync(join(tmpdir(), 'checkout-link-backup-'));
let running: RunningServer | null = null;
after(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('npm run backup copies a live SQLite database under write load; the copy opens and passes integrity_check', async () => {
  const dataDir = join(dir, 'data');
  running = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dataDir, DEMO_PORT: 'off', SEED_DEMO: 'false', LOG_LEVEL: 'silent' }),
  );
  const org = await createOrganization(running.ctx, { name: 'Backup Shop' });
  const { token } = await createAccessToken(running.ctx, org.id);
  let writing = true;
  let written = 0;
  const load = (async () => {
    while (writing) {
      const res: Response = await fetch(`${running!.url}/v1/products`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Load ${written}`, prices: [{ amount_type: 'free' }] }),
      });
      assert.equal(res.status, 201);
      written++;
    }
  })();
  while (written < 20) await new Promise((r) => setTimeout(r, 10));

  const target = join(dir, 'copy.sqlite');
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'backup', '--', target], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  const writtenDuringBackup = written;
  writing = false;
  await load;
  assert.match(stdout, /Backed up/);
  assert.ok(writtenDuringBackup > 20, 'the server kept writing');

  const copy = new BetterSqlite3(target, { readonly: true });
  try {
    assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
    const products = (copy.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n;
    assert.ok(products >= 20 && products <= written, `${products} products in the copy`);
    // Whole products only: each has its price, written in the same transaction.
    const orphans = copy
      .prepare(
        'SELECT COUNT(*) AS n FROM products p WHERE NOT EXISTS (SELECT 1 FROM product_prices x WHERE x.product_id = p.id)',
      )
      .get() as { n: number };
    assert.equal(orphans.n, 0);
  } finally {
    copy.close();
  }

  // It never overwrites, and it points PostgreSQL users at pg_dump.
  const err: string[] = [];
  const io = { out: () => {}, err: (l: string) => err.push(l) };
  assert.equal(await backup([target], { DATA_DIR: dataDir }, io), 1);
  assert.match(err.pop()!, /already exists/);
  assert.equal(await backup([join(dir, 'pg.dump')], { DATABASE_URL: 'postgres://x@127.0.0.1/x' }, io), 2);
  assert.match(err.pop()!, /pg_dump/);
  assert.ok(!existsSync(join(dir, 'pg.dump')));
});

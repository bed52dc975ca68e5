import assert from 'node:assert/strict';
import { once } from 'node:events';
import { statSync } from 'node:fs';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { sqliteFile } from '../../server/db/sqlite.ts';
import { startChild } from '../helpers/child-server.ts';
import { createLink, createProduct } from '../helpers/factories.ts';
import { removeData, startTestServer } from '../helpers/test-server.ts';

let dataDir = '';
after(async () => {
  if (dataDir) await removeData(dataDir);
});

test('SIGKILL while the checkpoint worker copies the WAL under load: the file reopens intact, with every session answered', {
  skip: process.env.TEST_DATABASE_URL ? 'the checkpoint worker is SQLite’s' : false,
}, async () => {
  const setup = await startTestServer();
  dataDir = setup.dataDir;
  const link = await createLink(setup, [(await createProduct(setup)).id]);
  await setup.stop({ keepData: true });
  const file = sqliteFile(dataDir);
  const sizeBefore = statSync(file).size;

  // A checkpoint every 20 ms: the kill lands during or between many of them.
  const { url, child } = await startChild(dataDir, 'none', { SQLITE_CHECKPOINT_MS: '20' });
  const exited = once(child, 'exit');
  const linkUrl = link.url.replace(/^http:\/\/localhost:\d+/, url);
  let answered = 0;
  let stop = false;
  const clicker = async () => {
    while (!stop) {
      const res = await fetch(linkUrl, { redirect: 'manual' }).catch(() => null);
      if (!res) return;
      await res.arrayBuffer().catch(() => {});
      if (res.status === 307) answered++;
    }
  };
  const clickers = Array.from({ length: 16 }, clicker);
  // Load until the worker has copied pages into the database file (the serving connection never does).
  while (statSync(file).size === sizeBefore && answered < 20_000) await sleep(20);
  const grew = statSync(file).size > sizeBefore;
  await sleep(300);
  child.kill('SIGKILL');
  const [, signal] = await exited;
  stop = true;
  await Promise.all(clickers);
  assert.equal(signal, 'SIGKILL');
  assert.ok(grew, 'the worker checkpointed while the server was serving');

  const db = new BetterSqlite3(file);
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const stored = db
      .prepare('SELECT COUNT(*) AS n FROM checkout_sessions WHERE checkout_link_id = ?')
      .get(link.id) as { n: number };
    assert.ok(answered > 0, 'the load was served');
    assert.ok(
      stored.n >= answered,
      `every answered click's session survived (${stored.n} stored, ${answered} answered)`,
    );
  } finally {
    db.close();
  }
});

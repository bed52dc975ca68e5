import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { openSqlite } from '../../server/db/sqlite.ts';
import { walSyncer } from '../../server/db/wal-sync.ts';

/** A WAL stand-in (removed after the test `t`) and a sync whose flushes end only when the test says so. */
function heldSyncs(t: TestContext) {
  const dir = mkdtempSync(join(tmpdir(), 'wal-sync-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'db-wal');
  writeFileSync(file, 'frames');
  const flushes: { release: () => void; fail: (e: Error) => void }[] = [];
  const sync = () =>
    new Promise<void>((release, fail) => {
      flushes.push({ release, fail });
    });
  return { file, flushes, held: () => walSyncer(file, sync) };
}

const settled = async (p: Promise<unknown>) => {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  return done;
};

test('commits made during a flush wait for the next one, and share it', async (t) => {
  const { flushes, held } = heldSyncs(t);
  const syncer = held();
  const first = syncer.durable();
  await settled(first);
  assert.equal(flushes.length, 1);

  // Written while the first flush runs: it may have started before their frames were written.
  const later = [syncer.durable(), syncer.durable(), syncer.durable()];
  flushes[0]!.release();
  assert.equal(await settled(first), true);
  assert.equal(await settled(Promise.all(later)), false, 'not durable on a flush that began before them');
  assert.equal(flushes.length, 2, 'one flush for all three');

  flushes[1]!.release();
  assert.equal(await settled(Promise.all(later)), true);
  await syncer.close();
});

test('a failed flush fails its commits, and the next commit flushes again', async (t) => {
  const { flushes, held } = heldSyncs(t);
  const syncer = held();
  const doomed = syncer.durable();
  await settled(doomed);
  flushes[0]!.fail(new Error('EIO'));
  await assert.rejects(doomed, /EIO/);

  const next = syncer.durable();
  await settled(next);
  assert.equal(flushes.length, 2);
  flushes[1]!.release();
  await next;
  await syncer.close();
});

test('a WAL that cannot be opened fails that commit only: the next one opens it again', async (t) => {
  const { file } = heldSyncs(t);
  const missing = `${file}-not-yet`;
  const syncer = walSyncer(missing);
  await assert.rejects(syncer.durable(), /ENOENT/);
  writeFileSync(missing, 'frames');
  await syncer.durable();
  await syncer.close();
});

test('flushes the real file with fdatasync', async (t) => {
  const { file } = heldSyncs(t);
  const syncer = walSyncer(file);
  await Promise.all([syncer.durable(), syncer.durable()]);
  await syncer.close();
});

test('a SQLite commit answers only once its WAL flush ended; reads do not wait', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wal-commit-'));
  const releases: (() => void)[] = [];
  let holding = false;
  const db = openSqlite(dir, 'FULL', 60_000, () =>
    holding ? new Promise<void>((r) => releases.push(r)) : Promise.resolve(),
  );
  t.after(async () => {
    holding = false;
    for (const r of releases) r();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await db.run('CREATE TABLE t (x INTEGER)');
  holding = true;

  const writes = [
    db.transaction((tx) => tx.run('INSERT INTO t VALUES (1)')),
    db.transactionBatched((tx) => tx.run('INSERT INTO t VALUES (2)')),
    db.insertBatched('INSERT INTO t VALUES (3)', []),
    db.run('INSERT INTO t VALUES (4)'),
    db.all('UPDATE t SET x = x WHERE x = 1 RETURNING x'),
  ];
  for (const w of writes) assert.equal(await settled(w), false, 'answered before its frames were on the disk');
  // Committed all the same: other requests read it while the disk works.
  assert.deepEqual(await db.all('SELECT x FROM t ORDER BY x'), [{ x: 1 }, { x: 2 }, { x: 3 }, { x: 4 }]);

  holding = false;
  while (releases.length) releases.shift()!();
  await Promise.all(writes);
});

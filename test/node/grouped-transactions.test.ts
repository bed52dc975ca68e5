import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { freshStorage } from '../helpers/test-server.ts';

describe('grouped transactions (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  let db: Database;
  let drop: () => Promise<void>;
  before(async () => {
    const storage = await freshStorage();
    drop = storage.drop;
    db = await openDatabase({ databaseUrl: storage.env.DATABASE_URL, dataDir: storage.env.DATA_DIR ?? '.tmp/unused' });
    await db.run('CREATE TABLE grouped (id TEXT PRIMARY KEY, n INTEGER NOT NULL)');
  });
  after(async () => {
    await db.close();
    await drop();
  });

  const count = async (prefix: string) =>
    Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM grouped WHERE id LIKE ?', [`${prefix}%`]))?.n);

  test('those of one turn commit together; one that throws rolls back its own writes only', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        db.transactionBatched(async (tx) => {
          await tx.run('INSERT INTO grouped (id, n) VALUES (?, ?)', [`a${i}`, i]);
          await tx.run('INSERT INTO grouped (id, n) VALUES (?, ?)', [`b${i}`, i]);
          // A duplicate of its own first row: this one fails after writing half.
          if (i % 5 === 0) await tx.run('INSERT INTO grouped (id, n) VALUES (?, ?)', [`a${i}`, i]);
          return i;
        }),
      ),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? 'rejected' : 'fulfilled')),
    );
    assert.deepEqual(
      results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
      Array.from({ length: 20 }, (_, i) => i).filter((i) => i % 5 !== 0),
    );
    assert.equal(await count('a'), 16, 'no half-written group member');
    assert.equal(await count('b'), 16);
  });

  test('reads inside see the member’s own writes', async () => {
    const seen = await db.transactionBatched(async (tx) => {
      await tx.run('INSERT INTO grouped (id, n) VALUES (?, ?)', ['c1', 7]);
      return (await tx.get<{ n: number }>('SELECT n FROM grouped WHERE id = ?', ['c1']))?.n;
    });
    assert.equal(seen, 7);
    assert.equal(await count('c'), 1);
  });
});

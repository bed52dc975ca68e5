import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { logger } from '../logger.ts';
import type { Database, Queryable, SqlValue } from './database.ts';
import { startCheckpointer, WAL_CAP_BYTES } from './sqlite-checkpointer.ts';
import { walSyncer } from './wal-sync.ts';

/** How often the worker checkpoints the WAL (SQLITE_CHECKPOINT_MS). */
export const DEFAULT_CHECKPOINT_MS = 500;

/** The database file under DATA_DIR (the backup command copies it). */
export const sqliteFile = (dataDir: string) => join(dataDir, 'checkout-link.sqlite');

/**
 * The embedded engine: one file under `dataDir`, WAL mode.
 *
 * better-sqlite3 is synchronous, so one connection serves the process. An
 * async transaction could interleave with other requests' statements at its
 * `await`s, so transactions take a lock that standalone statements also wait
 * for; inside, the callback's statements use the handle it was given.
 */
export function openSqlite(
  dataDir: string,
  synchronous: 'NORMAL' | 'FULL' = 'FULL',
  checkpointMs = DEFAULT_CHECKPOINT_MS,
  /** How the WAL reaches the disk (tests hold it); fdatasync by default. */
  syncWal?: (fd: number) => Promise<void>,
): Database {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = sqliteFile(dataDir);
  }
  const db = new BetterSqlite3(file);
  // Must precede the first table: lets the sweep give deleted sessions' pages back.
  db.pragma('auto_vacuum = INCREMENTAL');
  // Some file systems refuse WAL (the answer is then another mode): SQLite's own FULL serves there.
  const wal = db.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  // FULL by default: an order answered 200 is money taken, so its commit must
  // survive a power cut too, which WAL + NORMAL alone does not promise (it may
  // lose the last commits before a checkpoint). SQLite's own FULL would fsync
  // in each COMMIT, holding the event loop; instead the connection commits as
  // NORMAL and every commit awaits a shared fdatasync of the WAL off the loop
  // (wal-sync.ts). SQLITE_SYNCHRONOUS=NORMAL skips that wait where a lost
  // order is acceptable.
  const syncer = wal && synchronous === 'FULL' ? walSyncer(`${file}-wal`, syncWal) : null;
  db.pragma(`synchronous = ${syncer ? 'NORMAL' : synchronous}`);
  const durable = syncer ? syncer.durable : () => Promise.resolve();
  db.pragma('foreign_keys = ON');
  // Sessions are written on every click: a larger page cache keeps the
  // random-key index (client_secret) in memory.
  db.pragma('cache_size = -65536');
  // Checkpoints run in a worker thread (sqlite-checkpointer.ts), never in a request's commit.
  const checkpointer =
    file === ':memory:'
      ? null
      : startCheckpointer(file, checkpointMs, (message) => logger.warn({ message }, 'WAL checkpoint failed'));
  db.pragma(checkpointer ? 'wal_autocheckpoint = 0' : 'wal_autocheckpoint = 10000');
  db.pragma(`journal_size_limit = ${WAL_CAP_BYTES}`);
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');

  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };

  /** The statements of a transaction run here, their commit awaits `durable` once. */
  const direct: Queryable = {
    async all<T>(sql: string, params: SqlValue[] = []) {
      return prepare(sql).all(...params) as T[];
    },
    async get<T>(sql: string, params: SqlValue[] = []) {
      return prepare(sql).get(...params) as T | undefined;
    },
    async run(sql: string, params: SqlValue[] = []) {
      return { changes: prepare(sql).run(...params).changes };
    },
  };

  // Every caller waits with `while (locked) await lock` itself, then acts in the same turn: behind a
  // helper's own await, two transactions freed in one turn would both see the lock free and begin.
  let lock: Promise<unknown> = Promise.resolve();
  let locked = false;

  type Pending = { sql: string; params: SqlValue[]; resolve: () => void; reject: (e: unknown) => void };
  let batch: Pending[] = [];
  // Built once: better-sqlite3 compiles BEGIN/COMMIT per transaction function.
  const insertAll = db.transaction((rows: Pending[]) => {
    for (const row of rows) prepare(row.sql).run(...row.params);
  });
  const flush = () => {
    // A transaction holds the connection: its rows must not ride along in it.
    if (locked) {
      lock.then(() => setImmediate(flush));
      return;
    }
    const rows = batch;
    batch = [];
    const written: Pending[] = [];
    try {
      insertAll(rows);
      written.push(...rows);
    } catch {
      // One bad row must not fail its neighbours: retry each alone.
      for (const row of rows) {
        try {
          prepare(row.sql).run(...row.params);
          written.push(row);
        } catch (e) {
          row.reject(e);
        }
      }
    }
    void settleDurable(written.map((row) => [row.resolve, row.reject]));
  };

  /** Answers committed work once it is durable (or fails it, should the disk refuse). */
  const settleDurable = (waiting: [() => void, (e: unknown) => void][]) =>
    durable().then(
      () => {
        for (const [resolve] of waiting) resolve();
      },
      (e) => {
        for (const [, reject] of waiting) reject(e);
      },
    );

  type PendingTx = {
    fn: (tx: Queryable) => Promise<unknown>;
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
  };
  let group: PendingTx[] = [];
  const flushGroup = async () => {
    const items = group;
    group = [];
    while (locked) await lock;
    locked = true;
    let release!: () => void;
    lock = new Promise<void>((r) => (release = r));
    const done: [PendingTx, unknown][] = [];
    try {
      db.exec('BEGIN IMMEDIATE');
      for (const item of items) {
        db.exec('SAVEPOINT grouped');
        try {
          const result = await item.fn(direct);
          db.exec('RELEASE grouped');
          done.push([item, result]);
        } catch (e) {
          db.exec('ROLLBACK TO grouped');
          db.exec('RELEASE grouped');
          item.reject(e);
        }
      }
      db.exec('COMMIT');
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const [item] of done) item.reject(e);
      return;
    } finally {
      locked = false;
      release();
    }
    await settleDurable(done.map(([item, result]) => [() => item.resolve(result), item.reject]));
  };

  /**
   * A statement on its own, outside any transaction: it commits by itself, so one that writes
   * (UPDATE … RETURNING too) answers once durable.
   */
  const alone = async <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    while (locked) await lock;
    const result = await run();
    if (!prepare(sql).readonly) await durable();
    return result;
  };

  return {
    engine: 'sqlite',
    all: (sql, params) => alone(sql, () => direct.all(sql, params)),
    get: (sql, params) => alone(sql, () => direct.get(sql, params)),
    run: (sql, params) => alone(sql, () => direct.run(sql, params)),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      while (locked) await lock;
      locked = true;
      let release!: () => void;
      lock = new Promise<void>((r) => (release = r));
      let result: T;
      try {
        db.exec('BEGIN IMMEDIATE');
        try {
          result = await fn(direct);
          db.exec('COMMIT');
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      } finally {
        locked = false;
        release();
      }
      // Off the lock: the next transaction runs while this one's frames reach the disk.
      await durable();
      return result;
    },
    transactionBatched<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (group.length === 0) setImmediate(() => void flushGroup());
        group.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      });
    },
    insertBatched(sql, params) {
      // No await before queueing: flush itself waits out a transaction.
      return new Promise<void>((resolve, reject) => {
        if (batch.length === 0) setImmediate(flush);
        batch.push({ sql, params, resolve, reject });
      });
    },
    async compact() {
      while (locked) await lock;
      db.pragma('incremental_vacuum');
      // The worker's checkpoint may be under way (busy): wait it out, or the file keeps the freed pages.
      for (let i = 0; i < 100; i++) {
        const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
        if (!result?.busy) break;
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      while (locked) await lock;
      if (batch.length) flush();
      await syncer?.close();
      await checkpointer?.stop();
      db.close();
    },
  };
}

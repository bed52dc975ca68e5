import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Queryable, SqlValue } from './database.ts';

/**
 * The embedded engine: one file under `dataDir`, WAL mode.
 *
 * better-sqlite3 is synchronous, so one connection serves the process. An
 * async transaction could interleave with other requests' statements at its
 * `await`s, so transactions take a lock that standalone statements also wait
 * for; inside, the callback's statements use the handle it was given.
 */
export function openSqlite(dataDir: string): Database {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, 'checkout-link.sqlite');
  }
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  // FULL: a session answered to the customer survives a power cut, not only a
  // crash. Group commits (insertBatched) keep the cost of the fsync shared.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
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

  let lock: Promise<unknown> = Promise.resolve();
  let locked = false;
  const whenFree = async () => {
    while (locked) await lock;
  };

  let batch: { sql: string; params: SqlValue[]; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const flush = () => {
    // A transaction holds the connection: its rows must not ride along in it.
    if (locked) {
      lock.then(() => setImmediate(flush));
      return;
    }
    const rows = batch;
    batch = [];
    try {
      db.transaction(() => {
        for (const row of rows) prepare(row.sql).run(...row.params);
      })();
      for (const row of rows) row.resolve();
    } catch {
      // One bad row must not fail its neighbours: retry each alone.
      for (const row of rows) {
        try {
          prepare(row.sql).run(...row.params);
          row.resolve();
        } catch (e) {
          row.reject(e);
        }
      }
    }
  };

  return {
    engine: 'sqlite',
    async all(sql, params) {
      await whenFree();
      return direct.all(sql, params);
    },
    async get(sql, params) {
      await whenFree();
      return direct.get(sql, params);
    },
    async run(sql, params) {
      await whenFree();
      return direct.run(sql, params);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      await whenFree();
      locked = true;
      let release!: () => void;
      lock = new Promise<void>((r) => (release = r));
      try {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(direct);
          db.exec('COMMIT');
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      } finally {
        locked = false;
        release();
      }
    },
    async insertBatched(sql, params) {
      await whenFree();
      return new Promise<void>((resolve, reject) => {
        if (batch.length === 0) setImmediate(flush);
        batch.push({ sql, params, resolve, reject });
      });
    },
    async close() {
      await whenFree();
      if (batch.length) flush();
      db.close();
    },
  };
}

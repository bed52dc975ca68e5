import pg from 'pg';
import type { Database, Queryable, SqlValue } from './database.ts';

/** `?` placeholders to PostgreSQL's `$1, $2, …` (our SQL never holds a literal `?`). */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

// COUNT(*) and BIGINT come back as strings by default; our integers fit a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

const queryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
  async all<T>(sql: string, params: SqlValue[] = []) {
    return (await client.query(toPgPlaceholders(sql), params)).rows as T[];
  },
  async get<T>(sql: string, params: SqlValue[] = []) {
    return (await client.query(toPgPlaceholders(sql), params)).rows[0] as T | undefined;
  },
  async run(sql: string, params: SqlValue[] = []) {
    return { changes: (await client.query(toPgPlaceholders(sql), params)).rowCount ?? 0 };
  },
});

/** PostgreSQL for more than one process: every process is stateless over it. */
export function openPostgres(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: 10 });
  const direct = queryable(pool);
  let ended: Promise<void> | null = null;
  return {
    engine: 'postgres',
    ...direct,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    // Each on its own pooled connection: PostgreSQL commits them side by side, and groups their WAL flushes itself.
    transactionBatched(fn) {
      return this.transaction(fn);
    },
    async insertBatched(sql, params) {
      await direct.run(sql, params);
    },
    async compact() {},
    async close() {
      // Idempotent, as better-sqlite3's close is: a shutdown may race a failed health check's cleanup.
      ended ??= pool.end();
      await ended;
    },
  };
}

/**
 * The storage seam: the domain core speaks SQL through this interface and
 * never learns which engine answers. Statements use `?` placeholders and SQL
 * that SQLite and PostgreSQL both accept (TEXT ids and ISO timestamps,
 * INTEGER amounts and booleans, JSON as TEXT).
 */
export type SqlValue = string | number | null;

export interface Queryable {
  /** Rows of a SELECT. */
  all<T = Record<string, unknown>>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** The first row of a SELECT, or undefined. */
  get<T = Record<string, unknown>>(sql: string, params?: SqlValue[]): Promise<T | undefined>;
  /** An INSERT, UPDATE or DELETE; answers how many rows it changed. */
  run(sql: string, params?: SqlValue[]): Promise<{ changes: number }>;
}

export interface Database extends Queryable {
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one transaction: everything it wrote commits together or not
   * at all. Inside, use only the `tx` handed to `fn`.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * As `transaction`, but grouped with the other grouped transactions of the
   * same event-loop turn into one commit, each in its own savepoint (one that
   * throws rolls back alone); resolves after the shared commit. For the link
   * click that also reports a webhook event: its fsync is shared too.
   */
  transactionBatched<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Inserts one row durably, grouped with other inserts of the same
   * event-loop turn into one transaction; resolves after the commit. The hot
   * path (a session per link click) uses it so a commit's fsync is shared.
   */
  insertBatched(sql: string, params: SqlValue[]): Promise<void>;
  /** Gives space freed by deletes back to the file system (SQLite); PostgreSQL's autovacuum does this itself. */
  compact(): Promise<void>;
  close(): Promise<void>;
}

/** True when an error is a unique-constraint violation, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}

import BetterSqlite3 from 'better-sqlite3';

type TransactionOf = (fn: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown;

/**
 * Counts the SQLite engine's group commits (its only transaction function
 * called with an array of rows) and prints them at exit. It wraps
 * better-sqlite3 from here so the production engine carries no bench code.
 */
export function printBatchStatsAtExit() {
  const sizes: number[] = [];
  let ms = 0;
  const proto = BetterSqlite3.prototype as unknown as { transaction: TransactionOf };
  const original = proto.transaction;
  proto.transaction = function (this: unknown, fn) {
    const run = original.call(this, fn);
    return (...args: unknown[]) => {
      const started = performance.now();
      const result = run(...args);
      const [rows] = args;
      if (Array.isArray(rows)) {
        sizes.push(rows.length);
        ms += performance.now() - started;
      }
      return result;
    };
  };
  process.on('exit', () => {
    const rows = sizes.reduce((a, b) => a + b, 0);
    console.error(
      `[sqlite] ${sizes.length} group commits, ${(rows / (sizes.length || 1)).toFixed(1)} rows each, ${ms.toFixed(0)} ms in all`,
    );
  });
}

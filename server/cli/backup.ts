import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { loadConfig } from '../config.ts';
import { sqliteFile } from '../db/sqlite.ts';
import { type CliOutput, consoleOutput } from './cli-context.ts';

/**
 * A consistent copy of a live SQLite database with SQLite's online backup:
 * the server keeps running and writing. All remaining pages go in one step,
 * so writes from the server cannot restart the copy forever; the server is
 * not blocked meanwhile (WAL readers and writers do not wait on each other).
 */
export async function backupSqlite(source: string, target: string): Promise<{ pages: number }> {
  const db = new BetterSqlite3(source, { fileMustExist: true, readonly: true });
  try {
    const { totalPages } = await db.backup(target, { progress: ({ totalPages }) => Math.max(totalPages, 1) });
    return { pages: totalPages };
  } finally {
    db.close();
  }
}

/** `npm run backup -- <file>`: answers the exit code. */
export async function backup(argv: string[], env = process.env, io: CliOutput = consoleOutput): Promise<number> {
  const target = argv.find((a) => !a.startsWith('--'));
  if (!target) {
    io.err('Usage: npm run backup -- <file>   (copies the live SQLite database to <file>)');
    return 2;
  }
  const config = loadConfig(env);
  if (config.databaseUrl) {
    io.err(
      'DATABASE_URL is set: back PostgreSQL up with its own tools, e.g. `pg_dump --format=custom --file=<file> "$DATABASE_URL"` (see the README).',
    );
    return 2;
  }
  const source = sqliteFile(config.dataDir);
  if (!existsSync(source)) {
    io.err(`No database at ${source}: set DATA_DIR to the server's data folder.`);
    return 1;
  }
  if (existsSync(target)) {
    io.err(`${target} already exists: give a new file name (a backup never overwrites).`);
    return 1;
  }
  const { pages } = await backupSqlite(source, target);
  io.out(`Backed up ${source} to ${target} (${pages} pages). Restore: see the README (Backups).`);
  return 0;
}

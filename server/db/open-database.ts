import type { Database } from './database.ts';
import { migrate } from './migrations.ts';
import { openPostgres } from './postgres.ts';
import { openSqlite } from './sqlite.ts';

/** PostgreSQL when `databaseUrl` is set, else the embedded file under `dataDir`; migrated. */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  sqliteSynchronous?: 'NORMAL' | 'FULL';
  sqliteCheckpointMs?: number;
}): Promise<Database> {
  const db = options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openSqlite(options.dataDir, options.sqliteSynchronous, options.sqliteCheckpointMs);
  await migrate(db);
  return db;
}

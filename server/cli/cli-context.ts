import type { Config } from '../config.ts';
import { type CoreContext, createCoreContext } from '../core/context.ts';
import { openDatabase } from '../db/open-database.ts';

/** The domain context a command-line tool needs, on the storage the server is configured with (migrated). */
export async function openCliContext(config: Config): Promise<CoreContext> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // A tool serves no link clicks: nothing worth caching.
  return createCoreContext(db, { ...config, linkCacheMs: 0 });
}

/** Where a command writes: the terminal, or a test's buffer. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: CliOutput = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

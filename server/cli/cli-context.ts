import type { Config } from '../config.ts';
import { CheckoutEvents } from '../core/checkout-events.ts';
import type { CoreContext } from '../core/context.ts';
import { LinkCache } from '../core/link-cache.ts';
import { createTestProcessor } from '../core/payments.ts';
import { storedChargeLedger } from '../core/test-charge-ledger.ts';
import { openDatabase } from '../db/open-database.ts';

/** The domain context a command-line tool needs, on the storage the server is configured with (migrated). */
export async function openCliContext(config: Config): Promise<CoreContext> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  return {
    db,
    publicUrl: config.publicUrl,
    checkoutTtlSeconds: config.checkoutTtlSeconds,
    confirmLeaseSeconds: config.confirmLeaseSeconds,
    processor: createTestProcessor(storedChargeLedger(db, () => new Date())),
    events: new CheckoutEvents(),
    links: new LinkCache(0),
    now: () => new Date(),
  };
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

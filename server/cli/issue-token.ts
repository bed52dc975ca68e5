import { loadConfig } from '../config.ts';
import { CheckoutEvents } from '../core/checkout-events.ts';
import { LinkCache } from '../core/link-cache.ts';
import { createAccessToken } from '../core/organizations.ts';
import { createTestProcessor } from '../core/payments.ts';
import { storedChargeLedger } from '../core/test-charge-ledger.ts';
import { openDatabase } from '../db/open-database.ts';

/**
 * `npm run token [-- "Organization name"] [-- --read-only]`: issues a new
 * access token (tokens are stored hashed, so a lost one cannot be shown
 * again). Uses the same DATA_DIR / DATABASE_URL as the server.
 */
const args = process.argv.slice(2);
const readOnly = args.includes('--read-only');
const name = args.find((a) => !a.startsWith('--')) ?? 'Demo Shop';
const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const org = await db.get<{ id: string; name: string }>(
  'SELECT id, name FROM organizations WHERE name = ? ORDER BY created_at LIMIT 1',
  [name],
);
if (!org) {
  console.error(
    `No organization named "${name}". Start the server once (npm start) to seed "Demo Shop", or pass a name.`,
  );
  process.exit(1);
}
const ctx = {
  db,
  publicUrl: config.publicUrl,
  checkoutTtlSeconds: config.checkoutTtlSeconds,
  confirmLeaseSeconds: config.confirmLeaseSeconds,
  processor: createTestProcessor(storedChargeLedger(db, () => new Date())),
  events: new CheckoutEvents(),
  links: new LinkCache(0),
  now: () => new Date(),
};
const { token } = await createAccessToken(ctx, org.id, {
  scopes: readOnly ? ['read'] : ['read', 'write'],
  label: 'cli',
});
console.log(`New ${readOnly ? 'read-only ' : ''}token for "${org.name}" (shown once):\n${token}`);
await db.close();

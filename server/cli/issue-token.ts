import { loadConfig } from '../config.ts';
import { createAccessToken } from '../core/access-tokens.ts';
import { openCliContext } from './cli-context.ts';

/**
 * `npm run token [-- "Organization name"] [-- --read-only]`: issues a new
 * access token (tokens are stored hashed, so a lost one cannot be shown
 * again). Uses the same DATA_DIR / DATABASE_URL as the server.
 */
const args = process.argv.slice(2);
const readOnly = args.includes('--read-only');
const name = args.find((a) => !a.startsWith('--')) ?? 'Demo Shop';
const ctx = await openCliContext(loadConfig());
const { db } = ctx;
const org = await db.get<{ id: string; name: string }>(
  'SELECT id, name FROM organizations WHERE name = ? ORDER BY created_at LIMIT 1',
  [name],
);
if (!org) {
  console.error(
    `No organization named "${name}". Create one with \`npm run setup -- --org "${name}"\`, or pass the name of an existing one.`,
  );
  process.exit(1);
}
const { token } = await createAccessToken(ctx, org.id, {
  scopes: readOnly ? ['read'] : ['read', 'write'],
  label: 'cli',
});
console.log(`New ${readOnly ? 'read-only ' : ''}token for "${org.name}" (shown once):\n${token}`);
await db.close();

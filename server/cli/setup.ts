import { parseArgs } from 'node:util';
import { organizationUpdate } from '../../src/shared/schemas/index.ts';
import { loadConfig } from '../config.ts';
import { createAccessToken } from '../core/access-tokens.ts';
import { createOrganization } from '../core/organizations.ts';
import { type CliOutput, consoleOutput, openCliContext } from './cli-context.ts';

const USAGE = 'Usage: npm run setup -- --org "My Shop"';

/**
 * First run without the demo: creates an organization and its first
 * read-write token on the configured storage (DATA_DIR or DATABASE_URL) and
 * prints the token once, alone on its line. Answers the exit code.
 */
export async function setup(argv: string[], env = process.env, io: CliOutput = consoleOutput): Promise<number> {
  let name: string;
  try {
    const { values } = parseArgs({ args: argv, options: { org: { type: 'string' } }, strict: true });
    const parsed = organizationUpdate.shape.name.safeParse(values.org);
    if (values.org === undefined || !parsed.success || !parsed.data) {
      io.err(`Give the organization's name (1 to 100 characters). ${USAGE}`);
      return 2;
    }
    name = parsed.data;
  } catch (e) {
    io.err(`${(e as Error).message}. ${USAGE}`);
    return 2;
  }

  const config = loadConfig(env);
  const ctx = await openCliContext(config);
  try {
    const taken = await ctx.db.get<{ name: string }>('SELECT name FROM organizations WHERE lower(name) = lower(?)', [
      name,
    ]);
    if (taken) {
      io.err(
        `An organization named "${taken.name}" already exists here, so nothing was created. ` +
          'Choose another name, or issue a new token for it with `npm run token -- "<name>"`.',
      );
      return 1;
    }
    const org = await createOrganization(ctx, { name });
    const { token } = await createAccessToken(ctx, org.id, { scopes: ['read', 'write'], label: 'setup' });
    io.out(
      `Created the organization "${org.name}" (${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}).`,
    );
    io.out('Its access token (read and write) follows. It is shown only this once: keep it somewhere safe.');
    io.out('');
    io.out(token);
    io.out('');
    io.out(`Start the server with SEED_DEMO=false and sign in at ${config.publicUrl}/dashboard with this token.`);
    return 0;
  } finally {
    await ctx.db.close();
  }
}

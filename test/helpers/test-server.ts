import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../server/config.ts';
import { createAccessToken } from '../../server/core/access-tokens.ts';
import { createOrganization } from '../../server/core/organizations.ts';
import { type RunningServer, startServer } from '../../server/start.ts';

export interface TestServer extends RunningServer {
  /** A write+read token of a fresh, empty organization ("Test Shop"). */
  token: string;
  organizationId: string;
  dataDir: string;
  /** fetch against the server with the token; JSON bodies are encoded. */
  api(
    path: string,
    init?: { method?: string; body?: unknown; token?: string | null },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  /** Stops the server, removing its data unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * With TEST_DATABASE_URL set, every test server gets its own PostgreSQL
 * schema instead of a SQLite folder: the same suite runs on both engines.
 */
const pgBase = process.env.TEST_DATABASE_URL || undefined;

async function pgAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgBase });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function pgUrlFor(schema: string) {
  const url = new URL(pgBase!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** The storage variables that point a server (in this process or a child) at a test server's data. */
export const storageEnv = (dataDir: string): Record<string, string> =>
  pgBase ? { DATABASE_URL: pgUrlFor(dataDir) } : { DATA_DIR: dataDir };

/** Drops a test server's data once no server uses it any more. */
export async function removeData(dataDir: string) {
  if (pgBase) await pgAdmin((c) => c.query(`DROP SCHEMA ${dataDir} CASCADE`));
  else rmSync(dataDir, { recursive: true, force: true });
}

/**
 * An empty storage for a server or a command-line tool: its own PostgreSQL
 * schema with TEST_DATABASE_URL, else a temporary SQLite folder. `env` is
 * what to pass as the environment (DATA_DIR or DATABASE_URL).
 */
export async function freshStorage(): Promise<{ env: Record<string, string>; name: string; drop(): Promise<void> }> {
  if (pgBase) {
    const schema = `t_${Math.random().toString(36).slice(2, 10)}`;
    await pgAdmin((c) => c.query(`CREATE SCHEMA ${schema}`));
    return {
      env: { DATABASE_URL: pgUrlFor(schema), DATA_DIR: '.tmp/unused' },
      name: schema,
      drop: () => pgAdmin((c) => c.query(`DROP SCHEMA ${schema} CASCADE`)).then(() => {}),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'checkout-link-'));
  return { env: { DATA_DIR: dir }, name: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A real server on a loopback port over a temporary SQLite folder (or
 * PostgreSQL schema). Pass `dataDir` to reopen an earlier one (restart tests).
 */
export async function startTestServer(env: Record<string, string> = {}, dataDir?: string): Promise<TestServer> {
  let dir: string;
  const storage: Record<string, string> = {};
  if (pgBase) {
    dir = dataDir ?? `t_${Math.random().toString(36).slice(2, 10)}`;
    if (!dataDir) await pgAdmin((c) => c.query(`CREATE SCHEMA ${dir}`));
    storage.DATABASE_URL = pgUrlFor(dir);
  } else dir = dataDir ?? mkdtempSync(join(tmpdir(), 'checkout-link-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: pgBase ? '.tmp/unused' : dir,
    DEMO_PORT: 'off',
    SEED_DEMO: 'false',
    RATE_LIMIT_PER_MINUTE: '10000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...storage,
    ...env,
  });
  const running = await startServer(config);
  let token = '';
  let organizationId = '';
  const existing = await running.ctx.db.get<{ id: string }>("SELECT id FROM organizations WHERE name = 'Test Shop'");
  if (existing) {
    organizationId = existing.id;
    token = (await createAccessToken(running.ctx, organizationId)).token;
  } else {
    const org = await createOrganization(running.ctx, { name: 'Test Shop', embed_origins: ['http://localhost:9999'] });
    organizationId = org.id;
    token = (await createAccessToken(running.ctx, org.id)).token;
  }
  return {
    ...running,
    token,
    organizationId,
    dataDir: dir,
    async api(path, init = {}) {
      const headers: Record<string, string> = {};
      const auth = init.token === undefined ? token : init.token;
      if (auth) headers.authorization = `Bearer ${auth}`;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(path.startsWith('http') ? path : running.url + path, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers,
        body:
          init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
        redirect: 'manual',
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {}
      return { status: res.status, body, headers: res.headers };
    },
    async stop(options = {}) {
      await running.close();
      if (!options.keepData) await removeData(dir);
    },
  };
}

/**
 * Test servers that one `after` stops: `sharing(owner)` starts another
 * server on `owner`'s storage, as a second process would be; `stopAll`
 * stops those first, then the owners, which remove their storage.
 */
export function testServers() {
  const owners: TestServer[] = [];
  const sharers: TestServer[] = [];
  return {
    async start(env: Record<string, string> = {}) {
      const server = await startTestServer(env);
      owners.push(server);
      return server;
    },
    async sharing(owner: TestServer, env: Record<string, string> = {}) {
      const server = await startTestServer(env, owner.dataDir);
      sharers.push(server);
      return server;
    },
    async stopAll() {
      for (const s of sharers.splice(0)) await s.stop({ keepData: true });
      for (const s of owners.splice(0)) await s.stop();
    },
  };
}

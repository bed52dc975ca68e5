import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const NGINX = '/usr/sbin/nginx';

/** The README's nginx example, the one merchants copy. */
export function readmeNginxConfig(): string {
  const block = /```nginx\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'))?.[1];
  if (!block) throw new Error('README.md has no ```nginx example');
  return block;
}

export interface ProxiedServer {
  /** The origin customers use: nginx on loopback. */
  url: string;
  token: string;
  stop(): Promise<void>;
}

const untilExit = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

async function waitForHttp(url: string, child: ChildProcess, what: string) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not answer at ${url}`);
}

/**
 * The server (SEED_DEMO=false, set up as the README says) on `serverPort`,
 * and Debian's nginx on `proxyPort` with the README's configuration, its
 * files in a temporary folder. Both on loopback.
 */
export async function startBehindNginx(serverPort: number, proxyPort: number, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'checkout-link-nginx-'));
  const url = `http://127.0.0.1:${proxyPort}`;
  const serverEnv = {
    ...process.env,
    DATA_DIR: join(dir, 'data'),
    DATABASE_URL: '',
    PORT: String(serverPort),
    PUBLIC_URL: url,
    SEED_DEMO: 'false',
    DEMO_PORT: 'off',
    TRUST_PROXY: '1',
    LOG_LEVEL: 'warn',
    ...env,
  };
  const setup = execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/bin/setup.ts', '--org', 'Proxy Shop'], {
    env: serverEnv,
    encoding: 'utf8',
  });
  const token = setup.split('\n').find((l) => l.startsWith('clat_'))!;
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: server.stdout! }).on('line', () => {});
  await waitForHttp(`http://127.0.0.1:${serverPort}/healthz`, server, 'the server');

  const site = readmeNginxConfig()
    .replace('server 127.0.0.1:3000;', `server 127.0.0.1:${serverPort};`)
    .replace(/listen 80;/, `listen 127.0.0.1:${proxyPort};`);
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${site}
}
`,
  );
  const nginx = spawn(NGINX, ['-c', conf, '-p', dir, '-e', join(dir, 'error.log')], { stdio: 'inherit' });
  await waitForHttp(`${url}/healthz`, nginx, 'nginx');

  return {
    url,
    token,
    async stop() {
      nginx.kill('SIGQUIT');
      server.kill('SIGTERM');
      await Promise.all([untilExit(nginx), untilExit(server)]);
      rmSync(dir, { recursive: true, force: true });
    },
  } satisfies ProxiedServer;
}

export const nginxInstalled = () => existsSync(NGINX);

import { type ChildProcess, spawn } from 'node:child_process';
import { storageEnv } from './test-server.ts';

/**
 * A server in a child process on `dataDir`'s storage that kills itself
 * (SIGKILL) when it reaches `crashAt` (a confirm step, a webhook attempt);
 * answers its URL once listening.
 */
export async function startChild(
  dataDir: string,
  crashAt: string,
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      ...storageEnv(dataDir),
      PORT: '0',
      DEMO_PORT: 'off',
      SEED_DEMO: 'false',
      CHECKOUT_LINK_CRASH_AT: crashAt,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  for await (const chunk of child.stdout!) {
    out += chunk;
    const url = /API and hosted checkout\s+(http:\/\/localhost:\d+)/.exec(out)?.[1];
    if (url) return { url, child };
  }
  throw new Error(`the child server stopped before listening: ${out}`);
}

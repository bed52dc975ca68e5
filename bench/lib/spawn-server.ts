import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface SpawnedServer<T> {
  info: T;
  child: ChildProcess;
  /** Peak resident memory of the process so far (VmHWM), in bytes. */
  peakMemory(): number;
  /** Ends the server: SIGTERM, then SIGKILL if it has not exited after `KILL_AFTER_MS`; resolves once it has exited. */
  stop(): Promise<void>;
}

/** How long a server may take to close after SIGTERM before it is killed. */
const KILL_AFTER_MS = 3000;

/** Servers not known to have exited, killed when the bench process exits whatever the path (a throw, `process.exit`). */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Exited, or never started (a spawn error leaves no pid). */
const hasExited = (child: ChildProcess) =>
  child.pid === undefined || child.exitCode !== null || child.signalCode !== null;

/**
 * Resolves when `child` has exited. The SIGKILL timer stays referenced: it
 * is what keeps the bench alive while a server is slow to close, so the run
 * cannot end (and leave the server behind) before the server does.
 */
function stopChild(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts a bench server script in its own process and waits for its JSON line. */
export async function spawnServer<T>(script: string, env: Record<string, string> = {}): Promise<SpawnedServer<T>> {
  // BENCH_CPU_PROF=<dir>: each server writes a V8 CPU profile there when it exits (open it in DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const lines = createInterface({ input: child.stdout! });
  let info: T;
  try {
    info = await new Promise<T>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`${script} exited with ${code ?? signal}`)));
      lines.on('line', (line) => {
        if (!line.startsWith('{')) return;
        try {
          resolve(JSON.parse(line) as T);
        } catch (error) {
          reject(error);
        }
      });
    });
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    info,
    child,
    peakMemory() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb * 1024;
    },
    stop: () => stopChild(child),
  };
}

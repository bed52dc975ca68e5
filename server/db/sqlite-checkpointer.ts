import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Past this, the WAL is checkpointed in full and cut back (a short wait for writers), and trimmed to it after a reset. */
export const WAL_CAP_BYTES = 64 * 1024 * 1024;

/**
 * The worker's code, as a string: it must run from the compiled package too,
 * where no .ts file sits beside this one. It opens its own connection (the
 * driver's path handed in, so it resolves wherever the server is installed).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const walSize = () => { try { return statSync(workerData.file + '-wal').size; } catch { return 0; } };
const timer = setInterval(() => {
  try {
    db.pragma(walSize() > workerData.capBytes ? 'wal_checkpoint(TRUNCATE)' : 'wal_checkpoint(PASSIVE)');
  } catch (e) {
    parentPort.postMessage(String(e));
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints the WAL of `file` on a timer in a worker thread with its own
 * connection: the serving connection has `wal_autocheckpoint` off, so no
 * request's commit ever stops to copy the WAL into the database file (and
 * fsync it), which under sustained load held the event loop 40 to 55 ms at
 * a time. PASSIVE never waits for the serving connection; past the cap, a
 * TRUNCATE bounds the file. A crash of the process mid-checkpoint is one
 * SQLite recovers from on the next open, as from any crash.
 */
export function startCheckpointer(file: string, intervalMs: number, onError: (message: string) => void) {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file,
      intervalMs,
      capBytes: WAL_CAP_BYTES,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
    },
    // Plain CommonJS: none of the parent's loaders (tsx) are needed.
    execArgv: [],
  });
  worker.on('message', onError);
  worker.on('error', (e) => onError(String(e)));
  // Never what keeps a process alive: an exit mid-checkpoint is safe.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    /** Ends the worker and its connection; resolves once it has exited (at once if it already has). */
    stop(): Promise<void> {
      // Referenced again: the exit is now what a shutdown waits for.
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}

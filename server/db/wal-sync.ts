import { close, fdatasync, open } from 'node:fs';
import { promisify } from 'node:util';

const openFile = promisify(open);
const syncFile = promisify(fdatasync);
const closeFile = promisify(close);

/**
 * Group commit for SQLite without holding the event loop. The serving
 * connection commits with `synchronous = NORMAL`: its frames reach the WAL
 * file (the OS page cache), not the disk. Each commit then awaits `durable()`,
 * an fdatasync of the WAL run on libuv's thread pool and shared by every
 * commit made before it started, so requests go on being parsed and run
 * while the disk works, and a burst of commits costs one flush, not one each.
 *
 * What the commit's caller sees is what FULL promises: the answer waits until
 * the frames are on the disk, and SQLite's recovery replays every frame up to
 * the last complete commit it finds there.
 */
export function walSyncer(walFile: string, sync: (fd: number) => Promise<void> = syncFile) {
  let fd: Promise<number> | undefined;
  let inFlight: Promise<void> | undefined;
  let queued: Promise<void> | undefined;

  const flush = async () => {
    // Opened at the first commit: the WAL exists from the first write on, and SQLite truncates it in place.
    // A failed open is tried again by the next commit, not remembered.
    fd ??= openFile(walFile, 'r').catch((e) => {
      fd = undefined;
      throw e;
    });
    await sync(await fd);
  };
  /** Resolves once everything committed before the call is on the disk. */
  const durable = (): Promise<void> => {
    if (!inFlight) {
      inFlight = flush().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    }
    // The flush under way may have started before this commit's frames were written: wait for the next one.
    const next = () => {
      queued = undefined;
      return durable();
    };
    queued ??= inFlight.then(next, next);
    return queued;
  };
  return {
    durable,
    async close() {
      await queued?.catch(() => {});
      await inFlight?.catch(() => {});
      if (fd) await closeFile(await fd).catch(() => {});
    },
  };
}

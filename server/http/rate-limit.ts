import type { Database } from '../db/database.ts';

const currentWindow = () => Math.floor(Date.now() / 60_000);
export const secondsToNextWindow = () => 60 - (Math.floor(Date.now() / 1000) % 60);

/** Adds `hits` to a bucket's current window in storage and answers the window's total over every process. */
export const countHits = async (db: Database, key: string, window: number, hits: number) =>
  Number(
    (
      await db.get<{ hits: number }>(
        `INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, ?)
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + excluded.hits RETURNING hits`,
        [key, window, hits],
      )
    )?.hits ?? hits,
  );

/** Old windows are dead weight: the sweep calls this. */
export async function pruneRateLimits(db: Database) {
  await db.run('DELETE FROM rate_limits WHERE window_start < ?', [Math.floor(Date.now() / 60_000) - 1]);
}

/**
 * The per-address limit of the link redirect, generous (a person never meets
 * it) and cheap: a click is counted in memory and decided at once, with no
 * round trip on the hottest route. Each process adds its counts to storage
 * at most once a second and reads back the total of every process, so the
 * limit holds across processes within about a second.
 */
export class RedirectRateLimit {
  readonly #db: Database;
  readonly perMinute: number;
  readonly #flushMs: number;
  #window = currentWindow();
  /** Per address in this window: hits not yet sent, hits on their way to storage, and the total storage last answered. */
  readonly #counts = new Map<string, { pending: number; sending: number; stored: number }>();
  #lastFlush = 0;
  #inFlight: Promise<void> | null = null;

  constructor(db: Database, perMinute: number, flushMs = 1_000) {
    this.#db = db;
    this.perMinute = perMinute;
    this.#flushMs = flushMs;
  }

  /** Counts one redirect from `address`; false once the address is over the limit for this minute. */
  hit(address: string): boolean {
    const now = Date.now();
    const window = Math.floor(now / 60_000);
    if (window !== this.#window) {
      this.#window = window;
      this.#counts.clear();
    }
    let count = this.#counts.get(address);
    if (!count) {
      count = { pending: 0, sending: 0, stored: 0 };
      this.#counts.set(address, count);
    }
    count.pending++;
    if (now - this.#lastFlush >= this.#flushMs && !this.#inFlight) void this.flush();
    return count.stored + count.sending + count.pending <= this.perMinute;
  }

  /** Seconds until the window resets, for `Retry-After`. */
  retryAfter(): number {
    return secondsToNextWindow();
  }

  /** Adds this process's pending counts to storage and takes back the totals of every process. */
  async flush(): Promise<void> {
    // One write at a time; a caller that finds one under way waits for it, then writes what came since.
    while (this.#inFlight) await this.#inFlight;
    this.#inFlight = this.#write().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  async #write(): Promise<void> {
    this.#lastFlush = Date.now();
    const window = this.#window;
    try {
      for (const [address, count] of this.#counts) {
        if (count.pending === 0) continue;
        const hits = count.pending;
        count.pending = 0;
        count.sending += hits;
        try {
          const total = await countHits(this.#db, `redirect:${address}`, window, hits);
          // A new window began meanwhile: its counts start from zero.
          if (this.#window === window) count.stored = total;
        } finally {
          count.sending -= hits;
        }
      }
    } catch {
      // Storage closing at shutdown, or a hiccup: the counts in memory still limit this process.
    }
  }
}

import { createMiddleware } from 'hono/factory';
import { DomainError } from '../core/errors.ts';
import type { Database } from '../db/database.ts';
import { contextClientAddress, type TrustProxy } from './client-address.ts';
import { countHits, secondsToNextWindow } from './rate-limit.ts';

const windowOf = (ms: number) => Math.floor(ms / 60_000);

interface Allowance {
  /** Hits this process took from the shared count, and how many it has spent. */
  granted: number;
  spent: number;
  /** The shared count as storage last answered it, our grants included. */
  known: number;
  /** When storage last said the window is used up (0: never); until a reconcile, no point asking again. */
  exhaustedAt: number;
  hitsSinceReconcile: number;
  claiming: Promise<void> | null;
}

/**
 * The widget endpoint's per-address limit, shared across processes without a
 * write per request: a process takes a block of allowance from the window's
 * count in storage (one row per address and window) and spends it in memory,
 * taking the next block before this one runs out. Every grant comes out of
 * the shared count, so all processes together never accept more than
 * `perMinute` in a window; what a process holds unspent is refused to the
 * others, at most one block each, and a block left idle is handed back at
 * the next reconcile (about once a second). With a small limit the block is
 * one hit: each request then asks storage, as an exact count must.
 */
export class SessionRateLimit {
  readonly perMinute: number;
  readonly #db: Database;
  readonly #bucket: string;
  readonly #block: number;
  readonly #reconcileMs: number;
  #window = windowOf(Date.now());
  readonly #allowances = new Map<string, Allowance>();
  #timer: NodeJS.Timeout | null = null;

  constructor(db: Database, options: { bucket: string; perMinute: number; reconcileMs?: number }) {
    this.#db = db;
    this.#bucket = options.bucket;
    this.perMinute = options.perMinute;
    this.#block = Math.max(1, Math.ceil(options.perMinute / 50));
    this.#reconcileMs = options.reconcileMs ?? 1_000;
  }

  /** Counts one request from `address`: true when it is within the limit. Synchronous while the block lasts. */
  hit(address: string): boolean | Promise<boolean> {
    const a = this.#allowance(address);
    a.hitsSinceReconcile++;
    if (a.spent < a.granted) {
      a.spent++;
      // Next block on its way before this one is spent, so the hot path never waits for storage.
      if (this.#block > 1 && a.granted - a.spent < this.#block / 2 && !a.claiming && !a.exhaustedAt)
        this.#claim(a, address).catch(() => {});
      return true;
    }
    return this.#waitForBlock(a, address);
  }

  /** About how many requests `address` has left in this window, for `RateLimit-Remaining`. */
  remaining(address: string): number {
    const a = this.#allowances.get(address);
    if (!a) return this.perMinute;
    return Math.max(0, this.perMinute - (a.known - (a.granted - a.spent)));
  }

  /** Seconds until the window resets, for `Retry-After`. */
  retryAfter(): number {
    return secondsToNextWindow();
  }

  /** Hands back blocks no request touched since the last reconcile, and forgets addresses gone quiet. */
  async reconcile(): Promise<void> {
    this.#roll();
    const window = this.#window;
    const returns: [string, number][] = [];
    for (const [address, a] of this.#allowances) {
      const idle = a.hitsSinceReconcile === 0;
      a.hitsSinceReconcile = 0;
      a.exhaustedAt = 0;
      if (!idle || a.claiming) continue;
      const left = a.granted - a.spent;
      if (left > 0) returns.push([address, left]);
      this.#allowances.delete(address);
    }
    for (const [address, left] of returns) await this.#add(address, window, -left);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  #roll() {
    const window = windowOf(Date.now());
    if (window !== this.#window) {
      this.#window = window;
      this.#allowances.clear();
    }
  }

  #allowance(address: string): Allowance {
    this.#roll();
    let a = this.#allowances.get(address);
    if (!a) {
      a = { granted: 0, spent: 0, known: 0, exhaustedAt: 0, hitsSinceReconcile: 0, claiming: null };
      this.#allowances.set(address, a);
    }
    if (!this.#timer) {
      this.#timer = setInterval(() => this.reconcile().catch(() => {}), this.#reconcileMs);
      this.#timer.unref();
    }
    return a;
  }

  async #waitForBlock(a: Allowance, address: string): Promise<boolean> {
    for (;;) {
      if (a.spent < a.granted) {
        a.spent++;
        return true;
      }
      if (a.exhaustedAt) return false;
      await (a.claiming ?? this.#claim(a, address));
      // The window turned while waiting: this request counts in the new one.
      if (this.#allowances.get(address) !== a) return this.hit(address);
    }
  }

  /** Takes a block from the shared count; only the part still under the limit is granted, the rest given back. */
  #claim(a: Allowance, address: string): Promise<void> {
    const window = this.#window;
    const block = this.#block;
    a.claiming = (async () => {
      const total = await this.#add(address, window, block);
      const granted = Math.min(block, Math.max(0, this.perMinute - (total - block)));
      a.granted += granted;
      a.known = total - (block - granted);
      if (granted < block) {
        a.exhaustedAt = Date.now();
        await this.#add(address, window, granted - block);
      }
    })().finally(() => {
      a.claiming = null;
    });
    return a.claiming;
  }

  /** Adds `hits` (negative: gives back) to the shared count and answers the new total. */
  #add(address: string, window: number, hits: number): Promise<number> {
    return countHits(this.#db, `${this.#bucket}:${address}`, window, hits);
  }
}

/** The widget endpoint's 429: the same answer from the Hono route and the Node fast path. */
export const rateLimited = () =>
  new DomainError(429, 'rate_limited', 'Too many checkout sessions from this address. Try again in a minute.');

/** Headers of a limited answer: the limit, what is left, and when over it, when to come back. */
export function rateLimitHeaders(limit: SessionRateLimit, address: string, allowed: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(limit.perMinute),
    'RateLimit-Remaining': allowed ? String(limit.remaining(address)) : '0',
  };
  if (!allowed) headers['Retry-After'] = String(limit.retryAfter());
  return headers;
}

/**
 * Fixed-window limit per client address, shared by every process on one
 * storage (see SessionRateLimit for how it avoids a write per request).
 */
export const rateLimit = (limit: SessionRateLimit, trustProxy: TrustProxy) =>
  createMiddleware(async function rateLimit(c, next) {
    const address = contextClientAddress(c, trustProxy);
    const allowed = await limit.hit(address);
    for (const [name, value] of Object.entries(rateLimitHeaders(limit, address, allowed))) c.header(name, value);
    if (!allowed) throw rateLimited();
    await next();
  });

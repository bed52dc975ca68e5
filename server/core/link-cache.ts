/**
 * What a link's public URL resolves to, kept briefly in memory: a click on a
 * busy link then costs one insert, not six reads. Every management write in
 * this process clears it at once; other processes (on PostgreSQL) see a
 * change within `ttlMs`.
 */
export class LinkCache<T> {
  readonly #entries = new Map<string, { value: T | null; expires: number }>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(ttlMs = 2_000, maxEntries = 10_000) {
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
  }

  /**
   * The fresh entry for `secret` (null: no such link), or undefined when it
   * must be loaded. Synchronous, so a hit costs the click no promise.
   */
  peek(secret: string): T | null | undefined {
    const hit = this.#entries.get(secret);
    return hit && hit.expires > Date.now() ? hit.value : undefined;
  }

  /** Loads `secret` with `load` and keeps the answer (a missing link too) for `ttlMs`. */
  async load(secret: string, load: () => Promise<T | null>): Promise<T | null> {
    const started = Date.now();
    const value = await load();
    if (this.#ttlMs > 0) {
      if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
      this.#entries.set(secret, { value, expires: started + this.#ttlMs });
    }
    return value;
  }

  delete(secret: string): void {
    this.#entries.delete(secret);
  }

  clear(): void {
    this.#entries.clear();
  }
}

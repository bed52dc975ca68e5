import type { Organization, Product } from '../../src/shared/schemas/index.ts';
import type { CheckoutLinkRow } from './checkout-links.ts';

export interface ResolvedLink {
  link: CheckoutLinkRow;
  products: Product[];
  organization: Organization;
}

/**
 * What a link's public URL resolves to, kept briefly in memory: a click on a
 * busy link then costs one insert, not six reads. Every management write in
 * this process clears it at once; other processes (on PostgreSQL) see a
 * change within `ttlMs`.
 */
export class LinkCache {
  readonly #entries = new Map<string, { value: ResolvedLink | null; expires: number }>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(ttlMs = 2_000, maxEntries = 10_000) {
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
  }

  async get(secret: string, load: () => Promise<ResolvedLink | null>): Promise<ResolvedLink | null> {
    const now = Date.now();
    const hit = this.#entries.get(secret);
    if (hit && hit.expires > now) return hit.value;
    const value = await load();
    if (this.#ttlMs > 0) {
      if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
      this.#entries.set(secret, { value, expires: now + this.#ttlMs });
    }
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}

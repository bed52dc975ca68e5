import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.html': 'text/html; charset=utf-8',
};

interface Asset {
  body: Buffer;
  etag: string;
  type: string;
}

/**
 * Built browser files under `dist/`, read once and kept in memory (they are
 * small), each with a content hash for `?v=` cache busting and ETags.
 */
export class Assets {
  readonly #root: string;
  readonly #cache = new Map<string, Asset | null>();

  constructor(root = resolve('dist')) {
    this.#root = root;
  }

  get(path: string): Asset | null {
    if (this.#cache.has(path)) return this.#cache.get(path)!;
    const file = normalize(join(this.#root, path));
    let asset: Asset | null = null;
    if (file.startsWith(this.#root) && existsSync(file) && statSync(file).isFile()) {
      const body = readFileSync(file);
      asset = {
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`,
        type: TYPES[extname(file)] ?? 'application/octet-stream',
      };
    }
    this.#cache.set(path, asset);
    return asset;
  }

  /** URL of a built file with its hash, so it may be cached for a year. */
  url(path: string, prefix = '/'): string {
    const asset = this.get(path);
    return `${prefix}${path}${asset ? `?v=${asset.etag.slice(1, 9)}` : ''}`;
  }

  /** Answers `path` with caching headers; `versioned` files carry their hash in the URL. */
  respond(c: Context, path: string, options: { cors?: boolean; maxAge: number }) {
    const asset = this.get(path);
    if (!asset)
      return c.json(
        { error: 'not_found', detail: [{ loc: ['path'], msg: `${path} is not built: run npm run build` }] },
        404,
      );
    if (options.cors) c.header('Access-Control-Allow-Origin', '*');
    c.header(
      'Cache-Control',
      `public, max-age=${options.maxAge}${options.maxAge < 3600 ? ', stale-while-revalidate=86400' : ', immutable'}`,
    );
    c.header('ETag', asset.etag);
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    c.header('Content-Type', asset.type);
    return c.body(new Uint8Array(asset.body));
  }
}

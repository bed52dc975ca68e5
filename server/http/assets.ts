import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
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

/** What scripts/build.mjs precompresses next to each file (`.br`, `.gz`), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br', decompress: brotliDecompressSync },
  { name: 'gzip', suffix: '.gz', decompress: gunzipSync },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

/** A year: the longest cache HTTP caches honour, for URLs whose name changes with their content. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Our own hashed names (`checkout.<hash>.js`) and Vite's chunk names (`api-schemas-LHGzD6Gb.js`).
const OUR_HASHED = /^(.+)\.([A-Za-z0-9_-]{10})(\.[a-z]+)$/;
const VITE_CHUNK = /-[A-Za-z0-9_-]{8}\.(js|css)$/;

interface Asset {
  body: Buffer;
  /** Ten characters of the content's SHA-256, in its hashed name and ETags. */
  hash: string;
  type: string;
  encoded: Partial<Record<Encoding, Buffer>>;
}

/** The encoding to answer with: the best precompressed one the client accepts (a `q=0` refuses it). */
export function pickEncoding(acceptEncoding: string | undefined, available: Partial<Record<Encoding, Buffer>>) {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [token, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (token) accepted.set(token, q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get('*') ?? 0;
  return ENCODINGS.find((e) => available[e.name] && (accepted.get(e.name) ?? wildcard) > 0)?.name ?? null;
}

/**
 * Built browser files under `dist/`, read once and kept in memory (they are
 * small) with the brotli and gzip copies the build made. Entry files are
 * also served under a content-hashed name (`url()`), cached for a year.
 */
export class Assets {
  readonly #root: string;
  readonly #cache = new Map<string, Asset | null>();
  readonly #chunks = new Map<string, string | null>();

  constructor(root = resolve('dist')) {
    this.#root = root;
  }

  get(path: string): Asset | null {
    if (this.#cache.has(path)) return this.#cache.get(path)!;
    const file = normalize(join(this.#root, path));
    let asset: Asset | null = null;
    if (file.startsWith(this.#root) && existsSync(file) && statSync(file).isFile()) {
      const body = readFileSync(file);
      const encoded: Asset['encoded'] = {};
      for (const { name, suffix, decompress } of ENCODINGS) {
        if (!existsSync(file + suffix)) continue;
        const copy = readFileSync(file + suffix);
        // A copy left over from an earlier build must not be served for this one.
        if (decompress(copy).equals(body)) encoded[name] = copy;
      }
      asset = {
        body,
        hash: createHash('sha256').update(body).digest('base64url').slice(0, 10),
        type: TYPES[extname(file)] ?? 'application/octet-stream',
        encoded,
      };
    }
    this.#cache.set(path, asset);
    return asset;
  }

  /**
   * The files a built module imports statically, as URLs (`pages/checkout.js` imports its app chunk):
   * a page preloads them beside the module, so no request waits for another.
   */
  staticImports(path: string, prefix = '/'): string[] {
    const source = this.get(path)?.body.toString() ?? '';
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    return [...source.matchAll(/(?:import|from)\s*"\.\/([\w.-]+\.js)"/g)].map((m) => `${prefix}${dir}${m[1]}`);
  }

  /**
   * URL of the chunk the build named `<stem>-<hash>.js` in `dir` (a lazily imported view), or null
   * when there is none: a page preloads the chunks it knows it will import.
   */
  chunkUrl(dir: string, stem: string, prefix = '/'): string | null {
    const key = `${dir}/${stem}`;
    if (!this.#chunks.has(key)) {
      const full = normalize(join(this.#root, dir));
      const names = full.startsWith(this.#root) && existsSync(full) ? readdirSync(full) : [];
      const name = names.find((n) => n.startsWith(`${stem}-`) && VITE_CHUNK.test(n) && n.length === stem.length + 12);
      this.#chunks.set(key, name ? `${dir}/${name}` : null);
    }
    const path = this.#chunks.get(key);
    return path ? `${prefix}${path}` : null;
  }

  /** URL of a built file under its content-hashed name (`pages/checkout.<hash>.js`), so it may be cached for a year. */
  url(path: string, prefix = '/'): string {
    const asset = this.get(path);
    if (!asset) return `${prefix}${path}`;
    const ext = extname(path);
    return `${prefix}${path.slice(0, -ext.length)}.${asset.hash}${ext}`;
  }

  /**
   * Answers a request for `path`, compressed when the client accepts it. A
   * hashed name (ours or Vite's) is immutable; any other URL is one people
   * paste (`embed.js`): cached `stableMaxAge` seconds, then revalidated by ETag.
   */
  respond(c: Context, path: string, options: { cors?: boolean; stableMaxAge: number }) {
    let asset = this.get(path);
    let immutable = asset !== null && VITE_CHUNK.test(path);
    const hashed = asset ? null : OUR_HASHED.exec(path);
    if (hashed) {
      const candidate = this.get(`${hashed[1]}${hashed[3]}`);
      if (candidate?.hash === hashed[2]) {
        asset = candidate;
        immutable = true;
      }
    }
    if (!asset)
      return c.json(
        { error: 'not_found', detail: [{ loc: ['path'], msg: `${path} is not built: run npm run build` }] },
        404,
      );
    if (options.cors) c.header('Access-Control-Allow-Origin', '*');
    c.header(
      'Cache-Control',
      immutable ? IMMUTABLE : `public, max-age=${options.stableMaxAge}, stale-while-revalidate=86400`,
    );
    c.header('Vary', 'Accept-Encoding');
    c.header('X-Content-Type-Options', 'nosniff');
    const encoding = pickEncoding(c.req.header('accept-encoding'), asset.encoded);
    // One ETag per representation (RFC 9110 8.8.3); any of them proves the client holds this content.
    const etag = `"${asset.hash}${encoding ? `-${encoding}` : ''}"`;
    c.header('ETag', etag);
    const held = (c.req.header('if-none-match') ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (held.some((t) => t === '*' || t.slice(1, 11) === asset.hash)) return c.body(null, 304);
    c.header('Content-Type', asset.type);
    if (encoding) c.header('Content-Encoding', encoding);
    return c.body(new Uint8Array(encoding ? asset.encoded[encoding]! : asset.body));
  }
}

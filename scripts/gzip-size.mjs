import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

/**
 * Gzip size at level 9, by the larger of zlib's and GNU gzip's count (when the `gzip` binary is
 * here): the two deflate differently by a few bytes, and a budget must hold whichever one measures.
 */
export function gzipSize(source) {
  const zlib = gzipSync(source, { level: 9 }).length;
  try {
    return Math.max(zlib, execFileSync('gzip', ['-9', '-n', '-c'], { input: source }).length);
  } catch {
    return zlib;
  }
}

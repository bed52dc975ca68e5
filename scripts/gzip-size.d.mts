/** See gzip-size.mjs. */
export function gzipSize(source: Uint8Array | string): number;

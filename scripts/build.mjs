#!/usr/bin/env node
// Builds every browser output into dist/ (one Vite mode per target), skipping
// targets whose entry does not exist yet.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const targets = [
  ['embed', 'src/embed/embed.ts'],
  ['embed-frame', 'src/widget/frame.ts'],
  ['element', 'src/element/bundle.ts'],
  ['esm', 'src/index.ts'],
  ['checkout-page', 'src/checkout-page/main.ts'],
  ['dashboard', 'src/dashboard/main.ts'],
  ['demo-mock', 'mock-server/start-demo.ts'],
];
const args = process.argv.slice(2);
// `--if-stale` (npm start): build only when a source is newer than dist/, so a
// fresh clone gets its bundles and later starts stay instant.
const ifStale = args.includes('--if-stale');
// The bundles the server serves; the npm package entry (esm) is not needed to run.
const SERVED = ['embed', 'embed-frame', 'element', 'checkout-page', 'dashboard'];
const only = ifStale ? SERVED : args.filter((a) => !a.startsWith('--'));

if (ifStale) {
  const newest = (dir) =>
    readdirSync(dir, { recursive: true }).reduce((m, f) => Math.max(m, statSync(`${dir}/${f}`).mtimeMs), 0);
  const sources = Math.max(newest('src'), statSync('vite.config.ts').mtimeMs, statSync('package.json').mtimeMs);
  const outputs = [
    'dist/embed.js',
    'dist/embed-frame.js',
    'dist/checkout-link.js',
    'dist/pages/checkout.js',
    'dist/pages/dashboard.js',
  ];
  if (outputs.every((f) => existsSync(f) && statSync(f).mtimeMs >= sources)) process.exit(0);
  console.log('Building the browser bundles (sources changed since the last build)…');
}
if (!args.length) rmSync('dist', { recursive: true, force: true });
for (const [mode, entry] of targets) {
  if (only.length && !only.includes(mode)) continue;
  if (!existsSync(entry)) {
    console.log(`skip ${mode}: ${entry} does not exist yet`);
    continue;
  }
  const started = Date.now();
  execFileSync('npx', ['vite', 'build', '--mode', mode], { stdio: 'inherit' });
  // The package entry ships its type declarations and the custom-elements manifest beside it.
  if (mode === 'esm') {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
    execFileSync('node', ['scripts/package-esm.mjs'], { stdio: 'inherit' });
    execFileSync('npx', ['cem', 'analyze', '--quiet'], { stdio: 'inherit' });
  }
  console.log(`built ${mode} in ${Date.now() - started} ms`);
}

// Precompressed copies beside each served text file, made once here rather
// than on every request: the server answers with `.br` or `.gz` when the
// client accepts it (server/http/assets.ts). Rewritten for every file on each
// build, so no copy outlives its source. Not `esm/`: the server never serves
// it, and it ships in the npm package, whose users' bundlers compress it.
const COMPRESSIBLE = /\.(js|mjs|css|json|svg|html|map)$/;
let compressed = 0;
for (const file of readdirSync('dist', { recursive: true }).map(String)) {
  if (!COMPRESSIBLE.test(file) || file.startsWith('esm/')) continue;
  const path = `dist/${file}`;
  const source = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }));
  compressed++;
}
console.log(`precompressed ${compressed} files (brotli and gzip)`);

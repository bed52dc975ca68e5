#!/usr/bin/env node
// Builds every browser output into dist/ (one Vite mode per target), skipping
// targets whose entry does not exist yet.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const targets = [
  ['embed', 'src/embed/embed.ts'],
  ['element', 'src/element/bundle.ts'],
  ['esm', 'src/index.ts'],
  ['checkout-page', 'src/checkout-page/main.ts'],
  ['dashboard', 'src/dashboard/main.ts'],
];
const only = process.argv.slice(2);

if (!only.length) rmSync('dist', { recursive: true, force: true });
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
    execFileSync('npx', ['cem', 'analyze', '--quiet'], { stdio: 'inherit' });
  }
  console.log(`built ${mode} in ${Date.now() - started} ms`);
}

#!/usr/bin/env node
// Builds the `checkout-link-server` package into server/dist (its prepack):
// the server compiled to JavaScript by esbuild (its npm dependencies stay
// imports, listed in server/package.json), the browser bundles it serves and
// the demo site copied beside it, so it runs with neither vite nor tsx.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'server/dist');
process.chdir(root);

// Every dependency the server imports must be one the package declares, or it would fail once installed.
const declared = Object.keys(JSON.parse(readFileSync('server/package.json', 'utf8')).dependencies);

// The bundles the server serves, rebuilt only when a source is newer (npm test has just built them).
execFileSync('node', ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
rmSync(out, { recursive: true, force: true });
const result = await build({
  entryPoints: { bin: 'server/bin.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  metafile: true,
  logLevel: 'warning',
});
const imported = new Set(
  Object.values(result.metafile.outputs)
    .flatMap((o) => o.imports)
    .filter((i) => i.external && !i.path.startsWith('node:'))
    .map((i) =>
      i.path
        .split('/')
        .slice(0, i.path.startsWith('@') ? 2 : 1)
        .join('/'),
    ),
);
const undeclared = [...imported].filter((p) => !declared.includes(p));
if (undeclared.length) throw new Error(`server/package.json does not declare: ${undeclared.join(', ')}`);

// Not dist/esm (the npm package's modules) nor dist/mock (the no-backend demo): the server needs neither.
cpSync('dist', join(out, 'public'), { recursive: true, filter: (f) => !/(^|\/)dist\/(esm|mock)/.test(f) });
cpSync('demo', join(out, 'demo'), { recursive: true, filter: (f) => !/(^|\/)demo\/mock/.test(f) });
console.log(`built checkout-link-server into server/dist (imports ${[...imported].sort().join(', ')})`);

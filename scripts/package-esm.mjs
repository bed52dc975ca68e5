#!/usr/bin/env node
// Readies dist/esm for the package. The `node` entries (dist/esm/node/*.js) load
// the DOM shim before Lit (see src/node/dom-shim.ts). In tsc's declarations, relative imports
// point at `.js` (as node16 resolution requires; tsc keeps the sources' `.ts`),
// and declarations no entry reaches (server-side schemas typing zod) are
// removed, so the tarball ships no `.d.ts` needing a package it does not depend on.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const root = 'dist/esm';
const names = ['index', 'react', 'vue', 'svelte'];
mkdirSync(join(root, 'node'), { recursive: true });
for (const n of names)
  writeFileSync(join(root, 'node', `${n}.js`), `import './dom-shim.js';\nexport * from '../${n}.js';\n`);
const entries = names.map((n) => join(root, `${n}.d.ts`));
const relative = /((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+?)\.ts(['"])/g;

const reached = new Set();
const visit = (file) => {
  if (reached.has(file)) return;
  reached.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, , spec] of source.matchAll(relative)) visit(normalize(join(dirname(file), `${spec}.d.ts`)));
  writeFileSync(file, source.replace(relative, '$1$2.js$3'));
};
for (const entry of entries) visit(entry);

let removed = 0;
for (const f of readdirSync(root, { recursive: true }).map(String)) {
  const file = join(root, f);
  if (file.endsWith('.d.ts') && !reached.has(file)) {
    rmSync(file);
    removed++;
  }
}
// Directories left empty (the schemas') go too.
for (const f of readdirSync(root, { recursive: true, withFileTypes: true }))
  if (f.isDirectory() && readdirSync(join(f.parentPath, f.name)).length === 0)
    rmSync(join(f.parentPath, f.name), { recursive: true });
console.log(`types: ${reached.size} declarations kept, ${removed} unreachable removed`);

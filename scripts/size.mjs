#!/usr/bin/env node
// Prints raw, gzip and brotli sizes of the browser bundles and fails when a
// bundle is over its gzip budget (SPEC section 8). Run after the build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { gzipSize } from './gzip-size.mjs';

const bundles = [
  { file: 'dist/embed.js', budget: 2500, what: 'snippet (embed.js)', required: true },
  // Not on the page load: the snippet imports it on intent (hover, focus, touch) and on the click,
  // beside the session request. Budgeted too, and summed below: the snippet's whole click path. It reads
  // the session's answer and carries the card's finishing styles and the warm-up's hints, off the snippet.
  { file: 'dist/embed-frame.js', budget: 1600, what: 'frame runtime the snippet loads on intent', required: true },
  { file: 'dist/checkout-link.js', budget: 9000, what: 'element bundle (Lit included)', required: false },
];

const fmt = (n) => `${n.toLocaleString('en-US')} B`.padStart(10);
let failed = 0;
const gzipOf = {};
console.log(
  `${'bundle'.padEnd(24)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}${'budget'.padStart(10)}`,
);
for (const { file, budget, what, required } of bundles) {
  if (!existsSync(file)) {
    if (required) {
      console.log(`${file}: missing. Build it first (npm run build).`);
      failed++;
    } else console.log(`${file.padEnd(24)} not built, skipped`);
    continue;
  }
  const source = readFileSync(file);
  const gzip = gzipSize(source);
  const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  gzipOf[file] = gzip;
  const over = gzip > budget;
  if (over) failed++;
  console.log(
    `${file.padEnd(24)}${fmt(source.length)}${fmt(gzip)}${fmt(brotli)}${fmt(budget)}  ${over ? `OVER by ${gzip - budget} B` : 'ok'}  ${what}`,
  );
}
if (gzipOf['dist/embed.js'] && gzipOf['dist/embed-frame.js'])
  console.log(
    `${'click path'.padEnd(24)}${''.padStart(10)}${fmt(gzipOf['dist/embed.js'] + gzipOf['dist/embed-frame.js'])}` +
      `${''.padStart(20)}  embed.js + embed-frame.js (two files, two requests, gzipped apart)`,
  );
// The hosted checkout page: its script and stylesheet, and the one catalog the server inlines into
// the page (the heaviest locale's). Gzipped apart, as they travel. Lazy chunks load only for the
// links that need them (an address, custom fields, the end states): listed, not in the sum.
const PAGE_BUDGET = 21_000;
if (existsSync('dist/pages/checkout.js')) {
  const { tsImport } = await import('tsx/esm/api');
  const { pageCatalogFor } = await tsImport('../src/i18n/catalogs/index.ts', import.meta.url);
  const { LOCALES } = await tsImport('../src/i18n/locales.ts', import.meta.url);
  const gz = gzipSize;
  const [heaviest, strings] = LOCALES.map((l) => [l, gz(JSON.stringify(pageCatalogFor(l)))]).sort(
    (a, b) => b[1] - a[1],
  )[0];
  // checkout.js and the app chunk it imports at once (both load with the page); the lazy views apart.
  const entry = readFileSync('dist/pages/checkout.js', 'utf8');
  const initial = ['checkout.js', ...[...entry.matchAll(/(?:import|from)\s*"\.\/([\w.-]+\.js)"/g)].map((m) => m[1])];
  const js = initial.reduce((sum, f) => sum + gz(readFileSync(`dist/pages/${f}`)), 0);
  const css = existsSync('dist/pages/checkout.css') ? gz(readFileSync('dist/pages/checkout.css')) : 0;
  const total = js + css + strings;
  const over = total > PAGE_BUDGET;
  if (over) failed++;
  console.log(
    `${'checkout page'.padEnd(24)}${''.padStart(10)}${fmt(total)}${''.padStart(10)}${fmt(PAGE_BUDGET)}  ${over ? `OVER by ${total - PAGE_BUDGET} B` : 'ok'}  ` +
      `${initial.join(' + ')}: ${js} B, checkout.css ${css} + strings ${strings} (${heaviest}, the heaviest locale)`,
  );
  const chunks = readdirSync('dist/pages').filter((f) => /^checkout-[\w-]+\.js$/.test(f) && !initial.includes(f));
  for (const f of chunks)
    console.log(`${`  lazy ${f}`.padEnd(24)}${''.padStart(10)}${fmt(gz(readFileSync(`dist/pages/${f}`)))}`);
}
if (failed) console.log(`\n${failed} bundle(s) over budget or missing: see SPEC section 8.`);
process.exit(failed ? 1 : 0);

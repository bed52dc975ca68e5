import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { gzipSize } from '../scripts/gzip-size.mjs';
import { pageCatalogFor } from '../src/i18n/catalogs/index.ts';
import { LOCALES } from '../src/i18n/locales.ts';
import { fmtBytes, pct, type Row } from './lib/report.ts';

const SECTION = 'Sizes (gzip -9, brotli 11)';

export function measureFile(path: string) {
  const body = readFileSync(path);
  return {
    raw: body.length,
    gzip: gzipSize(body),
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const summarize = (m: ReturnType<typeof measureFile>) =>
  `${fmtBytes(m.gzip)} gzip (${fmtBytes(m.raw)} minified, ${fmtBytes(m.brotli)} brotli)`;

/** Our bundles beside Polar's embed, installed as a dev dependency for this purpose only. */
export function benchSizes(): Row[] {
  const polar = measureFile('node_modules/@polar-sh/checkout/dist/embed.global.js');
  const polarEsm = measureFile('node_modules/@polar-sh/checkout/dist/embed.js');
  const rows: Row[] = [
    { section: SECTION, what: "Polar's embed.global.js (reference)", value: summarize(polar) },
    { section: SECTION, what: "Polar's ESM embed (reference)", value: summarize(polarEsm) },
  ];
  if (existsSync('dist/embed.js')) {
    const embed = measureFile('dist/embed.js');
    rows.push({
      section: SECTION,
      what: 'dist/embed.js (snippet + overlay + prefill)',
      value: summarize(embed),
      reference: fmtBytes(polar.gzip),
      ratio: pct(embed.gzip, polar.gzip),
      budget: '≤ 2,500 B and below Polar',
      pass: embed.gzip <= 2500 && embed.gzip < polar.gzip,
    });
  } else rows.push({ section: SECTION, what: 'dist/embed.js', value: 'not built', pass: false });
  if (existsSync('dist/checkout-link.js')) {
    const element = measureFile('dist/checkout-link.js');
    rows.push({
      section: SECTION,
      what: 'dist/checkout-link.js (element + provider + overlay, Lit and @lit/context included)',
      value: summarize(element),
      budget: '≤ 9,000 B',
      pass: element.gzip <= 9000,
    });
  } else rows.push({ section: SECTION, what: 'dist/checkout-link.js', value: 'not built', pass: false });
  // The page's first load: checkout.js, the app chunk it imports at once, the stylesheet, and the one
  // catalog the server inlines (the heaviest locale's); the lazy views load only for the links that show them.
  if (existsSync('dist/pages/checkout.js')) {
    const entry = readFileSync('dist/pages/checkout.js', 'utf8');
    const chunks = [...entry.matchAll(/(?:import|from)\s*"\.\/([\w.-]+\.js)"/g)].map((m) => `dist/pages/${m[1]}`);
    const files = ['dist/pages/checkout.js', ...chunks, 'dist/pages/checkout.css'].filter(existsSync);
    const strings = LOCALES.map((l) => Buffer.from(JSON.stringify(pageCatalogFor(l))))
      .map((b) => ({ raw: b.length, gzip: gzipSize(b), brotli: brotliCompressSync(b).length }))
      .sort((a, b) => b.gzip - a.gzip)[0]!;
    const total = [...files.map(measureFile), strings].reduce((a, m) => ({
      raw: a.raw + m.raw,
      gzip: a.gzip + m.gzip,
      brotli: a.brotli + m.brotli,
    }));
    rows.push({
      section: SECTION,
      what: 'hosted checkout page, JS + CSS + its locale strings (heaviest)',
      value: summarize(total),
      budget: '≤ 21 kB',
      pass: total.gzip <= 21_000,
    });
  }
  return rows;
}

import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fmtBytes, pct, type Row } from './lib/report.ts';

const SECTION = 'Sizes (gzip -9, brotli 11)';

export function measureFile(path: string) {
  const body = readFileSync(path);
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
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
  const pageFiles = ['dist/pages/checkout.js', 'dist/pages/checkout.css'].filter(existsSync);
  if (pageFiles.length) {
    const total = pageFiles
      .map(measureFile)
      .reduce((a, m) => ({ raw: a.raw + m.raw, gzip: a.gzip + m.gzip, brotli: a.brotli + m.brotli }));
    rows.push({
      section: SECTION,
      what: 'hosted checkout page, JS + CSS',
      value: summarize(total),
      budget: '≤ 40 kB',
      pass: total.gzip <= 40_000,
    });
  }
  return rows;
}

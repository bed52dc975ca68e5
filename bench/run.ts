import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { benchBackend, sustainedRows } from './backend.ts';
import { benchBrowser } from './browser.ts';
import { benchGrowth } from './growth.ts';
import type { Row } from './lib/report.ts';
import { benchSizes } from './sizes.ts';

/**
 * `npm run bench [-- --quick] [-- --only=backend,sustained,browser,click,network,sizes,growth] [-- --no-write]`:
 * measures every budget of SPEC section 8 beside its reference in the same
 * run (these machines are noisy: only ratios hold), prints a table, writes
 * bench/RESULTS.md (unless `--no-write`: repeated partial runs while
 * tuning), and exits non-zero when a budget is missed.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const write = !quick && !args.includes('--no-write');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const want = (name: string) => !only || only.includes(name);

const rows: Row[] = [];
const started = Date.now();
// The machine is shared: the load around each section says how far to trust it.
const loads: string[] = [];
const noteLoad = (when: string) =>
  loads.push(
    `${when} ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
noteLoad('start');
if (want('sizes')) rows.push(...benchSizes());
if (want('browser') || want('click') || want('network'))
  rows.push(
    ...(await benchBrowser(quick ? 3 : 15, { all: want('browser'), network: want('browser') || want('network') })),
  );
noteLoad('after the browser');
if (want('backend')) rows.push(...(await benchBackend(quick ? 2 : 10)));
noteLoad('after the backend');
if (want('sustained')) rows.push(...(await sustainedRows(quick ? 3 : 30)));
noteLoad('after the sustained load');
if (want('growth')) rows.push(...(await benchGrowth(quick ? 2 : 5, quick ? 10_000 : 100_000)));
noteLoad('end');

const table = [
  '| section | what | figure | reference | ratio | budget | |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.section} | ${r.what} | ${r.value} | ${r.reference ?? ''} | ${r.ratio ?? ''} | ${r.budget ?? ''} | ${r.pass === undefined ? '' : r.pass ? 'ok' : '**missed**'} |`,
  ),
].join('\n');
console.log(`\n${table}\n`);

const missed = rows.filter((r) => r.pass === false);
if (write) {
  const previous = existsSync('bench/RESULTS.md') ? readFileSync('bench/RESULTS.md', 'utf8') : '';
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  writeFileSync(
    'bench/RESULTS.md',
    `# Benchmark results\n\nOne run of \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; machine: ${machine}.\n` +
      `Every figure is measured beside its reference in the same run: compare ratios, not absolute numbers.\n` +
      `Load average (1 / 5 / 15 min, ${cpus().length} cores): ${loads.join('; ')}.\n` +
      `Rerun with \`npm run bench\` (about ${Math.round((Date.now() - started) / 60_000) || 1} minutes; \`-- --quick\` for a smoke run that writes nothing).\n\n${table}\n\n` +
      (missed.length ? `Missed: ${missed.map((r) => r.what).join('; ')}.\n` : 'Every budget holds.\n') +
      // The packages' section is `npm run bench:packages`'s: kept as it was.
      (previous.includes('## Packages') ? `\n${previous.slice(previous.indexOf('## Packages'))}` : ''),
  );
}
console.log(missed.length ? `${missed.length} budget(s) missed` : 'every budget holds');
process.exit(missed.length ? 1 : 0);

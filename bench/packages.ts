/**
 * `npm run bench:packages`: what installing each package costs a user, next
 * to @polar-sh/checkout's: the tarball's size and a fresh project's
 * `npm install` of it (from the npm cache, as on a second install; the
 * server's includes compiling better-sqlite3 where no prebuilt binary
 * downloads). Writes the "Packages" section of bench/RESULTS.md. Run after
 * `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'checkout-link-packages-'));
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8' });
const pack = (spec: string, cwd = process.cwd()) => {
  const [info] = JSON.parse(npm(['pack', spec, '--json', '--ignore-scripts', '--pack-destination', work], cwd));
  return join(work, info.filename as string);
};

execFileSync('node', ['scripts/build-server.mjs'], { stdio: 'inherit' });
const tarballs = {
  'checkout-link': pack('.'),
  'checkout-link-server': pack('.', 'server'),
  '@polar-sh/checkout': pack(
    `@polar-sh/checkout@${JSON.parse(readFileSync('package.json', 'utf8')).devDependencies['@polar-sh/checkout']}`,
  ),
};

const rows: string[] = [];
for (const [name, file] of Object.entries(tarballs)) {
  const dir = join(work, name.replace('/', '-'));
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), '{"name":"probe","private":true}');
  const started = Date.now();
  npm(['install', file, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  const seconds = (Date.now() - started) / 1000;
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  const installed = Object.keys(lock.packages).filter((p) => p.startsWith('node_modules/')).length;
  const native = existsSync(join(dir, 'node_modules/better-sqlite3/build')) ? ', native build included' : '';
  rows.push(
    `| ${name} | ${statSync(file).size.toLocaleString('en-US')} B | ${installed} | ${seconds.toFixed(1)} s${native} |`,
  );
}
rmSync(work, { recursive: true, force: true });

const section = [
  '## Packages',
  '',
  `\`npm run bench:packages\` on ${new Date().toISOString().slice(0, 10)}: each tarball installed into a fresh project`,
  'from the npm cache (one run; the machine is shared, so read the times as orders of magnitude).',
  '',
  '| package | tarball | packages installed | install time |',
  '| --- | --- | --- | --- |',
  ...rows,
  '',
].join('\n');
console.log(section);
const results = readFileSync('bench/RESULTS.md', 'utf8');
const at = results.indexOf('## Packages');
writeFileSync('bench/RESULTS.md', `${at < 0 ? `${results.trimEnd()}\n\n` : results.slice(0, at)}${section}`);

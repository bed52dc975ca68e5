#!/usr/bin/env node
// Runs every suite even after one fails, times each, and ends with one line
// "N passed, N failed". Exit code is non-zero on any failure. The byte budgets
// of the bundles are checked right after the build (`npm run size`: sizes are
// deterministic); timing budgets are not tests: `npm run bench` checks them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const only = process.argv.slice(2);
const has = (dir, suffix) => {
  try {
    return readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith(suffix));
  } catch {
    return false;
  }
};

// The end-to-end suite runs Debian's nginx in front of the server (as .ci/run installs it, like Chromium).
// As root, install it when missing; otherwise that spec skips itself and says why.
if (!existsSync('/usr/sbin/nginx') && process.getuid?.() === 0 && (!only.length || only.includes('end-to-end'))) {
  console.log('Installing nginx from Debian for the proxy end-to-end test…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], { stdio: 'inherit', env });
  // The package's own service on port 80 is not ours: the test starts its own nginx.
  spawnSync('systemctl', ['stop', 'nginx'], { stdio: 'ignore' });
}
// The browser suites need it; a missing browser stops here, not deep inside one of them.
if (!only.length || only.some((s) => ['browser', 'end-to-end', 'consumer'].includes(s))) ensureChromium();

const steps = [
  ['lint', 'npx', ['biome', 'check', '.']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['build', 'node', ['scripts/build.mjs']],
  ['size', 'node', ['scripts/size.mjs']],
  // On embedded SQLite: the database URL is withheld, or both runs would be on PostgreSQL.
  [
    'node tests',
    'node',
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=dot', ...listTests('test/node', '.test.ts')],
    { TEST_DATABASE_URL: undefined },
  ],
  // The same node suite on PostgreSQL, when one is given (.ci/run starts one).
  process.env.TEST_DATABASE_URL && [
    'node tests on postgres',
    'node',
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=dot', ...listTests('test/node', '.test.ts')],
  ],
  has('test/browser', '.test.ts') && ['browser tests', 'npx', ['web-test-runner']],
  has('test/e2e', '.spec.ts') && ['end-to-end', 'npx', ['playwright', 'test']],
  // The packed packages installed into apps outside the repository (see the test's header).
  ['consumer', 'node', ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/consumer/packages.test.ts']],
].filter(Boolean);

function listTests(dir, suffix) {
  try {
    return readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(suffix))
      .map((f) => `${dir}/${f}`)
      .sort();
  } catch {
    return [];
  }
}

const run = (cmd, args, overrides = {}) =>
  new Promise((resolve) => {
    const env = { ...process.env, CI: process.env.CI ?? '1', FORCE_COLOR: '0', ...overrides };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('exit', (code) => resolve(code ?? 1));
  });

const results = [];
for (const [name, cmd, args, overrides] of steps) {
  if (only.length && !only.includes(name.split(' ')[0])) continue;
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const code = await run(cmd, args, overrides);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: code === 0, seconds });
  console.log(`━━ ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s`);
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(14)} ${r.seconds} s`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

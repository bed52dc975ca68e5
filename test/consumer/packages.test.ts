/**
 * The packages as a user gets them: both tarballs packed (`npm pack`, after
 * the suite's build), installed into projects outside the repository (from
 * the npm cache, the registry otherwise), then imported in Node, built and
 * type-checked in a Vite + React 19 app and a plain Vite app, and a purchase
 * made through the React wrapper against the server run from its package's
 * `bin`, client-rendered and hydrated after a server render.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium.mjs';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const fixtures = join(repo, 'test/consumer/fixtures');
const work = mkdtempSync(join(tmpdir(), 'checkout-link-consumer-'));
const started = Date.now();
/** Progress on stderr: the steps are minutes long on a loaded machine, and a stall should show where. */
const step = (what: string) => console.error(`# ${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);
const devVersion = (name: string) => JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).devDependencies[name];

const sh = async (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => {
  try {
    return await run(cmd, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const { stdout, stderr } = e as { stdout: string; stderr: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
};
const pack = async (dir: string) => {
  // --ignore-scripts: the suite's build step has just built what prepack would.
  const { stdout } = await sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], dir);
  const [info] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  return { file: join(work, info.filename), files: info.files.map((f) => f.path) };
};
const project = (name: string, manifest: object) => {
  const dir = join(work, name);
  if (existsSync(join(fixtures, name))) cpSync(join(fixtures, name), dir, { recursive: true });
  else mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module', ...manifest }));
  return dir;
};
const install = (dir: string, extra: string[] = []) =>
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...extra], dir);

let browserPkg: Awaited<ReturnType<typeof pack>>;
let reactApp: string;
let plainApp: string;
let serverApp: string;
let bareApp: string;

before(async () => {
  assert.ok(existsSync(join(repo, 'dist/esm/index.js')), 'dist/ is not built: run npm run build first');
  step('building the server package');
  await sh('node', ['scripts/build-server.mjs'], repo);
  step('packing');
  browserPkg = await pack(repo);
  const serverPkg = await pack(join(repo, 'server'));
  const vite = devVersion('vite');
  const typescript = devVersion('typescript');
  reactApp = project('react-app', {
    dependencies: {
      'checkout-link': `file:${browserPkg.file}`,
      react: devVersion('react'),
      'react-dom': devVersion('react-dom'),
    },
    devDependencies: {
      '@types/react': devVersion('@types/react'),
      '@types/react-dom': devVersion('@types/react-dom'),
      typescript,
      vite,
    },
  });
  plainApp = project('plain-app', {
    dependencies: { 'checkout-link': `file:${browserPkg.file}` },
    devDependencies: { typescript, vite },
  });
  bareApp = project('bare-app', { dependencies: { 'checkout-link': `file:${browserPkg.file}` } });
  serverApp = project('server-app', { dependencies: { 'checkout-link-server': `file:${serverPkg.file}` } });
  // better-sqlite3 compiles from source here (about 70 s, measured in bench/RESULTS.md): the server app
  // installs without scripts and takes the repository's build of the same version instead.
  step('installing the tarballs into three projects');
  await Promise.all([install(reactApp), install(plainApp), install(bareApp), install(serverApp, ['--ignore-scripts'])]);
  step('installed');
  cpSync(join(repo, 'node_modules/better-sqlite3/build'), join(serverApp, 'node_modules/better-sqlite3/build'), {
    recursive: true,
  });
});

after(() => rmSync(work, { recursive: true, force: true }));

test('the browser tarball holds the built package only, and depends on Lit alone', () => {
  const allowed =
    /^(package\.json|README\.md|LICENSE|custom-elements\.json|dist\/(embed|checkout-link)\.js|dist\/esm\/.+\.(js|d\.ts))$/;
  assert.deepEqual(
    browserPkg.files.filter((f) => !allowed.test(f)),
    [],
  );
  for (const f of ['index', 'react', 'vue', 'svelte', 'node/index', 'node/react'])
    assert.ok(browserPkg.files.includes(`dist/esm/${f}.js`), `dist/esm/${f}.js missing`);
  for (const f of ['index', 'react', 'vue', 'svelte'])
    assert.ok(browserPkg.files.includes(`dist/esm/${f}.d.ts`), `dist/esm/${f}.d.ts missing`);
  const installed = JSON.parse(readFileSync(join(plainApp, 'node_modules/checkout-link/package.json'), 'utf8'));
  assert.deepEqual(Object.keys(installed.dependencies).sort(), [
    '@lit-labs/ssr-dom-shim',
    '@lit/context',
    '@lit/reactive-element',
  ]);
  // The whole tree the package brings into an app: Lit's packages, nothing else (no React, no server, no native build).
  const lock = JSON.parse(readFileSync(join(bareApp, 'package-lock.json'), 'utf8'));
  assert.deepEqual(
    Object.keys(lock.packages)
      .filter((p) => p.startsWith('node_modules/'))
      .sort(),
    [
      'node_modules/@lit-labs/ssr-dom-shim',
      'node_modules/@lit/context',
      'node_modules/@lit/reactive-element',
      'node_modules/checkout-link',
    ],
  );
  // Every module path in the manifest is a file of the package.
  const manifest = JSON.parse(readFileSync(join(plainApp, 'node_modules/checkout-link/custom-elements.json'), 'utf8'));
  for (const m of manifest.modules) assert.ok(browserPkg.files.includes(m.path), `manifest names ${m.path}`);
  const mode = manifest.modules
    .flatMap(
      (m: { declarations?: { attributes?: { name: string; type?: { text: string } }[] }[] }) => m.declarations ?? [],
    )
    .flatMap((d: { attributes?: { name: string; type?: { text: string } }[] }) => d.attributes ?? [])
    .find((a: { name: string }) => a.name === 'mode');
  assert.equal(mode.type.text, "'overlay' | 'redirect' | 'inline' | undefined");
});

test('importing the package in Node does not throw, under the browser condition too', async () => {
  const probe = `const m = await import('checkout-link'); const r = await import('checkout-link/react');
    console.log(typeof m.CheckoutLinkElement, typeof m.onCheckoutEvent, typeof r.CheckoutLink);`;
  for (const conditions of [[], ['--conditions=browser']]) {
    const { stdout } = await sh('node', [...conditions, '--input-type=module', '-e', probe], reactApp);
    assert.equal(stdout.trim(), 'function function object');
  }
  const { stdout } = await sh(
    'node',
    ['--conditions=browser', '--input-type=module', '-e', "await import('checkout-link'); console.log('ok')"],
    plainApp,
  );
  assert.equal(stdout.trim(), 'ok');
});

test('the shipped types check with skipLibCheck off, and a wrong attribute value is a type error', async () => {
  step('tsc');
  await sh('npx', ['tsc', '-p', 'tsconfig.json'], plainApp);
  await sh('npx', ['tsc', '-p', 'tsconfig.json'], reactApp);
  const wrong = await run('npx', ['tsc', '--pretty', 'false', '-p', 'tsconfig.wrong.json'], { cwd: reactApp }).then(
    () => '',
    (e: { stdout: string }) => e.stdout,
  );
  const errors = wrong.split('\n').filter((l) => l.startsWith('src/wrong.tsx('));
  const lines = readFileSync(join(reactApp, 'src/wrong.tsx'), 'utf8').split('\n');
  const expected = lines.flatMap((l, i) => (l.includes('WRONG') ? [i + 2] : []));
  assert.deepEqual([...new Set(errors.map((e) => Number(/\((\d+),/.exec(e)![1])))], expected, wrong);
});

/** Serves a built app's files on loopback: its origin is where the shop lives. */
const serve = (root: string, pages: Record<string, string>) =>
  new Promise<Server>((done) => {
    const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' };
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const page = pages[path];
      const file = join(root, path);
      if (page === undefined && !(file.startsWith(root) && existsSync(file) && extname(file))) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'text/html' });
      res.end(page ?? readFileSync(file));
    });
    server.listen(0, '127.0.0.1', () => done(server));
  });

/** Starts `checkout-link-server` from its installed bin; resolves with the printed URLs. */
const startServer = (token: string) =>
  new Promise<{ child: ChildProcess; api: string; link: string }>((done, fail) => {
    const child = spawn(join(serverApp, 'node_modules/.bin/checkout-link-server'), [], {
      cwd: serverApp,
      env: { ...process.env, PORT: '0', DATA_DIR: join(serverApp, 'data'), DEMO_API_TOKEN: token },
    });
    let out = '';
    child.stderr.on('data', (d) => (out += d));
    child.stdout.on('data', (d) => {
      out += d;
      const api = /API and hosted checkout\s+(\S+)/.exec(out)?.[1];
      const link = /"Launch offer" link\s+(\S+)/.exec(out)?.[1];
      if (api && link) done({ child, api, link });
    });
    child.on('exit', (code) => fail(new Error(`checkout-link-server exited (${code}):\n${out}`)));
  });

test('both apps build with Vite; in Chromium the React wrapper sells through the overlay, rendered and hydrated', async () => {
  step('vite build');
  await Promise.all([sh('npx', ['vite', 'build'], plainApp), sh('npx', ['vite', 'build'], reactApp)]);
  await sh('npx', ['vite', 'build', '--ssr', 'src/server.tsx', '--outDir', 'dist-ssr'], reactApp);
  step('starting checkout-link-server from its bin');
  const token = 'clat_consumer_test_token_0123456789';
  const backend = await startServer(token);
  step(`server at ${backend.api}`);
  const html = readFileSync(join(reactApp, 'dist/index.html'), 'utf8');
  const { render } = await import(join(reactApp, 'dist-ssr/server.js'));
  const ssrHtml = html.replace('<!--ssr-->', render(backend.link));
  // The server render is there, so /ssr hydrates it (the wrapper sets href and prefill as properties then).
  assert.match(ssrHtml, /<div id="root"><main><checkout-link[^>]*>Buy with React<\/checkout-link>/);
  const shop = await serve(join(reactApp, 'dist'), { '/': html, '/ssr': ssrHtml });
  const origin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const allowed = await fetch(`${backend.api}/v1/organizations/current`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ embed_origins: [origin] }),
    });
    assert.equal(allowed.status, 200, await allowed.text());
    for (const path of ['/', '/ssr']) {
      step(`buying on ${path}`);
      const page = await browser.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${origin}${path}?link=${encodeURIComponent(backend.link)}`);
      await page.getByRole('link', { name: 'Buy with React' }).click();
      const checkout = page.frameLocator('dialog iframe');
      // The prefill given as a React prop reached the element (after hydration too).
      await checkout.getByLabel('Email').waitFor();
      assert.equal(await checkout.getByLabel('Email').inputValue(), 'react-consumer@example.com', path);
      await checkout.getByLabel('Card number').fill('4242 4242 4242 4242');
      await checkout.getByRole('button', { name: /^Pay / }).click();
      // onSuccess ran with the order's id: the backend knows that order.
      await page.locator('#order').filter({ hasText: /\S/ }).waitFor();
      const orderId = await page.locator('#order').textContent();
      const checkoutId = await page.locator('#order').getAttribute('data-checkout');
      const orders = await fetch(`${backend.api}/v1/orders?checkout_id=${checkoutId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await orders.text();
      assert.equal(orders.status, 200, body);
      assert.deepEqual(
        (JSON.parse(body) as { items: { id: string }[] }).items.map((o) => o.id),
        [orderId],
        path,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    shop.close();
    backend.child.removeAllListeners('exit');
    backend.child.kill();
  }
});

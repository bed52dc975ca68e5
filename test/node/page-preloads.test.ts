import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createLink, createProduct, createPwywProduct, openLink } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.stop());

/** The chunk stems (`checkout-<view>`) a page's head preloads, and the app chunk's source. */
async function preloads(path: string) {
  const page = await (await fetch(`${server.url}${path}`)).text();
  const urls = [...page.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]!);
  const app = urls.find((u) => /\/checkout-app-/.test(u));
  assert.ok(app, page);
  const appSource = await (await fetch(`${server.url}${app}`)).text();
  const views = urls.flatMap((u) => /\/pages\/checkout-(.+)-[A-Za-z0-9_-]{8}\.js$/.exec(u)?.[1] ?? []);
  return { urls, views: views.filter((v) => v !== 'app').sort(), appSource };
}

test('the checkout page preloads the lazy views its checkout shows, and no others', async () => {
  const plain = await createLink(server, [(await createProduct(server)).id], { allow_discount_codes: false });
  const bare = await preloads(`/checkout/${(await openLink(plain.url)).secret}`);
  assert.deepEqual(bare.views, []);

  const rich = await createLink(server, [(await createPwywProduct(server)).id, (await createProduct(server)).id], {
    allow_discount_codes: true,
    require_billing_address: true,
  });
  const full = await preloads(`/checkout/${(await openLink(rich.url)).secret}`);
  assert.deepEqual(full.views, ['amount-field', 'billing-address-fields', 'discount-section', 'product-picker']);
  // Each is a file the app chunk imports by that very name, and the server answers it.
  for (const url of full.urls) {
    assert.equal((await fetch(`${server.url}${url}`)).status, 200, url);
    if (!/checkout-app-/.test(url)) assert.ok(full.appSource.includes(url.split('/').pop()!), url);
  }
});

test('the warm-up page preloads every lazy view and the embedded bridge', async () => {
  const warm = await preloads('/checkout/warm');
  assert.deepEqual(warm.views, [
    'amount-field',
    'billing-address-fields',
    'custom-field-input',
    'discount-section',
    'embedded',
    'outcome-views',
    'product-picker',
    'quantity-stepper',
    'trial-summary',
  ]);
});

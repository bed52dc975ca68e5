import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, test } from '@playwright/test';

/**
 * The demo without a backend (`npm run demo:mock`): MSW answers the widget,
 * the overlay frames the static mock checkout. The server is started here on
 * a free port (the config's webServer is the real backend, not used by these
 * tests); it builds its bundles itself when dist/ lacks them.
 */
let server: ChildProcess;
let origin = '';

/** A port nothing listens on now (the OS picks it). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

test.beforeAll(async () => {
  test.setTimeout(90_000); // the first start may build the bundles
  const port = await freePort();
  origin = `http://localhost:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'mock-server/serve-demo.ts'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const up = () =>
    fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.status,
      () => 0,
    );
  await expect.poll(up, { timeout: 60_000 }).toBe(200);
});
test.afterAll(() => {
  server?.kill();
});

test('no backend: a data-attribute button opens the mock checkout in the overlay and a simulated payment succeeds', async ({
  page,
}) => {
  await page.goto(`${origin}/script-tag.html`);
  await expect(page.getByText('No-backend mode: answers come from MSW mocks; payments are simulated')).toBeVisible();
  await expect(page.locator('html[data-mock=ready]')).toHaveCount(1);
  await page.getByRole('button', { name: /Buy the e-book/ }).click();

  const checkout = page.frameLocator('dialog iframe');
  // The session the mocked API opened for this button's product, read by the framed page from the mocks.
  // The first test frames the mock checkout first, cold; on a loaded machine that outlasts the default wait.
  await expect(checkout.getByRole('heading', { name: 'Field Guide to Checkout (e-book)' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('.event-log').getByText('checkout-link:loaded')).toBeVisible();
  await checkout.getByLabel('Email').fill('ada@example.com');
  await checkout.getByRole('button', { name: 'Pay $29.00 (simulated)' }).click();
  await expect(checkout.getByRole('heading', { name: 'Payment simulated: thank you!' })).toBeVisible();
  await expect(page.locator('.event-log').getByText('checkout-link:success')).toBeVisible();
});

test('no backend: a declined test card keeps the overlay open with the error next to the card field', async ({
  page,
}) => {
  await page.goto(`${origin}/pricing.html`);
  await expect(page.locator('html[data-mock=ready]')).toHaveCount(1);
  await page.locator('#buy-support').click();
  const checkout = page.frameLocator('dialog iframe');
  // The pay-what-you-want amount (1500) went through the mocked session.
  await expect(checkout.getByText('$15.00', { exact: true })).toBeVisible();
  await checkout.getByLabel('Email').fill('ada@example.com');
  await checkout.getByLabel('Card number').fill('4000 0000 0000 0002');
  await checkout.getByRole('button', { name: 'Pay $15.00 (simulated)' }).click();
  await expect(checkout.getByText('Your card was declined.')).toBeVisible(); // the server's test processor's words
  await expect(checkout.getByLabel('Card number')).toBeFocused();
  await expect(page.locator('.event-log').getByText('checkout-link:success')).toHaveCount(0);
});

test('no backend: the inline checkout, created on load, is answered by the mocks', async ({ page }) => {
  await page.goto(`${origin}/inline.html`);
  const checkout = page.frameLocator('checkout-link iframe');
  await expect(checkout.getByRole('heading', { name: 'Field Guide to Checkout (e-book)' })).toBeVisible();
});

test('no backend, server error scenario: the overlay says so; its plain link opens the checkout page', async ({
  page,
}) => {
  await page.goto(`${origin}/script-tag.html?scenario=serverError`);
  await expect(page.locator('html[data-mock=ready]')).toHaveCount(1);
  await page.getByRole('button', { name: /Buy the e-book/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Checkout' });
  // The card's words for a server fault (the mocks send them as the server does), not the API's message.
  await expect(dialog.getByRole('status')).toHaveText('The checkout ran into a problem. Please try again in a moment.');
  await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page).toHaveURL(`${origin}/script-tag.html?scenario=serverError`);
  const navigation = page.waitForRequest(
    (r) => r.isNavigationRequest() && r.url().includes('/v1/checkout-links/cl_demo_no_backend/redirect'),
  );
  await dialog.getByRole('link', { name: 'Open the checkout page' }).click();
  await navigation;
  // The link URL opens the mock checkout as a full page, still under the scenario: the customer sees the failure.
  await expect(page).toHaveURL(/\/mock\/checkout\.html\?.*scenario=serverError/);
  await expect(page.getByText('You opened the checkout link itself')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Checkout unavailable' })).toBeVisible();
  await expect(page.getByRole('alert').getByText('Something went wrong on our side.')).toBeVisible();
});

test('no backend: the link URL on its own opens the mock checkout with its prefill', async ({ page }) => {
  await page.goto(`${origin}/v1/checkout-links/cl_demo_no_backend/redirect?customer_email=ada%40example.com`);
  await expect(page.getByRole('heading', { name: 'Field Guide to Checkout (e-book)' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('ada@example.com');
  await page.getByRole('button', { name: 'Pay $29.00 (simulated)' }).click();
  await expect(page.getByRole('heading', { name: 'Payment simulated: thank you!' })).toBeFocused();
});

test('no backend, slow scenario: the overlay waits for the late session and still opens the checkout', async ({
  page,
}) => {
  await page.goto(`${origin}/script-tag.html?scenario=slow`);
  await expect(page.locator('html[data-mock=ready]')).toHaveCount(1);
  await page.getByRole('button', { name: /Buy the e-book/ }).click();
  await expect(page.locator('dialog').getByRole('progressbar', { name: 'Checkout' })).toBeVisible();
  const checkout = page.frameLocator('dialog iframe');
  await expect(checkout.getByRole('heading', { name: 'Field Guide to Checkout (e-book)' })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page).toHaveURL(`${origin}/script-tag.html?scenario=slow`);
  await expect(page.locator('.event-log').getByText('checkout-link:error')).toHaveCount(0);
});

test('no backend: the campaign page prefills LAUNCH20 and the mock checkout charges the discounted total', async ({
  page,
}) => {
  await page.goto(`${origin}/campaign.html?utm_source=newsletter&customer_email=ada%40example.com`);
  await expect(page.locator('html[data-mock=ready]')).toHaveCount(1);
  await page.getByRole('link', { name: 'Get 20 % off' }).click();
  const checkout = page.frameLocator('dialog iframe');
  await expect(checkout.getByRole('heading', { name: 'Field Guide to Checkout (e-book)' })).toBeVisible();
  // $29.00 less the seeded 20 %, priced by the server's own rules in the mocks.
  await expect(checkout.getByText('−$5.80 (LAUNCH20)')).toBeVisible();
  await expect(checkout.getByText('$23.20', { exact: true })).toBeVisible();
  await expect(checkout.getByLabel('Email')).toHaveValue('ada@example.com');
  await checkout.getByRole('button', { name: 'Pay $23.20 (simulated)' }).click();
  await expect(checkout.getByRole('heading', { name: 'Payment simulated: thank you!' })).toBeVisible();
});

test('no backend: the link URL prefills a discount code and a custom field', async ({ page }) => {
  await page.goto(
    `${origin}/v1/checkout-links/cl_demo_no_backend/redirect?discount_code=launch20&custom_field_data.company=Acme`,
  );
  await expect(page.getByRole('heading', { name: 'Field Guide to Checkout (e-book)' })).toBeVisible();
  await expect(page.getByLabel('Company (optional)')).toHaveValue('Acme');
  await expect(page.getByRole('button', { name: 'Pay $23.20 (simulated)' })).toBeVisible();
});

test('no backend: Pro asks for its required terms checkbox, as the server does', async ({ page }) => {
  await page.goto(`${origin}/pricing.html`);
  await expect(page.locator('html[data-mock=ready]')).toHaveCount(1);
  await page.locator('#buy-pro').click();
  const checkout = page.frameLocator('dialog iframe');
  await expect(checkout.getByRole('heading', { name: 'Pro membership' })).toBeVisible();
  const terms = checkout.getByLabel('I accept the terms of service');
  await checkout.getByRole('button', { name: 'Pay $9.00 (simulated)' }).click();
  // The mocks refuse the confirm as the server does (422 at custom_field_data.terms); the page names the field.
  await expect(terms).toBeFocused();
  await expect(checkout.getByText('must be checked')).toBeVisible();
  await terms.check();
  await checkout.getByRole('button', { name: 'Pay $9.00 (simulated)' }).click();
  await expect(checkout.getByRole('heading', { name: 'Payment simulated: thank you!' })).toBeVisible();
});

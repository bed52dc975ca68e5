import { type ChildProcess, spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

/**
 * The demo without a backend (`npm run demo:mock`): MSW answers the widget.
 * Started here on its own port (the config's webServer is the real server,
 * not used by these tests). dist/ is built by `npm test` before Playwright.
 */
const PORT = Number(process.env.E2E_PORT ?? 3410) + 50;
const ORIGIN = `http://localhost:${PORT}`;
let server: ChildProcess;

test.beforeAll(async () => {
  server = spawn(process.execPath, ['--import', 'tsx', 'mock-server/serve-demo.ts'], {
    env: { ...process.env, PORT: String(PORT) },
    stdio: 'ignore',
  });
  await expect
    .poll(
      () =>
        fetch(`${ORIGIN}/`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 15_000 },
    )
    .toBe(200);
});
test.afterAll(() => {
  server.kill();
});

test('no backend: a data-attribute button opens the mock checkout in the overlay and a simulated payment succeeds', async ({
  page,
}) => {
  await page.goto(`${ORIGIN}/script-tag.html`);
  await expect(page.getByText('No-backend mode')).toBeVisible();
  await expect(page.locator('html[data-mock=ready]')).toHaveCount(1);
  await page.locator('button[data-checkout-link]').first().click();
  const checkout = page.frameLocator('dialog iframe');
  await checkout.getByRole('button', { name: 'Pay (simulated)' }).click();
  await expect(checkout.getByText('Thank you! This order is simulated.')).toBeVisible();
  await expect(page.locator('.event-log').getByText('checkout-link:success')).toBeVisible();
});

test('no backend, server error scenario: the button falls back to the link URL', async ({ page }) => {
  await page.goto(`${ORIGIN}/script-tag.html?scenario=serverError`);
  await expect(page.locator('html[data-mock=ready]')).toHaveCount(1);
  const navigation = page.waitForRequest(
    (r) => r.isNavigationRequest() && r.url().includes('/v1/checkout-links/cl_demo_no_backend/redirect'),
  );
  await page.locator('button[data-checkout-link]').first().click();
  await navigation;
});

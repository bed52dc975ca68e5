import { expect, test } from '@playwright/test';
import { E2E_DEMO_PORT } from '../../playwright.config.ts';

/**
 * Regenerates the demo's phone screenshots under `docs/` (run with
 * `DEMO_SCREENSHOTS=1`): documentation, not assertions (axe.spec.ts holds
 * the demo to 375 px without sideways scrolling).
 */
test.skip(!process.env.DEMO_SCREENSHOTS, 'set DEMO_SCREENSHOTS=1 to regenerate docs/demo-375-*.png');

test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

const DEMO = `http://localhost:${E2E_DEMO_PORT}`;

test('the demo at 375 px: overview, script tag, pricing', async ({ page }) => {
  for (const [path, name] of [
    ['/', 'overview'],
    ['/script-tag.html', 'script-tag'],
    ['/pricing.html', 'pricing'],
  ] as const) {
    await page.goto(`${DEMO}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.screenshot({ path: `docs/demo-375-${name}.png`, fullPage: true });
  }
});

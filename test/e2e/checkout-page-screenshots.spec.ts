import { expect, test } from '@playwright/test';
import { launchOfferLink, SUCCEEDS } from './checkout-page-helpers.ts';

/**
 * Light and dark, narrow and wide: the page fits without sideways scrolling
 * (down to 320 px) in both states, and each run writes the pictures.
 * `CHECKOUT_SCREENSHOTS_DIR=docs` writes them where the README shows them;
 * otherwise they go to the test's output folder, so `npm test` leaves the
 * tree clean.
 */

const SIZES = [
  { name: 'narrow', width: 360, height: 780 },
  { name: 'wide', width: 1280, height: 860 },
] as const;

for (const theme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    test(`${theme}, ${size.name}: the open form and the success state fit and render`, async ({
      page,
      request,
    }, testInfo) => {
      const dir = process.env.CHECKOUT_SCREENSHOTS_DIR;
      const out = (state: string) =>
        dir ? `${dir}/checkout-${theme}-${size.name}${state}.png` : testInfo.outputPath(`${state || 'form'}.png`);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: theme });
      const link = await launchOfferLink(request);
      await page.goto(
        `${link.url}?theme=${theme}&customer_email=ada@example.com&customer_name=Ada%20Lovelace&discount_code=LAUNCH20`,
      );
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.locator('[data-amount="total"]')).toHaveText('$23.20');
      const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(await fits()).toBe(true);
      await page.screenshot({ path: out(''), fullPage: true });

      await page.getByLabel('Card number').fill(SUCCEEDS);
      await page.getByRole('button', { name: 'Pay $23.20' }).click();
      await expect(page.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
      expect(await fits()).toBe(true);
      await page.screenshot({ path: out('-success'), fullPage: true });
    });
  }
}

test('readable at 320 px: no sideways scrolling with every kind of field shown', async ({ page, request }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const link = await launchOfferLink(request);
  const pro = link.products.find((p) => p.name === 'Pro membership')!;
  await page.goto(`${link.url}?product_id=${pro.id}&customer_email=not-an-email`);
  await expect(page.locator('#customer_email-dropped')).toBeVisible();
  await page.getByRole('radio', { name: /Support the project/ }).check();
  await expect(page.getByLabel('Name your price')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

import { expect, type Page, test } from '@playwright/test';
import { E2E_DEMO_PORT } from '../../playwright.config.ts';
import { expectNoAxeViolations } from './axe-helpers.ts';
import { DECLINES, expireSession, launchOfferLink, pageCheckout, SUCCEEDS } from './checkout-page-helpers.ts';
import { signInAndWait } from './dashboard-helpers.ts';

/**
 * axe-core on every page and state a person meets: the hosted checkout
 * (open, errors, declined, success, expired, unknown; light, dark, 375 px),
 * the problem pages, every dashboard page, every demo page and the overlay
 * (loading, ready, error). Zero violations, asserted.
 */

// axe takes seconds a page on these shared machines; each test walks several states.
test.describe.configure({ timeout: 180_000 });

const DEMO = `http://localhost:${E2E_DEMO_PORT}`;
const checkoutFrame = (page: Page) => page.frameLocator('iframe[src*="/checkout/cs_"]');
const payButton = (page: Page) => page.getByRole('button', { name: /^(Pay|Subscribe) / });

const VARIANTS = [
  { name: 'light', theme: 'light', width: 1280, height: 860 },
  { name: 'dark', theme: 'dark', width: 1280, height: 860 },
  { name: '375 px', theme: 'light', width: 375, height: 780 },
] as const;

for (const v of VARIANTS) {
  test(`checkout, ${v.name}: open, errors, declined, success, expired`, async ({ page, request }) => {
    await page.setViewportSize({ width: v.width, height: v.height });
    await page.emulateMedia({ colorScheme: v.theme });
    const link = await launchOfferLink(request);
    await page.goto(`${link.url}?theme=${v.theme}`);
    await expect(payButton(page)).toBeVisible();
    await expectNoAxeViolations(page, `${v.name} open`);

    await page.getByLabel('Discount code').fill('NOPE');
    await payButton(page).click();
    await expect(page.getByLabel('Discount code')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Discount code').fill('');
    await page.getByLabel('Email').fill('not-an-email');
    await payButton(page).click();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, `${v.name} errors`);

    await page.getByLabel('Email').fill('axe@example.com');
    await page.getByLabel('Card number').fill(DECLINES);
    await payButton(page).click();
    await expect(page.locator('#card_number-error')).toBeVisible();
    await expectNoAxeViolations(page, `${v.name} declined`);

    await page.getByLabel('Card number').fill(SUCCEEDS);
    await payButton(page).click();
    await expect(page.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
    await expectNoAxeViolations(page, `${v.name} success`);

    await page.goto(`${link.url}?theme=${v.theme}`);
    expireSession((await pageCheckout(page)).id);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'This checkout has expired' })).toBeVisible();
    await expectNoAxeViolations(page, `${v.name} expired`);

    const unknown = await page.goto('/checkout/cs_does_not_exist');
    expect(unknown?.status()).toBe(404);
    await expectNoAxeViolations(page, `${v.name} unknown session`);
    await page.goto('/v1/checkout-links/cl_does_not_exist/redirect');
    await expect(page.getByRole('heading', { name: 'This checkout link does not exist' })).toBeVisible();
    await expectNoAxeViolations(page, `${v.name} unknown link`);
  });
}

test('checkout, subscription with custom fields and the success receipt at 375 px', async ({ page, request }) => {
  await page.setViewportSize({ width: 375, height: 780 });
  const link = await launchOfferLink(request);
  const pro = link.products.find((p) => p.name === 'Pro membership')!;
  await page.goto(`${link.url}?product_id=${pro.id}&customer_email=sub@example.com`);
  await expectNoAxeViolations(page, 'subscription form');
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByLabel('Card number').fill(SUCCEEDS);
  await payButton(page).click();
  await expect(page.getByRole('heading', { name: 'You’re subscribed' })).toBeVisible();
  await expectNoAxeViolations(page, 'subscription success');
});

test('every dashboard page, and a form with its errors', async ({ page }) => {
  await page.goto('/dashboard');
  await expect(page.getByLabel('Access token')).toBeVisible();
  await expectNoAxeViolations(page, 'sign in');
  await signInAndWait(page);
  const views: [string, RegExp | string][] = [
    ['#/products', 'Products'],
    ['#/products/new', 'New product'],
    ['#/links', 'Products'],
    ['#/links/new', 'New link'],
    ['#/discounts', 'Discounts'],
    ['#/discounts/new', 'New discount'],
    ['#/custom-fields', 'Custom fields'],
    ['#/custom-fields/new', 'New custom field'],
    ['#/sales', 'Sales'],
    ['#/settings', 'Settings'],
  ];
  for (const [hash, heading] of views) {
    await page.goto(`/dashboard${hash}`);
    await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
    await expect(page.locator('.state[role="status"]')).toHaveCount(0);
    await expectNoAxeViolations(page, `dashboard ${hash}`);
  }
  // A link's Share and embed panel.
  await page.goto('/dashboard#/links');
  await page.getByRole('link', { name: 'Launch offer' }).first().click();
  await expect(page.getByRole('heading', { name: /Share and embed/ })).toBeVisible();
  await expect(page.locator('figure.qr-code svg')).toBeVisible();
  await expectNoAxeViolations(page, 'dashboard share and embed');
  // Its stats: the funnel, the drawn chart and the breakdown tables.
  await page.getByRole('link', { name: 'Stats', exact: true }).click();
  await expect(page.locator('.stats-chart canvas')).toHaveCount(1);
  await expectNoAxeViolations(page, 'dashboard link stats');

  await page.goto('/dashboard#/products/new');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'dashboard product form errors');

  await page.setViewportSize({ width: 375, height: 780 });
  await page.goto('/dashboard#/sales');
  await expect(page.getByRole('heading', { name: 'Sales' })).toBeVisible();
  await expectNoAxeViolations(page, 'dashboard sales at 375 px');
});

const DEMO_PAGES = ['/', '/script-tag.html', '/pricing.html', '/campaign.html', '/inline.html', '/spa.html'];

for (const path of DEMO_PAGES) {
  test(`demo ${path}: no axe violation`, async ({ page }) => {
    await page.goto(`${DEMO}${path}`);
    if (path === '/inline.html') await expect(checkoutFrame(page).getByLabel('Email')).toBeVisible();
    await expectNoAxeViolations(page, `demo ${path}`);
  });
}

test.describe('demo on a phone (375 px, touch)', () => {
  // isMobile: the layout viewport grows to fit wide content, as a phone's does, so a page too wide shows in its width.
  test.use({ viewport: { width: 375, height: 780 }, isMobile: true, hasTouch: true });

  for (const path of DEMO_PAGES)
    test(`demo ${path}: no sideways scrolling and no axe violation at 375 px`, async ({ page }) => {
      await page.goto(`${DEMO}${path}`);
      if (path === '/inline.html') await expect(checkoutFrame(page).getByLabel('Email')).toBeVisible();
      const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, innerWidth));
      expect(width, `${path} lays out ${width} px wide on a 375 px phone`).toBe(375);
      await expectNoAxeViolations(page, `demo ${path} at 375 px`);
    });
});

test('demo: the overlay open on a demo page', async ({ page }) => {
  await page.goto(`${DEMO}/script-tag.html`);
  await page.getByRole('button', { name: 'Buy the e-book' }).click();
  const frame = checkoutFrame(page);
  await expect(frame.getByLabel('Email')).toBeVisible();
  await expectNoAxeViolations(page, 'demo overlay ready');
});

test('demo: the overlay loading card and its error card', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/v1/checkout-links/*/sessions', async (route) => {
    await held;
    await route.abort('connectionrefused');
  });
  await page.goto(`${DEMO}/script-tag.html`);
  await page.getByRole('button', { name: 'Buy the e-book' }).click();
  const dialog = page.getByRole('dialog', { name: 'Checkout' });
  await expect(dialog.getByRole('progressbar', { name: 'Checkout' })).toBeVisible();
  await expectNoAxeViolations(page, 'demo overlay loading');
  release();
  await expect(dialog.getByRole('status')).toHaveText('The checkout could not be reached.');
  await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expectNoAxeViolations(page, 'demo overlay error');
});

import { expect, test } from '@playwright/test';
import { signIn, signInAndWait } from './dashboard-helpers.ts';

/**
 * The merchant dashboard against the real server and its demo data: a
 * merchant creates a product and a link, shares the link, a customer buys
 * through it, and the order arrives with the link's metadata.
 */

test('a wrong token is refused with a clear message', async ({ page }) => {
  await signIn(page, 'not-a-real-token');
  const field = page.getByLabel('Access token');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#token-error')).toContainText('This access token is not valid.');
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  // Nothing was kept for the tab.
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test('an over-long metadata key is refused next to the field', async ({ page }) => {
  await signInAndWait(page);
  await page.goto('/dashboard#/links/new');
  await page.getByLabel('Label').fill('Too long a key');
  await page.getByRole('button', { name: 'Add metadata' }).click();
  const key = page.getByLabel('Key 1');
  await key.fill('k'.repeat(41));
  await page.getByLabel('Value 1').fill('v');
  await page.getByRole('button', { name: 'Create link' }).click();
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(key).toBeFocused();
  const error = page.locator(`#${await key.getAttribute('aria-describedby')}`);
  await expect(error).toHaveText('Keys are at most 40 characters (this one has 41).');
  // Refused: still on the form, no link created.
  await expect(page.getByRole('heading', { name: 'New Link' })).toBeVisible();
  await page.goto('/dashboard#/links');
  await expect(page.getByRole('heading', { name: 'Launch offer' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Too long a key' })).toHaveCount(0);
});

test('product, New Link, purchase through the copied URL, order with metadata, edit, delete', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const productName = `Tip jar ${Date.now()}`;
  await signInAndWait(page);
  // The token is kept for the tab, never in the URL.
  expect(page.url()).not.toContain('e2e_demo_token');

  // A product with a pay-what-you-want price.
  await page.getByRole('link', { name: 'New product' }).click();
  await page.getByLabel('Name', { exact: true }).fill(productName);
  await page.getByRole('radio', { name: 'Pay what you want' }).check();
  await page.getByLabel('Minimum amount').fill('3');
  await page.getByLabel(/^Maximum amount/).fill('50');
  await page.getByLabel(/^Suggested amount/).fill('7.50');
  await page.getByRole('button', { name: 'Create product' }).click();
  const row = page.getByRole('row', { name: new RegExp(productName) });
  await expect(row).toContainText('Pay what you want, $3.00 to $50.00');
  await expect(row).toContainText('One-time');

  // New Link: two products (the new one first), codes disabled, a preset discount, two metadata pairs.
  await page.getByRole('link', { name: 'Checkout Links' }).click();
  await page.getByRole('link', { name: 'New Link' }).click();
  await page.getByLabel('Label').fill('Spring newsletter');
  for (const box of await page.locator('.product-choices input:checked').all()) await box.uncheck();
  await page.getByRole('checkbox', { name: productName }).check();
  await page.getByRole('checkbox', { name: 'Field Guide to Checkout (e-book)' }).check();
  await expect(page.locator('.product-order li').first()).toContainText(`${productName} Preselected`);
  await page.getByRole('checkbox', { name: 'Allow discount codes' }).uncheck();
  await page.getByLabel(/^Preset discount/).selectOption({ label: 'Launch 20 % (LAUNCH20) · 20 % off, once' });
  await page.getByRole('button', { name: 'Add metadata' }).click();
  await page.getByLabel('Key 1').fill('campaign');
  await page.getByLabel('Value 1').fill('spring');
  await page.getByRole('button', { name: 'Add metadata' }).click();
  await page.getByLabel('Key 2').fill('source');
  await page.getByLabel('Value 2').fill('newsletter');
  await page.getByRole('button', { name: 'Create link' }).click();

  // Share and embed.
  await expect(page.getByRole('heading', { name: 'Spring newsletter' })).toBeVisible();
  await expect(page.getByText('Codes disabled · preset Launch 20 %')).toBeVisible();
  await page.getByRole('button', { name: 'Copy Link URL' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/^http:\/\/localhost:\d+\/v1\/checkout-links\/[^/]+\/redirect$/);
  await expect(page.getByRole('textbox', { name: 'Script tag snippet' })).toHaveValue(
    `<script src="${new URL(url).origin}/embed.js" defer></script>\n<a href="${url}" data-checkout-link="${url}">Buy</a>`,
  );
  // The e-book asks for `company`: its real slug is in the examples; codes are off, so no discount_code.
  const params = page.locator('table.params');
  await expect(params).toContainText('custom_field_data.company');
  await expect(params).not.toContainText('discount_code');

  // A customer opens the link URL and pays.
  const customer = await context.newPage();
  await customer.goto(url);
  await expect(customer).toHaveURL(/\/checkout\//);
  await customer.getByLabel('Email').fill('spring.buyer@example.com');
  await customer.getByLabel('Card number').fill('4242 4242 4242 4242');
  // $7.50 suggested, 20 % preset discount: $6.00.
  await customer.getByRole('button', { name: /^Pay \$6\.00/ }).click();
  await expect(customer.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();

  // The order arrives in Sales with the link's metadata.
  await page.getByRole('link', { name: 'Sales' }).click();
  const order = page
    .getByRole('region', { name: /Orders/ })
    .getByRole('row')
    .filter({ hasText: 'spring.buyer@example.com' });
  await expect(order).toContainText(productName);
  await expect(order).toContainText('$6.00');
  await expect(order).toContainText('campaign: spring');
  await expect(order).toContainText('source: newsletter');

  // Edit the label.
  await page.getByRole('link', { name: 'Products' }).click();
  await page.getByRole('link', { name: 'Checkout Links' }).click();
  await page.getByRole('link', { name: 'Edit Spring newsletter' }).click();
  await page.getByLabel('Label').fill('Spring newsletter (April)');
  await page.getByRole('button', { name: 'Save link' }).click();
  await expect(page.getByRole('heading', { name: 'Spring newsletter (April)' })).toBeVisible();

  // Delete it, confirming; its URL then answers the not-found page.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Spring newsletter (April)”?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete link' }).click();
  await expect(page.getByText('Deleted “Spring newsletter (April)”.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Spring newsletter/ })).toHaveCount(0);
  const gone = await customer.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(customer.getByRole('heading', { name: 'This checkout link does not exist' })).toBeVisible();
});

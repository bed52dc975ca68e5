import { expect, test } from '@playwright/test';
import { launchOfferLink, pageCheckout, SUCCEEDS } from './checkout-page-helpers.ts';
import { signInAndWait } from './dashboard-helpers.ts';

/**
 * Receipts with the end-to-end server, which has no SMTP_URL: the receipt is
 * saved as an .eml file, so the success page promises no email, and the
 * dashboard says where each receipt is and can resend it.
 */

test('without a mail server the success page promises no email; Sales shows the receipt saved to file, Resend works', async ({
  page,
  request,
}) => {
  const email = `receipt-${Date.now()}@example.com`;
  const link = await launchOfferLink(request);
  await page.goto(`${link.url}?customer_email=${encodeURIComponent(email)}`);
  await page.getByLabel('Card number').fill(SUCCEEDS);
  await page.getByRole('button', { name: /^Pay/ }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  expect((await pageCheckout(page)).receipt_email).toBeNull();
  await expect(page.getByText(/receipt is on its way|confirmation is on its way/i)).toHaveCount(0);

  await signInAndWait(page);
  await page.goto('/dashboard#/settings');
  await page.getByLabel('Support email').fill('not-an-address');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/Invalid email/i)).toBeVisible();
  await page.getByLabel('Support email').fill('help@launch.example');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Support email')).toHaveValue('help@launch.example');

  await page.goto('/dashboard#/sales');
  const row = page.getByRole('region', { name: /Orders/ }).locator('tr', { hasText: email });
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(row.getByText('Saved to file')).toBeVisible({ timeout: 500 });
  }).toPass();
  await row.getByRole('button', { name: `Resend the receipt to ${email}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Receipt to ${email} queued.` })).toBeVisible();
  await expect(row.locator('[data-receipt-status]')).toHaveCount(1);
});

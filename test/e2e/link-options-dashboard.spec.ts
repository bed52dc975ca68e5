import { expect, test } from '@playwright/test';
import { createProductByApi, managementApi, signInAndWait } from './dashboard-helpers.ts';

interface SavedLink {
  id: string;
  label: string;
  trial_interval: string | null;
  trial_interval_count: number | null;
  adjustable_quantity: { minimum: number; maximum: number } | null;
  confirmation_message: string | null;
  require_billing_address: boolean;
}

test('the link form sets a trial, a quantity range, a billing address and a message, each error next to its field', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const stamp = Date.now();
  const label = `Options ${stamp}`;
  const book = `Zine ${stamp}`;
  const club = `Zine club ${stamp}`;
  await createProductByApi(request, book);
  await createProductByApi(request, club, 'month');
  await signInAndWait(page);
  await page.getByRole('link', { name: 'Checkout Links' }).click();
  await page.getByRole('link', { name: 'New Link' }).click();
  await page.getByLabel('Label').fill(label);
  for (const box of await page.locator('.product-choices input:checked').all()) await box.uncheck();
  await page.getByRole('checkbox', { name: `${book} $5.00`, exact: true }).check();

  // A trial on a link with no subscription, and a range upside down: each refused by its field.
  await page.getByLabel(/^Free trial/).selectOption('day');
  await expect(page.getByLabel(/^Trial length/)).toHaveValue('14');
  await page.getByRole('checkbox', { name: 'Let customers choose a quantity' }).check();
  await page.getByLabel(/^Minimum/).fill('6');
  await page.getByLabel(/^Maximum/).fill('5');
  await page.getByRole('button', { name: 'Create link' }).click();
  await expect(page.getByLabel(/^Maximum/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#link-quantity-max-error')).toContainText('minimum');
  await page.getByLabel(/^Minimum/).fill('1');
  await page.getByRole('button', { name: 'Create link' }).click();
  await expect(page.getByLabel(/^Free trial/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#link-trial-interval-error')).toContainText('recurring product');
  await expect(page.getByRole('heading', { name: 'New Link' })).toBeVisible();

  await page.getByRole('checkbox', { name: club }).check();
  await page.getByRole('checkbox', { name: 'Require a billing address' }).check();
  await page.getByLabel(/^Confirmation message/).fill('Thanks! Your zine ships <b>Monday</b>.');
  await page.getByRole('button', { name: 'Create link' }).click();
  await expect(page.getByRole('heading', { name: label })).toBeVisible();

  const links = await managementApi<{ items: SavedLink[] }>(request, 'GET', '/checkout-links?limit=100');
  const link = links.items.find((l) => l.label === label)!;
  expect(link.trial_interval).toBe('day');
  expect(link.trial_interval_count).toBe(14);
  expect(link.adjustable_quantity).toEqual({ minimum: 1, maximum: 5 });
  expect(link.require_billing_address).toBe(true);
  expect(link.confirmation_message).toBe('Thanks! Your zine ships <b>Monday</b>.');

  // The edit form reads them back; switching the trial off saves it off.
  await page.goto(`/dashboard#/links/${link.id}/edit`);
  await expect(page.getByLabel(/^Free trial/)).toHaveValue('day');
  await expect(page.getByLabel(/^Trial length/)).toHaveValue('14');
  await expect(page.getByLabel(/^Maximum/)).toHaveValue('5');
  await expect(page.getByRole('checkbox', { name: 'Require a billing address' })).toBeChecked();
  await page.getByLabel(/^Free trial/).selectOption('');
  await page.getByRole('button', { name: 'Save link' }).click();
  await expect(page.getByRole('heading', { name: label })).toBeVisible();
  const saved = await managementApi<SavedLink>(request, 'GET', `/checkout-links/${link.id}`);
  expect(saved.trial_interval).toBeNull();
  expect(saved.trial_interval_count).toBeNull();
  expect(saved.adjustable_quantity).toEqual({ minimum: 1, maximum: 5 });
});

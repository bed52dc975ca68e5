import { expect, test } from '@playwright/test';
import { signInAndWait } from './dashboard-helpers.ts';

test('Settings → Access tokens: create one (shown once, copyable), it works, revoke it with a confirmation and it stops', async ({
  page,
  request,
}) => {
  await signInAndWait(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Access tokens' });
  await expect(section.getByRole('table')).toBeVisible();

  const label = `Warehouse ${Date.now()}`;
  await section.getByLabel('Label').fill(label);
  await section.getByLabel('Allow changes (write access)').check();
  await section.getByRole('button', { name: 'Create token' }).click();
  const issued = section.getByRole('textbox', { name: 'New access token' });
  await expect(issued).toHaveValue(/^clat_/);
  const token = await issued.inputValue();
  await expect(section.getByRole('button', { name: 'Copy New access token' })).toBeVisible();
  const row = section.getByRole('row').filter({ hasText: label });
  await expect(row).toContainText('Read and write');
  await expect(row).toContainText('Never');

  const products = () => request.get('/v1/products', { headers: { Authorization: `Bearer ${token}` } });
  expect((await products()).status()).toBe(200);

  // Shown once: once dismissed (or after a reload) only its label remains.
  await section.getByRole('button', { name: 'Done' }).click();
  await expect(issued).toHaveCount(0);
  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByText(token)).toHaveCount(0);
  expect(await page.content()).not.toContain(token);

  // Cancel keeps it; confirming revokes it at once.
  await row.getByRole('button', { name: `Revoke ${label}` }).click();
  const dialog = page.getByRole('dialog', { name: `Revoke “${label}”?` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toBeVisible();
  expect((await products()).status()).toBe(200);
  await row.getByRole('button', { name: `Revoke ${label}` }).click();
  await dialog.getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toHaveCount(0);
  expect((await products()).status()).toBe(401);
});

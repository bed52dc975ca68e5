import { expect, test } from '@playwright/test';
import { createProductByApi, managementApi, signInAndWait } from './dashboard-helpers.ts';

test('the link form sets a window, a cap and a message; a sold-out link lists "1 of 1 sold" and its page says so', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const label = `Limited drop ${Date.now()}`;
  const productName = `Print ${Date.now()}`;
  await createProductByApi(request, productName);
  await signInAndWait(page);
  await page.getByRole('link', { name: 'Checkout Links' }).click();
  await page.getByRole('link', { name: 'New Link' }).click();
  await page.getByLabel('Label').fill(label);
  for (const box of await page.locator('.product-choices input:checked').all()) await box.uncheck();
  await page.getByRole('checkbox', { name: productName }).check();
  await expect(page.getByText('The link sells out after this many successful checkouts')).toBeVisible();

  // A window closing before it opens, and a cap of 0: each refused next to its field, nothing created.
  await page.getByLabel(/^Opens at/).fill('2031-05-02T10:00');
  await page.getByLabel(/^Closes at/).fill('2031-05-01T10:00');
  await page.getByLabel(/^Limit of completed checkouts/).fill('0');
  await page.getByRole('button', { name: 'Create link' }).click();
  const closes = page.getByLabel(/^Closes at/);
  await expect(closes).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#link-ends-at-error')).toHaveText('Must be after the start date.');
  await expect(page.getByLabel(/^Limit of completed checkouts/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#link-limit-error')).toContainText('1');
  await expect(page.getByRole('heading', { name: 'New Link' })).toBeVisible();

  await page.getByLabel(/^Opens at/).fill('');
  await page.getByLabel(/^Closes at/).fill('');
  await page.getByLabel(/^Limit of completed checkouts/).fill('1');
  await page.getByLabel(/^Message when the link is not available/).fill('All prints are gone. <b>Thanks!</b>');
  await page.getByRole('button', { name: 'Create link' }).click();
  await expect(page.getByRole('heading', { name: label })).toBeVisible();

  const links = await managementApi<{ items: { label: string; url: string }[] }>(
    request,
    'GET',
    '/checkout-links?limit=100',
  );
  const link = links.items.find((l) => l.label === label)!;
  // The one print, bought through the link's URL.
  const opened = await request.get(link.url, { maxRedirects: 0 });
  expect(opened.status()).toBe(307);
  const secret = new URL(opened.headers().location!).pathname.split('/').pop()!;
  const paid = await request.post(`/v1/checkouts/client/${secret}/confirm`, {
    data: { card_number: '4242424242424242', customer_email: 'print@example.com' },
  });
  expect(paid.ok(), await paid.text()).toBe(true);

  // A fresh load of the list (the tab keeps the token).
  await page.goto('/dashboard#/links');
  await page.reload();
  const card = page.locator('.link-card').filter({ has: page.getByRole('heading', { name: label }) });
  await expect(card).toContainText('Sold out');
  await expect(card).toContainText('1 of 1 sold');

  const response = await page.goto(link.url);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole('heading', { name: 'This checkout link is sold out' })).toBeVisible();
  // The merchant's message, as text.
  await expect(page.getByText('All prints are gone. <b>Thanks!</b>')).toBeVisible();
});

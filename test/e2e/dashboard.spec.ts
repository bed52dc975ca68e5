import { expect, type Locator, type Page, test } from '@playwright/test';
import { buyByApi, createProductByApi, listTotals, signIn, signInAndWait } from './dashboard-helpers.ts';

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
  // The form was edited: leaving it asks first.
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave' }).click();
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

/** The error message an input points at through `aria-describedby` (what a screen reader reads with it). */
async function describedError(page: Page, field: Locator) {
  const ids = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
  const errorId = ids.find((id) => id.endsWith('-error'));
  expect(errorId, 'the field points at its error').toBeTruthy();
  return page.locator(`#${errorId}`);
}

test('discounts: errors next to their fields, create, edit, delete', async ({ page }) => {
  const name = `Winter ${Date.now()}`;
  await signInAndWait(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Discounts' }).click();
  await expect(page.getByRole('row', { name: /LAUNCH20/ })).toContainText('20 % off, once');

  await page.getByRole('link', { name: 'New discount' }).click();
  await expect(page.getByRole('heading', { name: 'New discount' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create discount' }).click();
  const percent = page.getByLabel('Percent off');
  await expect(percent).toHaveAttribute('aria-invalid', 'true');
  await expect(await describedError(page, percent)).toHaveText('Enter a number.');
  await expect(percent, 'the keyboard goes to the field to fix').toBeFocused();
  await expect(page.getByRole('alert')).toContainText('Some fields need your attention.');

  await percent.fill('200');
  await page.getByRole('button', { name: 'Create discount' }).click();
  await expect(await describedError(page, percent)).toHaveText('Enter a percentage from 0.01 to 100.');

  await percent.fill('15');
  const code = page.getByLabel(/^Code/);
  await code.fill('ab');
  await page.getByRole('button', { name: 'Create discount' }).click();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(await describedError(page, code)).toHaveText('At least 3 characters.');
  await expect(percent).toHaveAttribute('aria-invalid', 'false');

  await code.fill('WINTER15');
  await page.getByRole('button', { name: 'Create discount' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('WINTER15');
  await expect(row).toContainText('15 % off, once');

  await row.getByRole('link', { name: `Edit ${name}` }).click();
  await expect(page.getByRole('heading', { name: `Edit “${name}”` })).toBeVisible();
  // Type and amount are fixed once created.
  await expect(page.getByLabel('Percent off')).toHaveCount(0);
  await page.getByLabel(/^Maximum redemptions/).fill('10');
  await page.getByRole('button', { name: 'Save discount' }).click();
  await expect(row).toContainText('0 / 10');

  await row.getByRole('button', { name: `Delete ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete “${name}”?` });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete discount' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByRole('row', { name: /LAUNCH20/ })).toBeVisible();

  await page.goto('/dashboard#/discounts/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('alert')).toHaveText('This discount does not exist.');
});

test('custom fields: a taken slug is refused next to it, create, edit, delete', async ({ page }) => {
  const name = `Referrer ${Date.now()}`;
  await signInAndWait(page);
  await page.goto('/dashboard#/custom-fields');
  await expect(page.getByRole('row', { name: /company/ })).toBeVisible();

  await page.getByRole('link', { name: 'New custom field' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Company');
  const slug = page.getByLabel('Slug', { exact: true });
  // The slug follows the name until it is typed in.
  await expect(slug).toHaveValue('company');
  await page.getByRole('button', { name: 'Create field' }).click();
  await expect(slug).toHaveAttribute('aria-invalid', 'true');
  await expect(await describedError(page, slug)).toHaveText('Is already used by another custom field.');
  await expect(page.getByRole('alert')).toContainText('A custom field with slug "company" exists');

  await page.getByLabel('Name', { exact: true }).fill(name);
  await slug.fill('referrer');
  await page.getByLabel('Type').selectOption('select');
  await page.getByLabel('Options').fill('friend: A friend\nsearch: A search engine');
  await page.getByLabel(/^Label on the checkout/).fill('How did you find us?');
  await page.getByRole('button', { name: 'Create field' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('referrer');
  await expect(row).toContainText('select');
  await expect(row).toContainText('How did you find us?');

  await row.getByRole('link', { name: `Edit ${name}` }).click();
  await expect(page.getByLabel('Type')).toBeDisabled();
  await expect(page.getByLabel('Options')).toHaveValue('friend: A friend\nsearch: A search engine');
  await page.getByLabel(/^Label on the checkout/).fill('Who sent you?');
  await page.getByRole('button', { name: 'Save field' }).click();
  await expect(row).toContainText('Who sent you?');

  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await page
    .getByRole('dialog', { name: `Delete “${name}”?` })
    .getByRole('button', { name: 'Delete field' })
    .click();
  await expect(row).toHaveCount(0);
});

test('products: the first field to fix gets focus; archive, show archived, unarchive', async ({ page }) => {
  const name = `Poster ${Date.now()}`;
  await signInAndWait(page);
  await page.getByRole('link', { name: 'New product' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create product' }).click();
  const amount = page.getByLabel('Amount', { exact: true });
  await expect(amount).toBeFocused();
  await expect(await describedError(page, amount)).toHaveText('Enter an amount.');
  await amount.fill('12');
  await page.getByRole('button', { name: 'Create product' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('$12.00');

  await row.getByRole('button', { name: `Archive ${name}` }).click();
  await page
    .getByRole('dialog', { name: `Archive “${name}”?` })
    .getByRole('button', { name: 'Archive product' })
    .click();
  await expect(row).toHaveCount(0);
  await page.getByRole('checkbox', { name: /^Show archived/ }).check();
  await expect(row).toContainText('Archived');
  await row.getByRole('button', { name: `Unarchive ${name}` }).click();
  await expect(row).not.toContainText('Archived');
  await expect(row.getByRole('button', { name: `Archive ${name}` })).toBeVisible();
});

test('sales: orders, subscriptions and checkout sessions page by keyboard, pages kept in the URL, across sections and reloads', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const run = Date.now();
  const ebook = await createProductByApi(request, `Paging e-book ${run}`);
  const club = await createProductByApi(request, `Paging club ${run}`, 'month');
  // More than a page of each (25 a page), a few at a time.
  const purchases = [
    ...Array.from({ length: 30 }, (_, i) => [ebook.id, `order-${i + 1}-${run}@example.com`] as const),
    ...Array.from({ length: 26 }, (_, i) => [club.id, `member-${i + 1}-${run}@example.com`] as const),
  ];
  for (let i = 0; i < purchases.length; i += 8)
    await Promise.all(purchases.slice(i, i + 8).map(([id, email]) => buyByApi(request, id, email)));
  const orderTotals = await listTotals(request, '/orders');
  const memberTotals = await listTotals(request, '/subscriptions');
  // Each purchase went through its own checkout session: 56 sessions of this run, three pages at least.
  const checkoutTotals = await listTotals(request, '/checkouts');
  expect(orderTotals.max_page).toBeGreaterThanOrEqual(2);
  expect(memberTotals.max_page).toBeGreaterThanOrEqual(2);
  expect(checkoutTotals.max_page).toBeGreaterThanOrEqual(3);

  await signInAndWait(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sales' }).click();
  const orders = page.getByRole('region', { name: /^Orders/ });
  const members = page.getByRole('region', { name: /^Subscriptions/ });
  await expect(orders.getByRole('heading', { name: 'Orders' })).toContainText(String(orderTotals.total_count));
  await expect(members.getByRole('heading', { name: 'Subscriptions' })).toContainText(String(memberTotals.total_count));
  const ordersPager = page.getByRole('navigation', { name: 'Pages of orders' });
  const status = ordersPager.getByRole('status');
  const previous = ordersPager.getByRole('button', { name: 'Previous page of orders' });
  const next = ordersPager.getByRole('button', { name: 'Next page of orders' });
  await expect(status).toHaveText(`Page 1 of ${orderTotals.max_page}`);
  await expect(previous).toHaveAttribute('aria-disabled', 'true');
  await expect(orders.locator('tbody tr')).toHaveCount(25);

  // Page to the end with the keyboard; focus stays on Next, every order of this run shows once.
  const seen = await pageToTheEnd(page, orders, 'orders', orderTotals.max_page, {
    url: (n) => new RegExp(`#/sales\\?orders=${n}$`),
    rows: new RegExp(`order-\\d+-${run}@example\\.com`, 'g'),
  });
  expect(new Set(seen).size).toBe(30);
  expect(seen).toHaveLength(30);
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(`Page ${orderTotals.max_page} of ${orderTotals.max_page}`);

  // The subscriptions page independently; both pages are in the URL.
  const membersPager = page.getByRole('navigation', { name: 'Pages of subscriptions' });
  await expect(membersPager.getByRole('status')).toHaveText(`Page 1 of ${memberTotals.max_page}`);
  await membersPager.getByRole('button', { name: 'Next page of subscriptions' }).click();
  await expect(membersPager.getByRole('status')).toHaveText(`Page 2 of ${memberTotals.max_page}`);
  const both = `#/sales?orders=${orderTotals.max_page}&subscriptions=2`;
  await expect(page).toHaveURL(new RegExp(`${literal(both)}$`));
  await expect(status).toHaveText(`Page ${orderTotals.max_page} of ${orderTotals.max_page}`);

  // The checkout sessions too, by keyboard to the end: every session of this run shows once, the other pages kept.
  const checkouts = page.getByRole('region', { name: /^Checkout sessions/ });
  await expect(checkouts.getByRole('heading', { name: 'Checkout sessions' })).toContainText(
    String(checkoutTotals.total_count),
  );
  const checkoutsPager = page.getByRole('navigation', { name: 'Pages of checkouts' });
  const checkoutsStatus = checkoutsPager.getByRole('status');
  const checkoutsNext = checkoutsPager.getByRole('button', { name: 'Next page of checkouts' });
  const checkoutsPrevious = checkoutsPager.getByRole('button', { name: 'Previous page of checkouts' });
  await expect(checkoutsStatus).toHaveText(`Page 1 of ${checkoutTotals.max_page}`);
  await expect(checkoutsPrevious).toHaveAttribute('aria-disabled', 'true');
  await expect(checkouts.locator('tbody tr')).toHaveCount(25);
  const sessions = await pageToTheEnd(page, checkouts, 'checkouts', checkoutTotals.max_page, {
    url: (n) => new RegExp(`${literal(both)}&checkouts=${n}$`),
    rows: new RegExp(`(?:order|member)-\\d+-${run}@example\\.com`, 'g'),
  });
  expect(new Set(sessions).size).toBe(purchases.length);
  expect(sessions).toHaveLength(purchases.length);
  await expect(checkoutsNext).toHaveAttribute('aria-disabled', 'true');
  await expect(checkoutsPrevious).toHaveAttribute('aria-disabled', 'false');
  await page.keyboard.press('Enter');
  await expect(checkoutsStatus).toHaveText(`Page ${checkoutTotals.max_page} of ${checkoutTotals.max_page}`);
  await expect(status).toHaveText(`Page ${orderTotals.max_page} of ${orderTotals.max_page}`);
  const all = new RegExp(`${literal(both)}&checkouts=${checkoutTotals.max_page}$`);
  await expect(page).toHaveURL(all);

  // Another section and back (by the sidebar, then by Back), and a reload: the pages are kept.
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('link', { name: 'Products' }).click();
  await expect(page.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();
  await sections.getByRole('link', { name: 'Sales' }).click();
  await expect(page).toHaveURL(all);
  await expect(status).toHaveText(`Page ${orderTotals.max_page} of ${orderTotals.max_page}`);
  await expect(membersPager.getByRole('status')).toHaveText(`Page 2 of ${memberTotals.max_page}`);
  await expect(checkoutsStatus).toHaveText(`Page ${checkoutTotals.max_page} of ${checkoutTotals.max_page}`);
  await page.reload();
  await expect(status).toHaveText(`Page ${orderTotals.max_page} of ${orderTotals.max_page}`);
  await expect(checkoutsStatus).toHaveText(`Page ${checkoutTotals.max_page} of ${checkoutTotals.max_page}`);
  await previous.click();
  await expect(status).toHaveText(`Page ${orderTotals.max_page - 1} of ${orderTotals.max_page}`);
  await page.goBack();
  await expect(status).toHaveText(`Page ${orderTotals.max_page} of ${orderTotals.max_page}`);

  // A page past the last (an old URL) shows the last one.
  await page.goto('/dashboard#/sales?orders=999');
  await expect(status).toHaveText(`Page ${orderTotals.max_page} of ${orderTotals.max_page}`);
  await expect(page).toHaveURL(new RegExp(`#/sales\\?orders=${orderTotals.max_page}$`));
  await page.goto('/dashboard#/sales?checkouts=999');
  await expect(checkoutsStatus).toHaveText(`Page ${checkoutTotals.max_page} of ${checkoutTotals.max_page}`);
  await expect(page).toHaveURL(new RegExp(`#/sales\\?checkouts=${checkoutTotals.max_page}$`));

  // Paging on before a page arrives: only the last page asked for is shown, the overtaken answer is dropped.
  await page.goto('/dashboard#/sales');
  await expect(checkoutsStatus).toHaveText(`Page 1 of ${checkoutTotals.max_page}`);
  await expect(checkouts).toHaveAttribute('aria-busy', 'false');
  const secondPage = (url: URL) => url.pathname === '/v1/checkouts' && url.searchParams.get('page') === '2';
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(secondPage, async (route) => {
    await held;
    await route.continue();
  });
  await checkoutsNext.click();
  await expect(checkoutsStatus).toHaveText(`Page 2 of ${checkoutTotals.max_page}`);
  await expect(checkouts).toHaveAttribute('aria-busy', 'true');
  await checkoutsNext.click();
  await expect(checkoutsStatus).toHaveText(`Page 3 of ${checkoutTotals.max_page}`);
  await expect(checkouts).toHaveAttribute('aria-busy', 'false');
  const thirdPage = await checkouts.locator('tbody tr').allTextContents();
  const late = page.waitForResponse((response) => secondPage(new URL(response.url())));
  release();
  await (await late).finished();
  // The late answer has been read and any render it caused has run (a task after the next frame).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
  await expect(checkoutsStatus).toHaveText(`Page 3 of ${checkoutTotals.max_page}`);
  expect(await checkouts.locator('tbody tr').allTextContents()).toEqual(thirdPage);
  await expect(checkouts).toHaveAttribute('aria-busy', 'false');
  await page.unroute(secondPage);
});

/** `text` matched literally in a RegExp (a URL hash has `?`). */
/**
 * Pages a Sales list from its first page to its last with the keyboard (Enter on Next, which keeps the
 * focus), checking the status and the URL at each page; answers every match of `rows` in its rows.
 */
async function pageToTheEnd(
  page: Page,
  list: Locator,
  noun: string,
  maxPage: number,
  expected: { url: (page: number) => RegExp; rows: RegExp },
): Promise<string[]> {
  const pager = page.getByRole('navigation', { name: `Pages of ${noun}` });
  const status = pager.getByRole('status');
  const next = pager.getByRole('button', { name: `Next page of ${noun}` });
  const found: string[] = [];
  const collect = async () => {
    await expect(list).toHaveAttribute('aria-busy', 'false');
    for (const text of await list.locator('tbody tr').allTextContents())
      found.push(...(text.match(expected.rows) ?? []));
  };
  await collect();
  await next.focus();
  for (let n = 2; n <= maxPage; n++) {
    await page.keyboard.press('Enter');
    await expect(status).toHaveText(`Page ${n} of ${maxPage}`);
    await expect(page).toHaveURL(expected.url(n));
    await expect(next).toBeFocused();
    await collect();
  }
  return found;
}

function literal(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a form whose checks cannot load says so in its banner', async ({ page }) => {
  await signInAndWait(page);
  await page.route('**/pages/api-schemas-*.js*', (route) => route.abort());
  await page.goto('/dashboard#/discounts/new');
  await page.getByLabel('Name', { exact: true }).fill('Offline');
  await page.getByLabel('Percent off').fill('10');
  await page.getByRole('button', { name: 'Create discount' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Could not load the form checks. Check your connection and try again.',
  );
  await page.unroute('**/pages/api-schemas-*.js*');
  await page.getByRole('button', { name: 'Create discount' }).click();
  await expect(page.getByRole('row', { name: /Offline/ })).toContainText('10 % off, once');
});

test('saves are announced, an empty form names every field at once, leaving an edited form asks', async ({ page }) => {
  const name = `Sticker ${Date.now()}`;
  await signInAndWait(page);
  await page.getByRole('link', { name: 'New product' }).click();
  await page.getByRole('button', { name: 'Create product' }).click();
  const nameField = page.getByLabel('Name', { exact: true });
  const amount = page.getByLabel('Amount', { exact: true });
  // Both on the first submit, not Amount now and Name on the next one.
  await expect(await describedError(page, nameField)).toHaveText('Required.');
  await expect(await describedError(page, amount)).toHaveText('Enter an amount.');
  await expect(nameField).toBeFocused();

  // Leaving asks; "Keep editing" stays on the form with what was typed, at its address.
  await nameField.fill(name);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Discounts' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Keep editing' }).click();
  await expect(leave).toHaveCount(0);
  await expect(nameField).toHaveValue(name);
  await expect(page).toHaveURL(/#\/products\/new$/);

  // Saved: the list says so in a polite live region that was there before the words.
  await amount.fill('4');
  await page.getByRole('button', { name: 'Create product' }).click();
  const notice = page.locator('.notice-region');
  await expect(notice).toHaveAttribute('aria-live', 'polite');
  await expect(notice).toHaveText(`Created “${name}”.`);

  // An edited form left by Cancel asks too; "Leave" goes, and nothing was saved.
  await page
    .getByRole('row', { name: new RegExp(name) })
    .getByRole('link', { name: `Edit ${name}` })
    .click();
  await nameField.fill(`${name} renamed`);
  await page.getByRole('link', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).not.toContainText('renamed');
  // Untouched, the form leaves without a question.
  await page
    .getByRole('row', { name: new RegExp(name) })
    .getByRole('link', { name: `Edit ${name}` })
    .click();
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();

  // Edits are announced, and the API's terse rules read as sentences.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Custom fields' }).click();
  await page.getByRole('link', { name: 'New custom field' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Bad slug');
  const slug = page.getByLabel(/^Slug/);
  await slug.fill('Bad Slug');
  await page.getByRole('button', { name: /^Create / }).click();
  await expect(await describedError(page, slug)).toHaveText(
    'Use only lowercase letters, digits, hyphens and underscores.',
  );
  await slug.fill(`sticker_${Date.now()}`);
  await page.getByRole('button', { name: /^Create / }).click();
  await expect(page.locator('.notice-region')).toHaveText('Created “Bad slug”.');
  await page
    .getByRole('row', { name: /Bad slug/ })
    .getByRole('link', { name: 'Edit Bad slug' })
    .click();
  await page.getByLabel('Name', { exact: true }).fill('Good slug');
  await page.getByRole('button', { name: /^Save / }).click();
  await expect(page.locator('.notice-region')).toHaveText('Saved “Good slug”.');
});

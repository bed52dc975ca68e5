import { expect, type Page, test } from '@playwright/test';
import {
  api,
  createLink,
  DECLINES,
  DEMO_ORIGIN,
  discountByCode,
  expireSession,
  launchOfferLink,
  pageCheckout,
  productByName,
  purchasesOf,
  SUCCEEDS,
} from './checkout-page-helpers.ts';

/**
 * The hosted checkout page in a real browser against the real server and
 * the demo data: every kind of purchase, every error the customer can meet,
 * and the expired and unknown states.
 */

const payButton = (page: Page) => page.getByRole('button', { name: /^(Pay|Subscribe|Get it free|Complete order)/ });
const summaryTotal = (page: Page) => page.locator('[data-amount="total"]');

test('prefilled one-time purchase pays with the success card; the order carries the link metadata', async ({
  page,
  request,
}) => {
  const link = await launchOfferLink(request);
  await page.goto(
    `${link.url}?customer_email=ada@example.com&customer_name=Ada%20Lovelace&custom_field_data.company=Analytical%20Engines`,
  );
  await expect(page.getByLabel('Email')).toHaveValue('ada@example.com');
  await expect(page.getByLabel('Name')).toHaveValue('Ada Lovelace');
  await expect(page.getByLabel('Company')).toHaveValue('Analytical Engines');
  await expect(page.getByRole('radio', { name: /Field Guide to Checkout/ })).toBeChecked();
  await expect(summaryTotal(page)).toHaveText('$29.00');

  await page.getByLabel('Card number').fill(SUCCEEDS);
  await payButton(page).click();

  await expect(page.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  const checkout = await pageCheckout(page);
  const [order] = await purchasesOf(request, 'orders', checkout.id);
  expect(order).toMatchObject({
    status: 'paid',
    total_amount: 2900,
    customer_email: 'ada@example.com',
    customer_name: 'Ada Lovelace',
    metadata: { campaign: 'launch' },
    custom_field_data: { company: 'Analytical Engines' },
  });
  await expect(page.locator('[data-reference="order"]')).toHaveText(order.id);
  await expect(page.locator('[data-amount="paid"]')).toHaveText('$29.00');
});

test('switching to the subscription updates price and total, then subscribes', async ({ page, request }) => {
  const link = await launchOfferLink(request);
  await page.goto(link.url);
  const pro = page.getByRole('radio', { name: /Pro membership/ });
  await expect(page.getByRole('group', { name: 'Choose an option' })).toContainText('$9.00 / month');
  await pro.check();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pro membership');
  await expect(summaryTotal(page)).toHaveText('$9.00 / month');
  await expect(payButton(page)).toHaveText('Subscribe · $9.00');

  await page.getByLabel('Email').fill('grace@example.com');
  await page.getByLabel('I accept the terms of service').check();
  await page.getByLabel('Card number').fill(SUCCEEDS);
  await payButton(page).click();

  await expect(page.getByRole('heading', { name: 'You’re subscribed' })).toBeVisible();
  const checkout = await pageCheckout(page);
  const subscriptions = await purchasesOf(request, 'subscriptions', checkout.id);
  expect(subscriptions).toHaveLength(1);
  expect(subscriptions[0]).toMatchObject({ status: 'active', recurring_interval: 'month', total_amount: 900 });
  expect(await purchasesOf(request, 'orders', checkout.id)).toHaveLength(0);
  await expect(page.locator('[data-reference="subscription"]')).toHaveText(subscriptions[0].id);
});

test('a declined card says so and the customer can retry with another card', async ({ page, request }) => {
  const link = await launchOfferLink(request);
  await page.goto(`${link.url}?customer_email=retry@example.com`);
  const confirms: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/confirm')) confirms.push(r.url());
  });

  await page.getByLabel('Card number').fill(DECLINES);
  await payButton(page).click();
  const card = page.getByLabel('Card number');
  await expect(page.locator('#card_number-error')).toContainText(/declined/i);
  await expect(card).toHaveAttribute('aria-invalid', 'true');
  await expect(card).toBeFocused();
  await expect(card).toHaveValue('');

  await card.fill(SUCCEEDS);
  await expect(card).toHaveAttribute('aria-invalid', 'false');
  // A double press sends one payment: the button is busy until the answer.
  await payButton(page).dblclick();
  await expect(page.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  expect(confirms).toHaveLength(2);
  const checkout = await pageCheckout(page);
  expect(await purchasesOf(request, 'orders', checkout.id)).toHaveLength(1);
});

test('pay what you want: an amount below the minimum is refused with the reason, a valid one is charged', async ({
  page,
  request,
}) => {
  const link = await launchOfferLink(request);
  const tip = await productByName(request, 'Support the project');
  // A prefilled amount below the minimum is dropped, and the page says why.
  await page.goto(`${link.url}?product_id=${tip.id}&amount=100&customer_email=pwyw@example.com`);
  const amount = page.getByLabel('Name your price');
  await expect(amount).toHaveValue('10.00');
  await expect(page.locator('#amount-dropped')).toHaveText(
    'The value from your link was not used: it must be at least $5.00.',
  );
  await expect(page.locator('#amount-help')).toHaveText('Between $5.00 and $1,000.00.');

  await amount.fill('2');
  await amount.press('Enter');
  await expect(page.locator('#amount-error')).toContainText('This must be at least $5.00.');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(summaryTotal(page)).toHaveText('$10.00');

  await amount.fill('25.50');
  await amount.press('Enter');
  await expect(summaryTotal(page)).toHaveText('$25.50');
  await expect(page.locator('#amount-error')).toHaveCount(0);
  await page.getByLabel('Card number').fill(SUCCEEDS);
  await payButton(page).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  const [order] = await purchasesOf(request, 'orders', (await pageCheckout(page)).id);
  expect(order.total_amount).toBe(2550);
});

test('a discount code is applied and removed; an unknown code is refused', async ({ page, request }) => {
  const link = await launchOfferLink(request);
  await page.goto(link.url);
  const code = page.getByLabel('Discount code');

  await code.fill('NOPE');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('#discount_code-error')).toHaveText(/not a known discount code/);

  await code.fill('launch20');
  await code.press('Enter');
  await expect(page.locator('.discount-applied')).toContainText('LAUNCH20');
  await expect(page.locator('[data-amount="discount"]')).toHaveText('−$5.80');
  await expect(summaryTotal(page)).toHaveText('$23.20');
  await expect(payButton(page)).toHaveText('Pay $23.20');

  await page.getByRole('button', { name: 'Remove discount code LAUNCH20' }).click();
  await expect(summaryTotal(page)).toHaveText('$29.00');
  await expect(page.locator('[data-amount="discount"]')).toHaveCount(0);
  await expect(page.getByLabel('Discount code')).toBeFocused();
});

test('a preset discount shows as applied; a link without codes shows no code field', async ({ page, request }) => {
  const ebook = await productByName(request, 'Field Guide to Checkout (e-book)');
  const launch = await discountByCode(request, 'LAUNCH20');
  const preset = await createLink(request, {
    products: [ebook.id],
    discount_id: launch.id,
    allow_discount_codes: false,
  });
  await page.goto(preset.url);
  await expect(page.locator('.discount-applied')).toContainText('20 % off applied');
  await expect(summaryTotal(page)).toHaveText('$23.20');
  await expect(page.getByLabel('Discount code')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Remove discount/ })).toHaveCount(0);
  // One product: no picker.
  await expect(page.getByRole('radio')).toHaveCount(0);
});

test('required fields are enforced next to the field: email and a required checkbox', async ({ page, request }) => {
  const link = await launchOfferLink(request);
  const pro = await productByName(request, 'Pro membership');
  await page.goto(`${link.url}?product_id=${pro.id}`);
  await page.getByLabel('Card number').fill(SUCCEEDS);
  await payButton(page).click();

  await expect(page.locator('#customer_email-error')).toHaveText(/This is required\./);
  await expect(page.locator('#cf-terms-error')).toHaveText(/This must be checked\./);
  await expect(page.getByRole('alert')).toContainText('Some details need your attention');
  await expect(page.getByLabel('Email')).toBeFocused();
  expect(await purchasesOf(request, 'subscriptions', (await pageCheckout(page)).id)).toHaveLength(0);

  await page.getByLabel('Email').fill('terms@example.com');
  await page.getByLabel('I accept the terms of service').check();
  await payButton(page).click();
  await expect(page.getByRole('heading', { name: 'You’re subscribed' })).toBeVisible();
  const [sub] = await purchasesOf(request, 'subscriptions', (await pageCheckout(page)).id);
  expect(sub.custom_field_data).toMatchObject({ terms: true });
});

test('a free product skips the card', async ({ page, request }) => {
  const free = await productByName(request, 'Sample chapter');
  const link = await createLink(request, { products: [free.id] });
  await page.goto(`${link.url}?customer_email=free@example.com`);
  await expect(page.getByLabel('Card number')).toHaveCount(0);
  await expect(page.getByText('No payment needed for this order.')).toBeVisible();
  await page.getByRole('button', { name: 'Get it free' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  const [order] = await purchasesOf(request, 'orders', (await pageCheckout(page)).id);
  expect(order.total_amount).toBe(0);
});

test('with a success URL the page goes there with the checkout id filled in', async ({ page, request }) => {
  const ebook = await productByName(request, 'Field Guide to Checkout (e-book)');
  const link = await createLink(request, {
    products: [ebook.id],
    success_url: `${DEMO_ORIGIN}/thanks?checkout={CHECKOUT_ID}`,
  });
  await page.goto(`${link.url}?customer_email=redirect@example.com`);
  const checkout = await pageCheckout(page);
  await page.getByLabel('Card number').fill(SUCCEEDS);
  await payButton(page).click();
  await page.waitForURL(`${DEMO_ORIGIN}/thanks?checkout=${checkout.id}`);
  expect(await purchasesOf(request, 'orders', checkout.id)).toHaveLength(1);
});

test('an expired session offers to start again through its link, which opens a fresh session', async ({
  page,
  request,
}) => {
  const link = await launchOfferLink(request);
  await page.goto(`${link.url}?customer_email=late@example.com`);
  const first = await pageCheckout(page);

  // Expires while the page is open: the next edit answers 410 and the page says so.
  expireSession(first.id);
  await page.getByLabel('Discount code').fill('LAUNCH20');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('heading', { name: 'This checkout has expired' })).toBeFocused();

  // Reloaded, the server renders the expired state directly.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'This checkout has expired' })).toBeVisible();
  await page.getByRole('link', { name: 'Start again' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/checkout/') && !url.pathname.endsWith(first.client_secret));
  const fresh = await pageCheckout(page);
  expect(fresh.id).not.toBe(first.id);
  expect(fresh.status).toBe('open');
  await expect(page.getByLabel('Email')).toHaveValue('late@example.com');
  await expect(payButton(page)).toBeVisible();
});

test('an unknown session is a readable 404', async ({ page }) => {
  const res = await page.goto('/checkout/cs_does_not_exist');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This checkout does not exist' })).toBeVisible();
});

test('keyboard only: arrows switch products, Tab reaches every control, Enter pays', async ({ page, request }) => {
  const link = await launchOfferLink(request);
  await page.goto(`${link.url}?customer_email=keys@example.com`);
  await page.getByRole('radio', { name: /Field Guide/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Support the project/ })).toBeChecked();
  await expect(page.getByLabel('Name your price')).toHaveValue('10.00');
  await expect(summaryTotal(page)).toHaveText('$10.00');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Name your price')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.getByLabel('Card number').focus();
  await page.keyboard.type(SUCCEEDS);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Thank you for your purchase' })).toBeFocused();
});

test('nothing the merchant or the URL supplies is rendered as HTML', async ({ page, request }) => {
  const product = await api(request, 'POST', '/products', {
    name: '<img src=x onerror="window.__pwned=1">Evil',
    description: '<b>bold</b>',
    prices: [{ amount_type: 'fixed', price_amount: 500, price_currency: 'usd' }],
  });
  const link = await createLink(request, { products: [product.id] });
  await page.goto(`${link.url}?customer_name=${encodeURIComponent('<script>alert(1)</script>')}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<img src=x onerror="window.__pwned=1">Evil');
  await expect(page.getByText('<b>bold</b>')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('<script>alert(1)</script>');
  expect(await page.locator('checkout-page img, checkout-page b').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('Start again on an expired checkout carries what was typed: product, email, name, fields, never the card', async ({
  page,
  request,
}) => {
  const link = await launchOfferLink(request);
  const pro = link.products.find((p) => p.name === 'Pro membership')!;
  await page.goto(`${link.url}?product_id=${pro.id}`);
  const first = await pageCheckout(page);
  await page.getByLabel('Email').fill('typed@example.com');
  await page.locator('#customer_name').fill('Ada Typed');
  await page.getByLabel(/^Company/).fill('Typed Ltd');
  await page.getByRole('checkbox', { name: /I accept the terms of service/ }).check();
  await page.getByLabel('Card number').fill(SUCCEEDS);

  // The session expires before the customer pays: the submit meets a 410.
  expireSession(first.id);
  await page.getByRole('button', { name: /^Subscribe / }).click();
  await expect(page.getByRole('heading', { name: 'This checkout has expired' })).toBeFocused();
  await page.getByRole('link', { name: 'Start again' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/checkout/') && !url.pathname.endsWith(first.client_secret));

  const fresh = await pageCheckout(page);
  expect(fresh.id).not.toBe(first.id);
  expect(fresh.product_id).toBe(pro.id);
  expect(fresh.customer_email).toBe('typed@example.com');
  expect(fresh.customer_name).toBe('Ada Typed');
  expect(fresh.custom_field_data).toEqual({ company: 'Typed Ltd', terms: true });
  await expect(page.getByLabel('Email')).toHaveValue('typed@example.com');
  await expect(page.getByLabel(/^Company/)).toHaveValue('Typed Ltd');
  await expect(page.getByRole('checkbox', { name: /I accept the terms of service/ })).toBeChecked();
  await expect(page.getByLabel('Card number'), 'the card is never carried').toHaveValue('');
  expect(page.url()).not.toContain('4242');
});

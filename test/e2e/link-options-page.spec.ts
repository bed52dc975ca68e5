import { expect, test } from '@playwright/test';
import { E2E_DEMO_PORT } from '../../playwright.config.ts';
import { api, createLink, purchasesOf, SUCCEEDS } from './checkout-page-helpers.ts';
import { signInAndWait } from './dashboard-helpers.ts';

/**
 * The link options on the hosted page, against the real server: a quantity
 * stepper, a free trial, a billing address (in the widget's overlay) and
 * the merchant's confirmation message on the success state.
 */

const DEMO = `http://localhost:${E2E_DEMO_PORT}`;

async function product(request: Parameters<typeof api>[0], name: string, amount: number, interval: 'month' | null) {
  return api<{ id: string }>(request, 'POST', '/products', {
    name,
    recurring_interval: interval,
    prices: [{ amount_type: 'fixed', price_amount: amount, price_currency: 'usd' }],
  });
}

test('buy 3 with the stepper: the summary and the charge are 3 × $25.00, and the message after paying is text', async ({
  page,
  request,
}) => {
  const name = `Poster ${Date.now()}`;
  const poster = await product(request, name, 2500, null);
  const link = await createLink(request, {
    products: [poster.id],
    adjustable_quantity: { minimum: 1, maximum: 5 },
    confirmation_message: 'Thanks! Posters ship on <b>Monday</b>.\nTrack them at /orders.',
  });
  await page.goto(link.url);
  const quantity = page.getByLabel(/^Quantity/);
  await expect(quantity).toHaveValue('1');
  await expect(page.getByRole('button', { name: 'Fewer' })).toBeDisabled();
  await page.getByRole('button', { name: 'More' }).click();
  await expect(quantity).toHaveValue('2');
  await page.getByRole('button', { name: 'More' }).click();
  await expect(quantity).toHaveValue('3');
  await expect(page.locator('[data-amount="total"]')).toHaveText('$75.00');
  await expect(page.locator('.totals')).toContainText(`${name} × 3`);

  // Typed out of bounds: refused beside the field, the total unchanged.
  await quantity.fill('9');
  await quantity.press('Enter');
  await expect(quantity).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#quantity-error')).toContainText('between 1 and 5');
  await quantity.fill('3');
  await quantity.press('Enter');
  await expect(quantity).toHaveAttribute('aria-invalid', 'false');

  await page.getByLabel('Email').fill('poster@example.com');
  await page.getByLabel('Card number').fill(SUCCEEDS);
  await page.getByRole('button', { name: 'Pay $75.00' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  await expect(page.locator('[data-amount="paid"]')).toHaveText('$75.00');
  const message = page.locator('[data-confirmation-message]');
  await expect(message).toHaveText('Thanks! Posters ship on <b>Monday</b>.\nTrack them at /orders.', {
    useInnerText: false,
  });
  await expect(message.locator('b')).toHaveCount(0);

  const sessions = await api<{ items: { id: string }[] }>(request, 'GET', `/checkouts?checkout_link_id=${link.id}`);
  const [order] = await purchasesOf(request, 'orders', sessions.items[0]!.id);
  expect(order.quantity).toBe(3);
  expect(order.total_amount).toBe(7500);
});

test('a trial subscription: "14 days free, then $9.00 / month", nothing due today, the card collected, trialing', async ({
  page,
  request,
}) => {
  const plan = await product(request, `Club ${Date.now()}`, 900, 'month');
  const link = await createLink(request, { products: [plan.id], trial_interval: 'day', trial_interval_count: 14 });
  await page.goto(link.url);
  await expect(page.locator('.hero-price')).toHaveText('14 days free, then $9.00 / month');
  await expect(page.locator('[data-amount="total"]')).toHaveText('$0.00');
  await expect(page.locator('.totals')).toContainText('Due today');
  await page.getByLabel('Email').fill('club@example.com');
  await page.getByRole('button', { name: 'Start free trial' }).click();
  await expect(page.getByLabel('Card number')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Card number').fill(SUCCEEDS);
  await page.getByRole('button', { name: 'Start free trial' }).click();
  await expect(page.getByRole('heading', { name: 'You’re subscribed' })).toBeVisible();
  await expect(page.locator('.outcome')).toContainText('Your free trial has started');
  await expect(page.locator('.outcome')).toContainText('then $9.00 / month');

  const sessions = await api<{ items: { id: string }[] }>(request, 'GET', `/checkouts?checkout_link_id=${link.id}`);
  const [subscription] = await purchasesOf(request, 'subscriptions', sessions.items[0]!.id);
  expect(subscription.status).toBe('trialing');
  expect(subscription.total_amount).toBe(900);
  expect(Date.parse(subscription.trial_end) - Date.parse(subscription.created_at)).toBeGreaterThan(13.99 * 86_400_000);
});

test('a billing address in the overlay: refused field by field, then carried to the order', async ({
  page,
  request,
}) => {
  const name = `Print ${Date.now()}`;
  const print = await product(request, name, 1200, null);
  const link = await createLink(request, {
    products: [print.id],
    require_billing_address: true,
    adjustable_quantity: { minimum: 1, maximum: 4 },
  });
  await page.goto(`${DEMO}/script-tag.html`);
  // A button added after load, with the quantity as a data attribute: the snippet picks it up.
  await page.evaluate((url) => {
    document.body.insertAdjacentHTML(
      'beforeend',
      `<button type="button" data-checkout-link="${url}" data-quantity="2">Buy two prints</button>`,
    );
  }, link.url);
  await page.getByRole('button', { name: 'Buy two prints' }).click();
  const checkout = page.frameLocator('dialog iframe');
  await expect(checkout.getByRole('heading', { name })).toBeVisible();
  await expect(checkout.getByLabel(/^Quantity/)).toHaveValue('2');
  await expect(checkout.locator('[data-amount="total"]')).toHaveText('$24.00');

  await checkout.getByLabel('Email').fill('print@example.com');
  await checkout.getByLabel('Card number').fill(SUCCEEDS);
  await checkout.getByRole('button', { name: 'Pay $24.00' }).click();
  for (const label of [/^Country/, /^Address/, /^Postal code/, /^City/])
    await expect(checkout.getByLabel(label).first()).toHaveAttribute('aria-invalid', 'true');

  // Countries are named in the page's language.
  await checkout.getByLabel(/^Country/).selectOption({ label: 'France' });
  await checkout
    .getByLabel(/^Address/)
    .first()
    .fill('1 rue de la Paix');
  await checkout.getByLabel(/^Postal code/).fill('75002');
  await checkout.getByLabel(/^City/).fill('Paris');
  await checkout.getByRole('button', { name: 'Pay $24.00' }).click();
  await expect(checkout.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();

  const sessions = await api<{ items: { id: string }[] }>(request, 'GET', `/checkouts?checkout_link_id=${link.id}`);
  const [order] = await purchasesOf(request, 'orders', sessions.items[0]!.id);
  expect(order.quantity).toBe(2);
  expect(order.total_amount).toBe(2400);
  expect(order.billing_address).toEqual({
    country: 'FR',
    line1: '1 rue de la Paix',
    line2: null,
    postal_code: '75002',
    city: 'Paris',
    state: null,
  });

  // Sales shows the order's quantity and where it is billed.
  await signInAndWait(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sales' }).click();
  const row = page
    .getByRole('region', { name: /Orders/ })
    .getByRole('row')
    .filter({ hasText: name });
  await expect(row.locator('[data-quantity]')).toHaveText('× 2');
  await expect(row.locator('[data-billing-address]')).toHaveText('1 rue de la Paix, 75002 Paris, France');
});

import { expect, type Page, test } from '@playwright/test';
import {
  api,
  BACKEND,
  createLink,
  pageCheckout,
  productByName,
  purchasesOf,
  SUCCEEDS,
} from './checkout-page-helpers.ts';

/**
 * Money exactly as shown: when the total changes under an open page (here a
 * capped discount runs out), paying charges nothing, the page shows the new
 * total and why, and a second press pays exactly that.
 */

const payButton = (page: Page) => page.getByRole('button', { name: /^Pay/ });
const summaryTotal = (page: Page) => page.locator('[data-amount="total"]');

test('a discount that runs out before paying: the new total is shown, nothing charged, then paid at it', async ({
  page,
  request,
}) => {
  const guide = await productByName(request, 'Field Guide to Checkout (e-book)');
  const discount = await api(request, 'POST', '/discounts', {
    name: 'Last one',
    code: `LAST${Date.now()}`,
    type: 'percentage',
    basis_points: 5000,
    max_redemptions: 1,
  });
  const link = await createLink(request, { products: [guide.id], discount_id: discount.id });
  await page.goto(`${link.url}?customer_email=late@example.com`);
  await expect(summaryTotal(page)).toHaveText('$14.50');
  await expect(payButton(page)).toHaveText('Pay $14.50');
  const checkout = await pageCheckout(page);

  // Another customer takes the last redemption while this page is open.
  const other = await request.post(`${BACKEND}/v1/checkout-links/${link.client_secret}/sessions`, {
    data: { customer_email: 'first@example.com' },
  });
  const otherSecret = (await other.json()).client_secret;
  const first = await request.post(`${BACKEND}/v1/checkouts/client/${otherSecret}/confirm`, {
    data: { card_number: SUCCEEDS, expected_total: 1450 },
  });
  expect(first.status()).toBe(200);

  await page.getByLabel('Card number').fill(SUCCEEDS);
  await payButton(page).click();
  await expect(page.locator('.form-error')).toContainText('The discount no longer applies');
  await expect(page.locator('.form-error')).toContainText('New total: $29.00');
  await expect(summaryTotal(page)).toHaveText('$29.00');
  await expect(payButton(page)).toHaveText('Pay $29.00');
  expect(await purchasesOf(request, 'orders', checkout.id), 'the refused confirm charged nothing').toHaveLength(0);

  await payButton(page).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  const orders = await purchasesOf(request, 'orders', checkout.id);
  expect(orders.map((o) => [o.total_amount, o.discount_id])).toEqual([[2900, null]]);
});

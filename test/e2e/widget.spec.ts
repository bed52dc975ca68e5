import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { E2E_DEMO_PORT, E2E_PORT, E2E_TOKEN } from '../../playwright.config.ts';

/**
 * The buy button end to end: the demo merchant site (its own origin) embeds
 * the real backend's widget; a customer pays in the overlay with the test
 * card; the order exists with the link's metadata plus the campaign the
 * page URL carried. And when the backend cannot be reached at the click,
 * the overlay says so, and its plain link still gets the customer to the checkout.
 */

const DEMO = `http://localhost:${E2E_DEMO_PORT}`;
const API = `http://localhost:${E2E_PORT}`;

interface Order {
  id: string;
  checkout_id: string;
  product_name: string;
  customer_email: string;
  total_amount: number;
  metadata: Record<string, unknown>;
}

/** A utm_source no other run has used, so the order found is this test's. */
const campaign = (name: string) => `e2e-${name}-${Date.now().toString(36)}`;

/** Pays in the framed checkout page as a customer would: labelled fields, then the pay button. */
async function payInOverlay(checkout: FrameLocator, email: string | null) {
  await expect(checkout.getByRole('heading', { name: 'Field Guide to Checkout (e-book)' })).toBeVisible();
  if (email) await checkout.getByLabel('Email').fill(email);
  await checkout.getByLabel('Card number').fill('4242 4242 4242 4242');
  await checkout.getByRole('button', { name: /^Pay / }).click();
}

/** The detail of the `checkout-link:success` entry in the demo's event log. */
async function successDetail(page: Page) {
  const entry = page.locator('#event-log li').filter({ hasText: 'checkout-link:success' });
  await expect(entry).toHaveCount(1);
  return JSON.parse((await entry.locator('pre').textContent()) ?? '') as { checkout_id: string; order_id: string };
}

async function orderOf(page: Page, checkoutId: string): Promise<Order> {
  const response = await page.request.get(`${API}/v1/orders?checkout_id=${checkoutId}`, {
    headers: { Authorization: `Bearer ${E2E_TOKEN}` },
  });
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: Order[] };
  expect(items).toHaveLength(1);
  return items[0]!;
}

test('script tag: a data-attribute button opens the overlay; paying creates the order with the link metadata and utm_source', async ({
  page,
}) => {
  const utm = campaign('script-tag');
  await page.goto(`${DEMO}/script-tag.html?utm_source=${utm}`);
  await page.getByRole('button', { name: 'Buy the e-book' }).click();

  const dialog = page.getByRole('dialog', { name: 'Checkout' });
  await expect(dialog).toBeVisible();
  const checkout = page.frameLocator('dialog iframe');
  await payInOverlay(checkout, 'ada@example.com');

  const detail = await successDetail(page);
  const order = await orderOf(page, detail.checkout_id);
  expect(order.id).toBe(detail.order_id);
  expect(order.product_name).toBe('Field Guide to Checkout (e-book)');
  expect(order.customer_email).toBe('ada@example.com');
  expect(order.total_amount).toBe(2900);
  expect(order.metadata).toMatchObject({ campaign: 'launch', utm_source: utm });

  const log = page.locator('#event-log .name');
  await expect(log.first()).toHaveText('checkout-link:success');
  await expect(page.locator('#event-log')).toContainText('checkout-link:open');
  await expect(page.locator('#event-log')).toContainText('checkout-link:loaded');
});

test('pricing table: <checkout-link> inside the provider opens the overlay; the order carries the metadata', async ({
  page,
}) => {
  const utm = campaign('pricing');
  await page.goto(`${DEMO}/pricing.html?utm_source=${utm}`);
  const buy = page.getByRole('link', { name: 'Buy the e-book' });
  // The rendered link is a real one: the prefill sits in its URL for Ctrl-click and no-JS.
  await expect(buy).toHaveAttribute(
    'href',
    new RegExp(`^${API}/v1/checkout-links/[^/]+/redirect\\?.*utm_source=${utm}`),
  );
  await buy.click();

  const checkout = page.frameLocator('dialog iframe');
  await payInOverlay(checkout, 'grace@example.com');

  const detail = await successDetail(page);
  const order = await orderOf(page, detail.checkout_id);
  expect(order.product_name).toBe('Field Guide to Checkout (e-book)');
  // `utm_medium` is the provider's prefill default, shared with every card.
  expect(order.metadata).toMatchObject({ campaign: 'launch', utm_source: utm, utm_medium: 'pricing-table' });
  await expect(page.locator('checkout-link#buy-ebook')).not.toHaveAttribute('open');
});

test('pricing table: the Pro card opens with its prefilled email', async ({ page }) => {
  await page.goto(`${DEMO}/pricing.html`);
  await page.getByRole('link', { name: 'Join Pro' }).click();
  const checkout = page.frameLocator('dialog iframe');
  await expect(checkout.getByRole('heading', { name: 'Pro membership' })).toBeVisible();
  await expect(checkout.getByLabel('Email')).toHaveValue('ada@example.com');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Checkout' })).toHaveCount(0);
  await expect(page.locator('#event-log')).toContainText('checkout-link:close');
  await expect(page.getByRole('link', { name: 'Join Pro' })).toBeFocused();
});

for (const { name, path, button } of [
  { name: 'script tag', path: 'script-tag.html', button: { role: 'button', name: 'Buy the e-book' } },
  { name: 'pricing table', path: 'pricing.html', button: { role: 'link', name: 'Buy the e-book' } },
] as const) {
  test(`${name}: with the backend unreachable at the click, the overlay says so and its plain link reaches the checkout`, async ({
    page,
  }) => {
    const utm = campaign('fallback');
    await page.goto(`${DEMO}/${path}?utm_source=${utm}`);
    await page.route('**/v1/checkout-links/*/sessions', (route) => route.abort('connectionrefused'));
    await page.getByRole(button.role, { name: button.name }).click();
    const dialog = page.getByRole('dialog', { name: 'Checkout' });
    await expect(dialog.getByRole('status')).toHaveText('The checkout could not be reached.');
    await expect(page.locator('#event-log')).toContainText('checkout-link:error');

    // An ad blocker or a CORS mistake stops the request, not a navigation: the plain link still gets there.
    const fallback = page.waitForRequest((r) => r.isNavigationRequest() && r.url().includes('/redirect'));
    await dialog.getByRole('link', { name: 'Open the checkout page' }).click();
    const url = new URL((await fallback).url());
    expect(url.origin).toBe(API);
    expect(url.searchParams.get('utm_source')).toBe(utm);
    expect(url.searchParams.get('product_id')).toMatch(/^[0-9a-f-]{36}$/);
    await page.waitForURL(`${API}/checkout/**`);
    await expect(page.getByRole('heading', { name: 'Field Guide to Checkout (e-book)' })).toBeVisible();
  });
}

test("campaign landing: the page's customer_email and utm_source carry through to the checkout", async ({ page }) => {
  const utm = campaign('landing');
  await page.goto(`${DEMO}/campaign.html?utm_source=${utm}&customer_email=lin%40example.com`);
  await expect(page.locator('#page-query')).toContainText(utm);
  const buy = page.getByRole('link', { name: 'Get 20 % off' });
  await expect(page.locator('#rendered-href')).toContainText('customer_email=lin%40example.com');
  await buy.click();
  const checkout = page.frameLocator('dialog iframe');
  await expect(checkout.getByLabel('Email')).toHaveValue('lin@example.com');
  await payInOverlay(checkout, null);
  const order = await orderOf(page, (await successDetail(page)).checkout_id);
  expect(order.customer_email).toBe('lin@example.com');
  // LAUNCH20 from the button's own discount-code attribute.
  expect(order.total_amount).toBe(2320);
  expect(order.metadata).toMatchObject({ campaign: 'launch', utm_source: utm });
});

test('inline checkout: rendered in place, paid in place', async ({ page }) => {
  await page.goto(`${DEMO}/inline.html`);
  await expect(page.locator('#event-log .name')).toHaveText(['checkout-link:loaded', 'checkout-link:open']);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const checkout = page.frameLocator('checkout-link#inline-checkout iframe');
  await payInOverlay(checkout, 'inline@example.com');
  const order = await orderOf(page, (await successDetail(page)).checkout_id);
  expect(order.customer_email).toBe('inline@example.com');
});

test('single-page app: buttons and elements added after load open the overlay', async ({ page }) => {
  await page.goto(`${DEMO}/spa.html`);
  await page.getByRole('button', { name: 'Add a data-attribute button' }).click();
  await page.getByRole('button', { name: 'Buy the e-book (#1)' }).click();
  const checkout = page.frameLocator('dialog iframe');
  await expect(checkout.getByRole('heading', { name: 'Field Guide to Checkout (e-book)' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'Add a <checkout-link>' }).click();
  await page.getByRole('link', { name: 'Give $10 (#2)' }).click();
  await expect(checkout.getByRole('heading', { name: 'Support the project' })).toBeVisible();
  await expect(page.locator('#event-log li')).toHaveCount(5);
});

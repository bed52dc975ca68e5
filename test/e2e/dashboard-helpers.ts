import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config.ts';

/** Signs in to `/dashboard` with the demo organization's token, as a merchant would. */
export async function signIn(page: Page, token = E2E_TOKEN) {
  await page.goto('/dashboard');
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInAndWait(page: Page) {
  await signIn(page);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

const auth = { Authorization: `Bearer ${E2E_TOKEN}` };

/** A management API call as the demo organization; fails the test on an error answer. */
export async function managementApi<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST',
  path: string,
  data?: unknown,
) {
  const response = await request.fetch(`/v1${path}`, { method, headers: auth, data });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** A product with a fixed $5 price, one-time or monthly, made through the management API. */
export async function createProductByApi(request: APIRequestContext, name: string, interval: 'month' | null = null) {
  return managementApi<{ id: string }>(request, 'POST', '/products', {
    name,
    recurring_interval: interval,
    prices: [{ amount_type: 'fixed', price_amount: 500, price_currency: 'usd' }],
  });
}

/** A paid purchase without the checkout page: a session from the Checkout API, confirmed with the test card. */
export async function buyByApi(request: APIRequestContext, productId: string, email: string) {
  const session = await managementApi<{ client_secret: string }>(request, 'POST', '/checkouts', {
    products: [productId],
    customer_email: email,
  });
  const paid = await request.post(`/v1/checkouts/client/${session.client_secret}/confirm`, {
    data: { card_number: '4242424242424242' },
  });
  expect(paid.ok(), `confirm: ${await paid.text()}`).toBe(true);
}

/** The pagination of a list endpoint at the dashboard's page size. */
export async function listTotals(request: APIRequestContext, path: string, limit = 25) {
  const list = await managementApi<{ pagination: { total_count: number; max_page: number } }>(
    request,
    'GET',
    `${path}?limit=${limit}`,
  );
  return list.pagination;
}

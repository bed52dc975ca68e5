import { join } from 'node:path';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config.ts';
import type { CheckoutPublic } from '../../src/shared/schemas/checkout.ts';

/**
 * Shared steps of the hosted checkout page's end-to-end specs: the demo
 * org's management API (to read the "Launch offer" link and make extra
 * products, links and discounts), and reading the session the page holds.
 */
export const BACKEND = `http://localhost:${E2E_PORT}`;
export const DEMO_ORIGIN = `http://localhost:${E2E_PORT + 1}`;
export const SUCCEEDS = '4242424242424242';
export const DECLINES = '4000000000000002';

const auth = { Authorization: `Bearer ${E2E_TOKEN}` };

export async function api<T = any>(
  request: APIRequestContext,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await request.fetch(`${BACKEND}/v1${path}`, { method, headers: auth, data: body });
  expect(res.ok(), `${method} ${path} answered ${res.status()}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

export interface Link {
  id: string;
  url: string;
  client_secret: string;
  products: { id: string; name: string }[];
}

export async function launchOfferLink(request: APIRequestContext): Promise<Link> {
  const links = await api<{ items: (Link & { label: string })[] }>(request, 'GET', '/checkout-links?limit=100');
  const link = links.items.find((l) => l.label === 'Launch offer');
  expect(link, 'the demo seed has the "Launch offer" link').toBeTruthy();
  return link!;
}

export async function productByName(request: APIRequestContext, name: string): Promise<{ id: string }> {
  const products = await api<{ items: { id: string; name: string }[] }>(request, 'GET', '/products?limit=100');
  const product = products.items.find((p) => p.name === name);
  expect(product, `the demo seed has "${name}"`).toBeTruthy();
  return product!;
}

export async function discountByCode(request: APIRequestContext, code: string): Promise<{ id: string }> {
  const discounts = await api<{ items: { id: string; code: string | null }[] }>(request, 'GET', '/discounts?limit=100');
  return discounts.items.find((d) => d.code === code)!;
}

/** A new link over the given products (defaults: codes allowed, no preset, no success URL). */
export function createLink(request: APIRequestContext, body: Record<string, unknown>): Promise<Link> {
  return api<Link>(request, 'POST', '/checkout-links', { label: `e2e ${Date.now()}`, ...body });
}

/** The session the page holds (its inline JSON), as first rendered. */
export function pageCheckout(page: Page): Promise<CheckoutPublic> {
  return page.evaluate(
    () => JSON.parse(document.getElementById('checkout-data')!.textContent!).checkout as CheckoutPublic,
  );
}

export async function purchasesOf(request: APIRequestContext, kind: 'orders' | 'subscriptions', checkoutId: string) {
  return (await api<{ items: any[] }>(request, 'GET', `/${kind}?checkout_id=${checkoutId}`)).items;
}

/**
 * Moves a session's expiry into the past, straight in the test server's
 * SQLite file: waiting out even the shortest TTL (60 s) would make a slow
 * test, and the server decides expiry from this column on every request.
 */
export function expireSession(checkoutId: string) {
  const db = new BetterSqlite3(join(`.tmp/e2e-data-${E2E_PORT}`, 'checkout-link.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const past = new Date(Date.now() - 60_000).toISOString();
    const { changes } = db.prepare('UPDATE checkout_sessions SET expires_at = ? WHERE id = ?').run(past, checkoutId);
    expect(changes, 'the session row exists in the test database').toBe(1);
  } finally {
    db.close();
  }
}

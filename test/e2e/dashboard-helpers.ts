import { expect, type Page } from '@playwright/test';
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

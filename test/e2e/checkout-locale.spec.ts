import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import type { Catalog } from '../../src/i18n/catalog.ts';
import { ar } from '../../src/i18n/catalogs/ar.ts';
import { de } from '../../src/i18n/catalogs/de.ts';
import { en } from '../../src/i18n/catalogs/en.ts';
import { fr } from '../../src/i18n/catalogs/fr.ts';
import { ja } from '../../src/i18n/catalogs/ja.ts';
import { expectNoAxeViolations } from './axe-helpers.ts';
import {
  api,
  createLink,
  DECLINES,
  DEMO_ORIGIN,
  expireSession,
  launchOfferLink,
  pageCheckout,
  productByName,
} from './checkout-page-helpers.ts';

/**
 * The hosted checkout in the customer's language, against the real server:
 * the locale chosen by the link, the browser or the switcher, no English
 * interface string left, money in the locale, localized errors, Arabic
 * right to left, and the choice kept through a restart.
 */

test.describe.configure({ timeout: 120_000 });

const payButton = (page: Page | FrameLocator, t: Catalog) =>
  page.getByRole('button', { name: new RegExp(t.payTotal.replace('{total}', '.+')) });

/**
 * English interface text the page shows: each fragment (between placeholders) of an English string
 * that the locale translated differently, long enough not to be a shared word.
 */
async function englishLeft(page: Page, t: Catalog): Promise<string[]> {
  const text = (await page.locator('checkout-page').textContent()) ?? '';
  return (Object.keys(en) as (keyof Catalog)[])
    .filter((k) => t[k] !== en[k])
    .flatMap((k) => en[k].split(/\{\w+\}/).map((f) => f.trim()))
    .filter((f) => f.length >= 6 && /[a-z]{3}/.test(f) && text.includes(f));
}

test('German from ?locale=de: lang, no English interface text, German money, errors in German', async ({
  page,
  request,
}) => {
  const link = await launchOfferLink(request);
  await page.goto(`${link.url}?locale=de`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { name: de.yourDetails })).toBeVisible();
  // "29,00 $": the amount, a decimal comma, a no-break space, then the symbol.
  await expect(page.locator('[data-amount="total"]')).toHaveText('29,00\u00a0$');
  await expect(payButton(page, de)).toHaveText('29,00\u00a0$ bezahlen');
  expect(await englishLeft(page, de)).toEqual([]);

  // A malformed email and a declined card, in German: never the API's English words.
  await page.getByLabel(de.email).fill('not-an-email');
  await page.getByLabel(de.cardNumber).fill(DECLINES);
  await payButton(page, de).click();
  await expect(page.locator('#customer_email-error')).toContainText(de.errEmail);
  await expect(page.getByRole('alert')).toContainText(de.errAttention);
  await page.getByLabel(de.email).fill('kunde@example.com');
  await payButton(page, de).click();
  await expect(page.locator('#card_number-error')).toContainText(de.errDeclined);
  await expect(page.locator('#card_number-error')).not.toContainText('declined');
  await page.screenshot({ path: 'docs/checkout-locale-de.png', fullPage: true });
});

test('Accept-Language: fr with no parameter gives French; an unsupported tag falls back to it too', async ({
  browser,
  request,
}) => {
  const link = await launchOfferLink(request);
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(link.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: fr.yourDetails })).toBeVisible();
  expect(await englishLeft(page, fr)).toEqual([]);
  await page.goto(`${link.url}?locale=tlh`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await context.close();
});

test('Japanese: lang, interface and yen-free dollars formatted for ja', async ({ page, request }) => {
  const link = await launchOfferLink(request);
  await page.goto(`${link.url}?locale=ja`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { name: ja.yourDetails })).toBeVisible();
  await expect(page.locator('[data-amount="total"]')).toHaveText('$29.00');
  await expect(payButton(page, ja)).toHaveText('$29.00を支払う');
  expect(await englishLeft(page, ja)).toEqual([]);
  await page.screenshot({ path: 'docs/checkout-locale-ja.png', fullPage: true });
});

test('Arabic is right to left and passes axe; the switcher changes the language in place and survives a restart', async ({
  page,
  request,
}) => {
  const link = await launchOfferLink(request);
  await page.goto(`${link.url}?locale=ar&customer_email=layla@example.com`);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: ar.yourDetails })).toBeVisible();
  expect(await englishLeft(page, ar)).toEqual([]);
  // Mirrored: the details form sits left of the summary, the summary's amounts align to the left.
  const summary = await page.locator('.summary').boundingBox();
  const panel = await page.locator('.panel').boundingBox();
  expect(panel!.x).toBeLessThan(summary!.x);
  await expectNoAxeViolations(page, 'ar open');
  await page.screenshot({ path: 'docs/checkout-locale-ar.png', fullPage: true });
  await page.setViewportSize({ width: 375, height: 780 });
  await page.screenshot({ path: 'docs/checkout-locale-ar-narrow.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 860 });

  // The switcher: a labelled select naming each language in its own name.
  const switcher = page.getByLabel(ar.language);
  await expect(switcher.locator('option')).toContainText(['English', 'Deutsch', '日本語', 'العربية']);
  await page.getByLabel(ar.email).fill('layla@example.org');
  await switcher.selectOption('de');
  await expect(html).toHaveAttribute('lang', 'de');
  await expect(html).not.toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: de.yourDetails })).toBeVisible();
  // In place: what was typed is still there, and the session is the same.
  await expect(page.getByLabel(de.email)).toHaveValue('layla@example.org');
  expect(await englishLeft(page, de)).toEqual([]);
  await expect(page).toHaveURL(/locale=de/);
  await expect(page.getByLabel(de.language)).toHaveValue('de');

  // Expired, then started again through the link: still German.
  const first = await pageCheckout(page);
  expireSession(first.id);
  await page.reload();
  await expect(page.getByRole('heading', { name: de.expiredTitle })).toBeVisible();
  await page.getByRole('link', { name: de.startAgain }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/checkout/') && !url.pathname.endsWith(first.client_secret));
  await expect(html).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { name: de.yourDetails })).toBeVisible();
  expect((await pageCheckout(page)).status).toBe('open');
});

/** Adds a buy button to the shop page, as a merchant's markup would have it. */
const addButton = (page: Page, tag: string, attributes: Record<string, string>, label: string) =>
  page.evaluate(
    ([tag, attributes, label]) => {
      const el = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      el.textContent = label;
      document.body.append(el);
    },
    [tag, attributes, label] as const,
  );

test('the overlay opened by <checkout-link locale="ja"> and by data-locale="de" shows the page in that language', async ({
  page,
  request,
}) => {
  const link = await launchOfferLink(request);
  // A shop page in English, with an English-speaking browser: the button's language wins.
  await page.goto(`${DEMO_ORIGIN}/pricing.html`);
  await addButton(page, 'checkout-link', { href: link.url, locale: 'ja' }, 'Japanese checkout');
  await page.getByRole('link', { name: 'Japanese checkout' }).click();
  const checkout = page.frameLocator('dialog iframe');
  await expect(checkout.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(checkout.getByRole('heading', { name: ja.yourDetails })).toBeVisible();
  await expect(payButton(checkout, ja)).toBeVisible();

  // The snippet reads the same from data-locale.
  await page.goto(`${DEMO_ORIGIN}/script-tag.html`);
  await addButton(
    page,
    'a',
    { href: link.url, 'data-checkout-link': link.url, 'data-locale': 'de' },
    'German checkout',
  );
  await page.getByRole('link', { name: 'German checkout' }).click();
  const german = page.frameLocator('dialog iframe');
  await expect(german.locator('html')).toHaveAttribute('lang', 'de');
  await expect(german.getByRole('heading', { name: de.yourDetails })).toBeVisible();
});

test("the overlay's card speaks the button's language when the link cannot open: Japanese, and Arabic right to left", async ({
  page,
  request,
}) => {
  const ebook = await productByName(request, 'Field Guide to Checkout (e-book)');
  const link = await createLink(request, { label: 'Switched off, for the card', products: [ebook.id] });
  await api(request, 'PATCH', `/checkout-links/${link.id}`, { active: false });
  await page.goto(`${DEMO_ORIGIN}/pricing.html`);
  await addButton(page, 'checkout-link', { href: link.url, locale: 'ja' }, 'Japanese checkout');
  await page.getByRole('link', { name: 'Japanese checkout' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('status')).toHaveText(ja.inactiveTitle);
  await expect(dialog.getByRole('button', { name: ja.cardRetry })).toBeVisible();
  await expect(dialog.getByRole('link', { name: ja.cardOpenPage })).toHaveAttribute('href', `${link.url}?locale=ja`);
  await dialog.getByRole('button', { name: ja.cardClose }).click();

  await page.goto(`${DEMO_ORIGIN}/script-tag.html`);
  await addButton(
    page,
    'a',
    { href: link.url, 'data-checkout-link': link.url, 'data-locale': 'ar' },
    'Arabic checkout',
  );
  await page.getByRole('link', { name: 'Arabic checkout' }).click();
  await expect(dialog.getByRole('status')).toHaveText(ar.inactiveTitle);
  await expect(dialog).toHaveAttribute('dir', 'rtl');
  await expect(dialog).toHaveAttribute('lang', 'ar');
  await expect(dialog.getByRole('button', { name: ar.cardRetry })).toBeVisible();
});

import { createServer, type Server } from 'node:http';
import { expect, type Page, test } from '@playwright/test';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config.ts';
import { api, BACKEND, createLink, DECLINES, productByName, SUCCEEDS } from './checkout-page-helpers.ts';

/**
 * The snippet on host pages a merchant does not control: a strict CSP with
 * Trusted Types, hostile CSS, a phone page that scrolls sideways, a backend
 * that goes away mid-page, a deleted link and a slow sessions endpoint. Each
 * host page is served by the test's own host site (listed in the demo
 * organization's `embed_origins`), with real response headers.
 */

const EBOOK = 'Field Guide to Checkout (e-book)';
/** No inline script or style anywhere: what a strict site sends. */
const STRICT_CSP = [
  "default-src 'self'",
  `script-src ${BACKEND}`,
  "style-src 'self'",
  `connect-src ${BACKEND}`,
  `frame-src ${BACKEND}`,
  "require-trusted-types-for 'script'",
].join('; ');
/** Careless or hostile host CSS the overlay must survive. */
const HOSTILE_CSS =
  '* { all: unset } dialog { display: none !important } iframe { width: 10px !important; height: 10px !important }' +
  ' .wide { display: block; width: 1200px; height: 20px }';

interface HostPage {
  csp?: string;
  css?: string;
  linkUrl: string;
  /** Markup before the button (a wide block for the sideways-scrolling phone page). */
  before?: string;
}

/**
 * The host site: a real server on its own port (a page answered by
 * `page.route` has no address, and Chromium's local network checks then
 * refuse its requests to the loopback backend), serving what the test set.
 */
const HOST = `http://localhost:${E2E_PORT + 2}`;
let hostPage: HostPage = { linkUrl: '' };
let server: Server;

test.beforeAll(async ({ request }) => {
  server = createServer((req, res) => {
    const { csp, css = '', linkUrl, before = '' } = hostPage;
    if (csp) res.setHeader('Content-Security-Policy', csp);
    if (req.url === '/host.css') res.setHeader('Content-Type', 'text/css').end(css);
    else
      res.setHeader('Content-Type', 'text/html; charset=utf-8').end(
        `<!doctype html><html lang="en"><meta name="viewport" content="width=device-width">
<title>Host</title><link rel="stylesheet" href="/host.css">
<body>${before}<button data-checkout-link="${linkUrl}">Buy now</button>
<script src="${BACKEND}/embed.js"></script></body></html>`,
      );
  });
  await new Promise<void>((resolve) => server.listen(E2E_PORT + 2, 'localhost', resolve));
  // The organization lists the host site, as a merchant would in Settings.
  const org = await api<{ embed_origins: string[] }>(request, 'GET', '/organizations/current');
  if (!org.embed_origins.includes(HOST))
    await api(request, 'PATCH', '/organizations/current', { embed_origins: [...org.embed_origins, HOST] });
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Opens the host page with `options`, recording every `checkout-link:*` event and any CSP or Trusted Types error. */
async function openHostPage(page: Page, options: HostPage) {
  hostPage = options;
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|TrustedHTML|Trusted Type/i.test(m.text()))
      violations.push(m.text());
  });
  await page.goto(`${HOST}/host.html`);
  await page.evaluate(() => {
    const events: string[] = [];
    (window as unknown as { events: string[] }).events = events;
    for (const type of ['open', 'loaded', 'confirmed', 'success', 'close', 'error'])
      document.addEventListener(`checkout-link:${type}`, (e) =>
        events.push(`${type}${type === 'error' ? `:${(e as CustomEvent).detail.code}` : ''}`),
      );
  });
  return violations;
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { events: string[] }).events);

async function ebookLink(page: Page) {
  const ebook = await productByName(page.request, EBOOK);
  return createLink(page.request, { products: [ebook.id] });
}

/** The overlay's dialog and frame boxes, and the visual viewport, in CSS pixels. */
const measure = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('checkout-link-overlay')?.shadowRoot;
    const box = (e: Element | null | undefined) => {
      const r = e?.getBoundingClientRect();
      return r ? [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)] : null;
    };
    const v = visualViewport!;
    return {
      dialog: box(root?.querySelector('dialog')),
      frame: box(root?.querySelector('iframe')),
      viewport: [Math.round(v.offsetLeft), Math.round(v.offsetTop), Math.round(v.width), Math.round(v.height)],
    };
  });

test('strict CSP with Trusted Types and hostile CSS: the overlay covers the viewport and a purchase completes', async ({
  page,
}) => {
  const link = await ebookLink(page);
  const violations = await openHostPage(page, { csp: STRICT_CSP, css: HOSTILE_CSS, linkUrl: link.url });
  await page.getByText('Buy now').click();
  const checkout = page.frameLocator('dialog iframe');
  await expect(checkout.getByRole('heading', { name: EBOOK })).toBeVisible();
  const { dialog, frame, viewport } = await measure(page);
  expect(dialog, 'the dialog covers the viewport').toEqual(viewport);
  expect(frame, 'the frame covers the viewport').toEqual(viewport);
  await checkout.getByLabel('Email').fill('strict@example.com');
  await checkout.getByLabel('Card number').fill(SUCCEEDS);
  await checkout.getByRole('button', { name: /^Pay / }).click();
  await expect(checkout.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  await expect.poll(() => events(page)).toEqual(['open', 'loaded', 'confirmed', 'success']);
  expect(violations).toEqual([]);
});

test('a link framed by hand, no script (as Polar’s embed frames it): the embedded checkout under a strict CSP, paid in place', async ({
  page,
}) => {
  const link = await ebookLink(page);
  const framed = `${link.url}?embed=true&embed_mode=inline&embed_origin=${encodeURIComponent(HOST)}`;
  const violations = await openHostPage(page, {
    csp: STRICT_CSP,
    css: 'iframe { width: 480px; height: 760px; border: 0 }',
    linkUrl: link.url,
    before: `<iframe title="Checkout" src="${framed}"></iframe>`,
  });
  const checkout = page.frameLocator('iframe[title=Checkout]');
  await expect(checkout.getByRole('heading', { name: EBOOK })).toBeVisible();
  await expect(checkout.locator('checkout-page[embedded]'), 'the embedded page, framable here').toHaveCount(1);
  await checkout.getByLabel('Email').fill('framed@example.com');
  await checkout.getByLabel('Card number').fill(SUCCEEDS);
  await checkout.getByRole('button', { name: /^Pay / }).click();
  await expect(checkout.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  expect(page.url(), 'the host page stays').toBe(`${HOST}/host.html`);
  expect(violations).toEqual([]);
});

test('a phone page that scrolls sideways: the sheet covers the visual viewport', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const link = await ebookLink(page);
  await openHostPage(page, { css: HOSTILE_CSS, linkUrl: link.url, before: '<div class="wide"></div>' });
  await page.evaluate(() => scrollTo(300, 0));
  await page.getByText('Buy now').tap();
  const checkout = page.frameLocator('dialog iframe');
  await expect(checkout.getByRole('heading', { name: EBOOK })).toBeVisible();
  const { dialog, frame, viewport } = await measure(page);
  // Zoomed out to the page's width, the visual viewport is fractional: a pixel of rounding either way.
  expect(viewport[2], 'the page is zoomed out to its width').toBeGreaterThan(375);
  for (const box of [dialog, frame])
    for (const [i, n] of viewport.entries()) expect(Math.abs(box![i]! - n)).toBeLessThanOrEqual(1);
  await context.close();
});

test('the backend gone mid-page: the overlay says so, Try again, and a plain link to the checkout page', async ({
  page,
}) => {
  const link = await ebookLink(page);
  await openHostPage(page, { linkUrl: link.url });
  await page.route(`${BACKEND}/**`, (route) => route.abort('connectionrefused'));
  const buy = page.getByText('Buy now');
  await buy.click();
  const dialog = page.getByRole('dialog', { name: 'Checkout' });
  await expect(dialog.getByRole('status')).toHaveText('The checkout could not be reached.');
  await expect(dialog.getByRole('link', { name: 'Open the checkout page' })).toHaveAttribute('href', link.url);
  expect(page.url()).toBe(`${HOST}/host.html`);
  // Back up: Try again opens the checkout in the same overlay.
  await page.unroute(`${BACKEND}/**`);
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(page.frameLocator('dialog iframe').getByRole('heading', { name: EBOOK })).toBeVisible();
  await expect.poll(() => events(page)).toEqual(['open', 'error:network', 'loaded']);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(buy).toBeFocused();
});

test('a deleted link: the overlay says what happened; the plain link reaches the readable page', async ({ page }) => {
  const link = await ebookLink(page);
  const deleted = await page.request.delete(`${BACKEND}/v1/checkout-links/${link.id}`, {
    headers: { Authorization: `Bearer ${E2E_TOKEN}` },
  });
  expect(deleted.ok()).toBe(true);
  await openHostPage(page, { linkUrl: link.url });
  await page.getByText('Buy now').click();
  const dialog = page.getByRole('dialog', { name: 'Checkout' });
  await expect(dialog.getByRole('status')).toHaveText('This checkout link does not exist');
  await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect.poll(() => events(page)).toEqual(['open', 'error:link_not_found']);
  await dialog.getByRole('link', { name: 'Open the checkout page' }).click();
  await expect(page.getByText('This checkout link does not exist')).toBeVisible();
});

test('a slow sessions endpoint: the loading card, then "still loading" with a choice, no navigation of its own', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const link = await ebookLink(page);
  await openHostPage(page, { linkUrl: link.url });
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/v1/checkout-links/*/sessions', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByText('Buy now').click();
  const dialog = page.getByRole('dialog', { name: 'Checkout' });
  await expect(dialog.getByRole('progressbar', { name: 'Checkout' })).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible();
  // The widget's own 10 s wait, then the choice.
  await expect(dialog.getByRole('status')).toHaveText('Still loading…', { timeout: 15_000 });
  await expect(dialog.getByRole('link', { name: 'Open the checkout page' })).toHaveAttribute('href', link.url);
  // The progress goes on beside the words, and the page still comes without a click.
  await expect(dialog.getByRole('progressbar', { name: 'Checkout' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();
  release();
  await expect(page.frameLocator('dialog iframe').getByRole('heading', { name: EBOOK })).toBeVisible();
  expect(page.url()).toBe(`${HOST}/host.html`);
  await expect.poll(() => events(page)).toEqual(['open', 'error:timeout', 'loaded']);
});

test('`confirmed` only when a payment really starts: not for a refused submit, yes for a declined card', async ({
  page,
}) => {
  const link = await ebookLink(page);
  await openHostPage(page, { linkUrl: link.url });
  await page.getByText('Buy now').click();
  const checkout = page.frameLocator('dialog iframe');
  await expect(checkout.getByRole('heading', { name: EBOOK })).toBeVisible();
  // No card number: the server refuses the submit (422), no payment starts.
  await checkout.getByLabel('Email').fill('refused@example.com');
  await checkout.getByRole('button', { name: /^Pay / }).click();
  await expect(checkout.getByText(/card number/i).first()).toBeVisible();
  await expect(checkout.getByRole('button', { name: /^Pay / })).toBeEnabled();
  expect(await events(page)).toEqual(['open', 'loaded']);
  await checkout.getByLabel('Card number').fill(DECLINES);
  await checkout.getByRole('button', { name: /^Pay / }).click();
  await expect.poll(() => events(page)).toEqual(['open', 'loaded', 'confirmed']);
});

test('reopening the same button within the session’s life frames the same session', async ({ page }) => {
  const link = await ebookLink(page);
  await openHostPage(page, { linkUrl: link.url });
  const created: string[] = [];
  page.on('request', (r) => r.url().endsWith('/sessions') && r.method() === 'POST' && created.push(r.url()));
  const frames: string[] = [];
  for (let i = 0; i < 2; i++) {
    await page.getByText('Buy now').click();
    const checkout = page.frameLocator('dialog iframe');
    await expect(checkout.getByRole('heading', { name: EBOOK })).toBeVisible();
    frames.push((await page.locator('dialog iframe').getAttribute('src')) ?? '');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  expect(created).toHaveLength(1);
  expect(frames[1]).toBe(frames[0]);
});

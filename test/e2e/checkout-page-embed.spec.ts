import { createServer, type Server } from 'node:http';
import { expect, type Page, test } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config.ts';
import {
  BACKEND,
  createLink,
  DEMO_ORIGIN,
  expireSession,
  productByName,
  purchasesOf,
  SUCCEEDS,
} from './checkout-page-helpers.ts';

/**
 * Embedded mode: the page inside an iframe of a merchant's page on another
 * loopback origin. The demo site's origin is in the demo organization's
 * `embed_origins`; `127.0.0.1:<port + 2>` is not.
 */

const FOREIGN_PORT = E2E_PORT + 2;
const FOREIGN_ORIGIN = `http://127.0.0.1:${FOREIGN_PORT}`;

// A real loopback server for the foreign origin: Chromium's local network
// access rules treat a page fulfilled by `page.route` as public and block its
// frames to localhost before CSP is even consulted, which would prove nothing.
let foreign: Server;
test.beforeAll(async () => {
  foreign = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html>'));
  await new Promise<void>((resolve) => foreign.listen(FOREIGN_PORT, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise<void>((resolve) => foreign.close(() => resolve())));

interface Recorded {
  origin: string;
  data: { type: string; [k: string]: unknown };
}

/**
 * A parent page at `origin`, framing `frameUrl`; it records every message it
 * receives, from any origin, and when the frame loaded. The document comes
 * from a real loopback response at that origin (the demo site answers any
 * path, even with its 404), then its content is replaced: same origin, and a
 * local address space as a merchant's dev server would have.
 */
async function openParent(page: Page, origin: string, frameUrl: string) {
  // Chromium reports a refused frame on the parent's console; only refusal tests await this.
  const refused = page.waitForEvent('console', {
    predicate: (m) => /violates the following Content Security Policy directive: "frame-ancestors/.test(m.text()),
  });
  refused.catch(() => undefined);
  const body = `<!doctype html><html><body>
<iframe id="checkout" title="Checkout" src="${frameUrl}" style="width:900px;height:800px;border:0"></iframe>
<script>
  window.__messages = [];
  window.__frameLoaded = false;
  addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));
  document.getElementById('checkout').addEventListener('load', () => { window.__frameLoaded = true; });
</script></body></html>`;
  await page.goto(`${origin}/__embed-test.html`);
  await page.setContent(body);
  return { refused };
}

const messages = (page: Page) => page.evaluate(() => (window as unknown as { __messages: Recorded[] }).__messages);
const types = async (page: Page) => (await messages(page)).map((m) => m.data.type).filter((t) => t !== 'resize');

/** The foreign page frames the session naming `embedOrigin`: CSP refuses the frame, and nothing is posted. */
async function expectRefusedFrame(page: Page, clientSecret: string, embedOrigin: string) {
  const { refused } = await openParent(
    page,
    FOREIGN_ORIGIN,
    `${BACKEND}/checkout/${clientSecret}?embed=1&embed_origin=${encodeURIComponent(embedOrigin)}`,
  );
  await refused;
  await page.waitForFunction(() => (window as unknown as { __frameLoaded: boolean }).__frameLoaded);
  const child = page.frames().find((f) => f !== page.mainFrame())!;
  expect(child.url()).toMatch(/^chrome-error:/);
  expect(await child.locator('checkout-page').count()).toBe(0);
  expect(await messages(page)).toEqual([]);
}

async function newSession(page: Page, linkSecret: string, embedOrigin: string) {
  const res = await page.request.post(`${BACKEND}/v1/checkout-links/${linkSecret}/sessions`, {
    data: { embed_origin: embedOrigin, customer_email: 'framed@example.com' },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; client_secret: string; dropped: { field: string }[] };
}

test('embedded mode posts loaded, confirmed and success to the parent origin only after the order exists', async ({
  page,
  request,
}) => {
  const ebook = await productByName(request, 'Field Guide to Checkout (e-book)');
  const link = await createLink(request, {
    products: [ebook.id],
    success_url: `${DEMO_ORIGIN}/thanks/{CHECKOUT_ID}`,
  });
  const session = await newSession(page, link.client_secret, DEMO_ORIGIN);
  expect(session.dropped).toEqual([]);
  await openParent(
    page,
    DEMO_ORIGIN,
    `${BACKEND}/checkout/${session.client_secret}?embed=1&embed_origin=${encodeURIComponent(DEMO_ORIGIN)}`,
  );

  await expect.poll(() => types(page)).toEqual(['loaded']);
  const frame = page.frameLocator('#checkout');
  // No page chrome in the frame, and a close button named for screen readers.
  await expect(frame.locator('.topbar')).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Close checkout' })).toBeVisible();
  const all = await messages(page);
  expect(all.every((m) => m.origin === BACKEND && m.data.source === 'checkout-link')).toBe(true);
  const resize = all.find((m) => m.data.type === 'resize');
  expect(resize?.data.height).toBeGreaterThan(300);

  await frame.getByLabel('Card number').fill(SUCCEEDS);
  await frame.getByRole('button', { name: 'Pay $29.00' }).click();
  await expect(frame.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  await expect.poll(() => types(page)).toEqual(['loaded', 'confirmed', 'success']);

  const [order] = await purchasesOf(request, 'orders', session.id);
  const success = (await messages(page)).find((m) => m.data.type === 'success')!;
  expect(success.data).toEqual({
    source: 'checkout-link',
    type: 'success',
    checkout_id: session.id,
    order_id: order.id,
    subscription_id: null,
    customer_email: 'framed@example.com',
    customer_name: null,
    success_url: `${DEMO_ORIGIN}/thanks/${session.id}`,
    redirect: true,
  });
  // The parent navigates (its success event is cancelable); the frame stays on the receipt.
  expect(
    page
      .frames()
      .find((f) => f !== page.mainFrame())
      ?.url(),
  ).toContain(`/checkout/${session.client_secret}`);
});

test('the close button and Escape post close to the parent', async ({ page, request }) => {
  const ebook = await productByName(request, 'Field Guide to Checkout (e-book)');
  const link = await createLink(request, { products: [ebook.id] });
  const session = await newSession(page, link.client_secret, DEMO_ORIGIN);
  await openParent(
    page,
    DEMO_ORIGIN,
    `${BACKEND}/checkout/${session.client_secret}?embed=1&embed_origin=${encodeURIComponent(DEMO_ORIGIN)}`,
  );
  await expect.poll(() => types(page)).toEqual(['loaded']);
  const frame = page.frameLocator('#checkout');
  await frame.getByRole('button', { name: 'Close checkout' }).click();
  await expect.poll(() => types(page)).toEqual(['loaded', 'close']);
  await frame.getByLabel('Email').press('Escape');
  await expect.poll(() => types(page)).toEqual(['loaded', 'close', 'close']);
});

test('framed, Start again opens a fresh session in the frame: still embedded, inline and themed', async ({
  page,
  request,
}) => {
  const ebook = await productByName(request, 'Field Guide to Checkout (e-book)');
  const link = await createLink(request, { products: [ebook.id] });
  const session = await newSession(page, link.client_secret, DEMO_ORIGIN);
  expireSession(session.id);
  const query = `embed=1&embed_origin=${encodeURIComponent(DEMO_ORIGIN)}&embed_mode=inline&theme=dark`;
  await openParent(page, DEMO_ORIGIN, `${BACKEND}/checkout/${session.client_secret}?${query}`);
  const frame = page.frameLocator('#checkout');
  await frame.getByRole('link', { name: 'Start again' }).click();
  await expect(frame.getByLabel('Email')).toHaveValue('framed@example.com');
  const fresh = new URL(
    page
      .frames()
      .find((f) => f !== page.mainFrame())!
      .url(),
  );
  expect(fresh.pathname).toMatch(/^\/checkout\/cs_/);
  expect(fresh.pathname).not.toContain(session.client_secret);
  expect(Object.fromEntries(fresh.searchParams)).toMatchObject({
    embed: '1',
    embed_origin: DEMO_ORIGIN,
    embed_mode: 'inline',
    theme: 'dark',
  });
  await expect(frame.locator('checkout-page')).toHaveAttribute('embedded', '');
  await expect(frame.locator('checkout-page')).not.toHaveAttribute('overlay', '');
  await expect.poll(() => types(page)).toEqual(['loaded', 'loaded']);
});

test('a parent not on embed_origins gets a refused frame and no message at all', async ({ page, request }) => {
  const ebook = await productByName(request, 'Field Guide to Checkout (e-book)');
  const link = await createLink(request, { products: [ebook.id] });
  const session = await newSession(page, link.client_secret, DEMO_ORIGIN);
  // It names the allowed origin, but the page that frames it is somewhere else: CSP refuses the frame.
  await expectRefusedFrame(page, session.client_secret, DEMO_ORIGIN);
});

test('framing is allowed only for an origin on embed_origins; every other page refuses frames', async ({
  page,
  request,
}) => {
  const ebook = await productByName(request, 'Field Guide to Checkout (e-book)');
  const link = await createLink(request, { products: [ebook.id] });
  const session = await newSession(page, link.client_secret, DEMO_ORIGIN);
  const csp = async (query: string) =>
    (await request.get(`${BACKEND}/checkout/${session.client_secret}${query}`)).headers()['content-security-policy'];

  expect(await csp(`?embed=1&embed_origin=${encodeURIComponent(DEMO_ORIGIN)}`)).toContain(
    `frame-ancestors ${DEMO_ORIGIN}`,
  );
  expect(await csp(`?embed=1&embed_origin=${encodeURIComponent(FOREIGN_ORIGIN)}`)).toContain("frame-ancestors 'none'");
  expect(await csp('')).toContain("frame-ancestors 'none'");
  for (const header of [await csp(''), await csp(`?embed=1&embed_origin=${encodeURIComponent(DEMO_ORIGIN)}`)]) {
    expect(header).toContain("script-src 'self'");
    expect(header).not.toContain("script-src 'self' 'unsafe-inline'");
  }

  // The foreign page asks for itself: the server does not allow it, the frame does not render, nothing is posted.
  await expectRefusedFrame(page, session.client_secret, FOREIGN_ORIGIN);
});

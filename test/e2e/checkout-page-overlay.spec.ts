import { inflateSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { BACKEND, createLink, DEMO_ORIGIN, productByName } from './checkout-page-helpers.ts';

/**
 * Framed by the widget's overlay, the page draws the modal itself: the
 * overlay is a full-viewport frame over a dimmed page, and the checkout page
 * paints a centered card (a full-screen sheet on narrow screens) on a
 * transparent canvas. Inline (`embed_mode=inline`) it stays an opaque page in
 * the flow. The parent here is red, so a transparent canvas shows red.
 */

const RED = [255, 0, 0];

/** A parent on the demo origin framing `frameUrl` over its whole viewport, as the overlay does; it records messages. */
async function frameFullViewport(page: Page, frameUrl: string, colorScheme: string) {
  await page.goto(`${DEMO_ORIGIN}/__overlay-test.html`);
  await page.setContent(`<!doctype html><html><body style="margin:0;background:#f00">
<iframe id="checkout" title="Checkout" src="${frameUrl}"
  style="display:block;position:fixed;inset:0;width:100%;height:100%;border:0;color-scheme:${colorScheme}"></iframe>
<script>
  window.__messages = [];
  addEventListener('message', (e) => window.__messages.push(e.data.type));
</script></body></html>`);
  const frame = page.frameLocator('#checkout');
  await expect(frame.getByLabel('Card number')).toBeVisible();
  return frame;
}

const posted = (page: Page) =>
  page.evaluate(() => (window as unknown as { __messages: string[] }).__messages.filter((t) => t !== 'resize'));

/** The RGB of one screen pixel: a 1×1 PNG screenshot, decoded (8-bit RGB or RGBA, one filtered row). */
async function pixel(page: Page, x: number, y: number): Promise<number[]> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const row = inflateSync(Buffer.concat(idat));
  return [...row.subarray(1, 4)];
}

async function sessionUrl(page: Page, query: string) {
  const ebook = await productByName(page.request, 'Field Guide to Checkout (e-book)');
  const link = await createLink(page.request, { products: [ebook.id] });
  const res = await page.request.post(`${BACKEND}/v1/checkout-links/${link.client_secret}/sessions`, {
    data: { embed_origin: DEMO_ORIGIN },
  });
  const { client_secret } = (await res.json()) as { client_secret: string };
  return `${BACKEND}/checkout/${client_secret}?embed=1&embed_origin=${encodeURIComponent(DEMO_ORIGIN)}${query}`;
}

for (const theme of ['light', 'dark'] as const)
  for (const [how, query, scheme] of [
    ['told the theme', `&theme=${theme}`, theme],
    ['following the system', '', 'light dark'],
  ] as const)
    test(`overlay, ${theme} (${how}): a centered 480 px card on a transparent page`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.emulateMedia({ colorScheme: theme });
      const frame = await frameFullViewport(page, await sessionUrl(page, query), scheme);
      await expect(frame.locator('checkout-page')).toHaveAttribute('overlay', '');
      const card = await frame.locator('checkout-page').boundingBox();
      expect(card?.width).toBe(480);
      expect(card!.x + card!.width / 2).toBe(640);
      expect(card!.height).toBeLessThanOrEqual(800 - 48);
      // Around the card, the parent shows through; on the card, the page's own surface.
      expect(await pixel(page, 20, 20)).toEqual(RED);
      expect(await pixel(page, 1260, 780)).toEqual(RED);
      expect(await pixel(page, 640, card!.y + 8)).not.toEqual(RED);
      // Inner scrolling: the card's content scrolls, the card stays put.
      const scrolls = await frame
        .locator('main.page')
        .evaluate((main) => main.scrollHeight > main.clientHeight && getComputedStyle(main).overflowY === 'auto');
      expect(scrolls).toBe(true);
    });

test('overlay, narrow: a full-screen sheet', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 780 });
  const frame = await frameFullViewport(page, await sessionUrl(page, '&theme=light'), 'light');
  const card = await frame.locator('checkout-page').boundingBox();
  expect([card?.x, card?.y, card?.width]).toEqual([0, 0, 390]);
  expect(card!.height).toBeGreaterThanOrEqual(780);
  expect(await pixel(page, 5, 770)).not.toEqual(RED);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
});

test('overlay: a click outside the card posts close; a press that began inside it does not', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const frame = await frameFullViewport(page, await sessionUrl(page, '&theme=light'), 'light');
  await expect.poll(() => posted(page)).toEqual(['loaded']);
  // Selecting text from the email field out past the card's edge is no request to close.
  const email = await frame.getByLabel('Email').boundingBox();
  await page.mouse.move(email!.x + 10, email!.y + 10);
  await page.mouse.down();
  await page.mouse.move(100, 400, { steps: 4 });
  await page.mouse.up();
  // A click inside the card neither.
  await frame.getByRole('heading', { name: 'Field Guide to Checkout (e-book)' }).first().click();
  expect(await posted(page)).toEqual(['loaded']);
  await page.mouse.click(100, 400);
  await expect.poll(() => posted(page)).toEqual(['loaded', 'close']);
});

test('inline (`embed_mode=inline`): no card, an opaque page in the flow, no close on outside clicks', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const frame = await frameFullViewport(page, await sessionUrl(page, '&theme=light&embed_mode=inline'), 'light');
  await expect(frame.locator('checkout-page')).not.toHaveAttribute('overlay');
  expect((await frame.locator('checkout-page').boundingBox())?.width).toBe(1280);
  expect(await pixel(page, 20, 20)).not.toEqual(RED);
  await page.mouse.click(5, 5);
  await expect.poll(() => posted(page)).toEqual(['loaded']);
});

test('inline follows the host page, not the system: light unless told, no close button, a named main', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const frame = await frameFullViewport(page, await sessionUrl(page, '&embed_mode=inline'), 'light');
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(frame.getByRole('button', { name: 'Close checkout' }), 'inline has nothing to close').toHaveCount(0);
  await expect(frame.getByRole('main', { name: 'Checkout: Demo Shop' })).toBeVisible();
  // Told, it obeys: `theme=auto` is the system's scheme.
  const auto = await frameFullViewport(page, await sessionUrl(page, '&embed_mode=inline&theme=auto'), 'dark');
  await expect(auto.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await pixel(page, 5, 5)).not.toEqual([255, 255, 255]);
});

test('overlay: once the parent focuses the frame, focus is on a control, not the body', async ({ page }) => {
  const frame = await frameFullViewport(page, await sessionUrl(page, ''), 'light');
  await expect(frame.getByRole('button', { name: 'Close checkout' })).toBeVisible();
  // Nothing focused inside (as when the frame's first focus fell in a hidden frame), and the frame unfocused.
  await frame.locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(frame.getByLabel('Email')).not.toBeFocused();
  await page.locator('#checkout').focus();
  await expect(frame.getByLabel('Email')).toBeFocused();
});

import { expect, type Page, test } from '@playwright/test';
import jsQR from 'jsqr';
import { api, launchOfferLink, SUCCEEDS } from './checkout-page-helpers.ts';
import { signInAndWait } from './dashboard-helpers.ts';

/**
 * Link stats and the QR code in a real browser against the real server: a
 * real purchase through the demo link shows up in the stats view (funnel,
 * chart, breakdown) and in the list; the QR code is decoded here with jsQR,
 * not trusted from the encoder.
 */

/** Draws an image (a `data:` URL) on a canvas in the page and answers its RGBA pixels (base64: one string crosses over fast). */
async function pixelsOf(page: Page, src: string) {
  return page.evaluate(async (url) => {
    const img = new Image();
    img.src = url;
    await img.decode();
    const size = 300;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const g = canvas.getContext('2d')!;
    g.imageSmoothingEnabled = false;
    g.drawImage(img, 0, 0, size, size);
    const bytes = g.getImageData(0, 0, size, size).data;
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { data: btoa(binary), size };
  }, src);
}

/** The text of the QR code in an image, read by jsQR (null when none is found). */
async function decodeQr(page: Page, src: string) {
  const { data, size } = await pixelsOf(page, src);
  return jsQR(new Uint8ClampedArray(Buffer.from(data, 'base64')), size, size)?.data ?? null;
}

test('a purchase through the demo link shows in its stats view: funnel, a drawn chart, the campaign row, the list', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(60_000);
  const link = await launchOfferLink(request);
  const source = `e2e-${Date.now()}`;

  // A customer comes from a campaign and pays on the real checkout page.
  const customer = await context.newPage();
  await customer.goto(`${link.url}?utm_source=${source}&utm_campaign=stats-e2e&customer_email=stats@example.com`);
  await expect(customer).toHaveURL(/\/checkout\//);
  await customer.getByLabel('Card number').fill(SUCCEEDS);
  await customer.getByRole('button', { name: /^Pay/ }).click();
  await expect(customer.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  await customer.close();

  const stats = await api(request, 'GET', `/checkout-links/${link.id}/stats`);
  const row = stats.breakdown.utm_source.find((r: { value: string }) => r.value === source);
  expect(row, 'the campaign is in the breakdown').toMatchObject({ sessions: 1, succeeded: 1 });
  expect(row.revenue).toHaveLength(1);

  await signInAndWait(page);
  await page.goto(`/dashboard#/links/${link.id}/stats`);
  await expect(page.getByRole('heading', { name: 'Stats: Launch offer' })).toBeVisible();
  await expect(page.locator('[data-stat="sessions"]')).toHaveText(String(stats.totals.sessions));
  await expect(page.locator('[data-stat="succeeded"]')).toHaveText(String(stats.totals.succeeded));
  await expect(page.locator('[data-stat="conversion"]')).toHaveText(
    `${(stats.totals.conversion_rate * 100).toFixed(1)} %`,
  );
  await expect(page.locator('[data-stat="revenue"]')).toContainText('$');
  expect(stats.totals.succeeded).toBeGreaterThanOrEqual(1);

  // The chart is uPlot's canvas, with pixels drawn on it.
  const canvas = page.locator('.stats-chart canvas');
  await expect(canvas).toHaveCount(1);
  const drawn = await canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return { painted, width: c.width, height: c.height };
  });
  expect(drawn.width).toBeGreaterThan(200);
  expect(drawn.painted, 'the series are drawn').toBeGreaterThan(500);

  const campaignRow = page.locator('table[data-dimension="utm_source"] tr', { hasText: source });
  await expect(campaignRow.locator('td')).toHaveText([source, '1', '1', /^\$\d/]);
  await expect(page.locator('table[data-dimension="utm_campaign"]')).toContainText('stats-e2e');

  // Another period reloads the figures.
  await page.getByRole('button', { name: '7 days' }).click();
  await expect(page.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-stat="sessions"]')).toHaveText(String(stats.totals.sessions));

  // The list shows the same last 30 days beside the link.
  await page
    .getByRole('navigation', { name: 'Products section' })
    .getByRole('link', { name: 'Checkout Links' })
    .click();
  await expect(page.locator(`[data-link-stats="${link.id}"]`)).toContainText(
    new RegExp(`${stats.totals.sessions} sessions? · ${stats.totals.succeeded} sales? · `),
  );
});

test('Share and embed shows a QR code that decodes to the link URL, tagged utm_source=qr or not, as SVG and PNG', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const link = await launchOfferLink(request);
  await signInAndWait(page);
  await page.goto(`/dashboard#/links/${link.id}`);
  const figure = page.locator('figure.qr-code');
  await expect(figure).toBeVisible();
  const tagged = `${link.url}?utm_source=qr`;
  await expect(figure).toHaveAttribute('aria-label', `QR code of ${tagged}`);

  const svgHref = await page.getByRole('link', { name: 'Download SVG' }).getAttribute('href');
  const pngHref = await page.getByRole('link', { name: 'Download PNG' }).getAttribute('href');
  expect(svgHref).toMatch(/^data:image\/svg\+xml/);
  expect(pngHref).toMatch(/^data:image\/png/);
  expect(await decodeQr(page, svgHref!)).toBe(tagged);
  expect(await decodeQr(page, pngHref!)).toBe(tagged);
  // What the page shows is the code of the SVG file: the same path.
  const path = await figure.locator('path').getAttribute('d');
  expect(Buffer.from(svgHref!.split(',')[1]!, 'base64').toString()).toContain(`d="${path}"`);

  await expect(page.locator('a[download="checkout-link-qr.png"]')).toHaveText('Download PNG');
  await expect(page.locator('a[download="checkout-link-qr.svg"]')).toHaveText('Download SVG');

  await page.getByRole('checkbox', { name: /Add utm_source=qr/ }).uncheck();
  await expect(figure).toHaveAttribute('aria-label', `QR code of ${link.url}`);
  const plain = await page.locator('a[download="checkout-link-qr.png"]').getAttribute('href');
  expect(await decodeQr(page, plain!)).toBe(link.url);

  // Scanning it is opening the link: the tagged URL makes a session counted under utm_source=qr.
  const before = await api(request, 'GET', `/checkout-links/${link.id}/stats`);
  const qrRow = (s: any) => s.breakdown.utm_source.find((r: { value: string }) => r.value === 'qr')?.sessions ?? 0;
  const opened = await request.get(tagged, { maxRedirects: 0 });
  expect(opened.status()).toBe(307);
  const after = await api(request, 'GET', `/checkout-links/${link.id}/stats`);
  expect(qrRow(after)).toBe(qrRow(before) + 1);
});

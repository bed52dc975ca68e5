import { expect, test } from '@playwright/test';
import { startReceiver } from '../helpers/webhook-receiver.ts';
import { buyByApi, createProductByApi, managementApi, signInAndWait } from './dashboard-helpers.ts';

test('Settings → Webhooks: add an endpoint, a purchase is delivered, send a test event, redeliver', async ({
  page,
  request,
}) => {
  const receiver = await startReceiver();
  try {
    await signInAndWait(page);
    await page.goto('/dashboard#/settings');
    const section = page.getByRole('region', { name: 'Webhooks' });
    await section.getByLabel('Endpoint URL').fill(receiver.url);
    await section.getByRole('checkbox', { name: 'order.created' }).check();
    await section.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = section.getByRole('textbox', { name: 'Signing secret' });
    await expect(secret).toHaveValue(/^whsec_/);

    const endpoint = section.locator('article', { hasText: receiver.url });
    await expect(endpoint.getByText('Enabled')).toBeVisible();
    await expect(endpoint.getByText('No deliveries yet.')).toBeVisible();

    const product = await createProductByApi(request, `Webhook product ${Date.now()}`);
    await buyByApi(request, product.id, 'hooked@example.com');
    await receiver.waitFor(2);

    const paidRow = endpoint.locator('tr', { hasText: 'order.paid' });
    await expect(async () => {
      await endpoint.getByRole('button', { name: 'Refresh' }).click();
      await expect(paidRow.getByText('succeeded')).toBeVisible({ timeout: 500 });
    }).toPass();
    await expect(paidRow.getByRole('cell', { name: '200', exact: true })).toBeVisible();
    await paidRow.getByText('Payload').click();
    await expect(paidRow.locator('pre')).toContainText('"customer_email": "hooked@example.com"');

    await endpoint.getByRole('button', { name: 'Send test event' }).click();
    await receiver.waitFor(3);
    await expect(async () => {
      await endpoint.getByRole('button', { name: 'Refresh' }).click();
      await expect(endpoint.locator('tr', { hasText: 'webhook.test' }).getByText('succeeded')).toBeVisible({
        timeout: 500,
      });
    }).toPass();

    await paidRow.getByRole('button', { name: 'Redeliver' }).click();
    await receiver.waitFor(4);
    const types = receiver.received.map((r) => JSON.parse(r.body).type);
    expect(types.filter((t) => t === 'order.paid')).toHaveLength(2);
    const ids = receiver.received
      .filter((r) => JSON.parse(r.body).type === 'order.paid')
      .map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size, 'a redelivery keeps the webhook-id').toBe(1);
  } finally {
    await receiver.close();
  }
});

test('Settings → Webhooks: an endpoint that fails 10 deliveries in a row shows as disabled, and why', async ({
  page,
  request,
}) => {
  const receiver = await startReceiver(() => 500);
  try {
    await signInAndWait(page);
    await page.goto('/dashboard#/settings');
    const section = page.getByRole('region', { name: 'Webhooks' });
    await section.getByLabel('Endpoint URL').fill(receiver.url);
    await section.getByRole('button', { name: 'Add endpoint' }).click();
    const endpoint = section.locator('article', { hasText: receiver.url });
    await expect(endpoint.getByText('Enabled')).toBeVisible();
    const id = await endpoint.getAttribute('data-endpoint');
    // Two attempts each (the e2e server retries once, at once).
    for (let i = 0; i < 10; i++) await managementApi(request, 'POST', `/webhooks/endpoints/${id}/test`, {});
    await receiver.waitFor(20);

    await expect(async () => {
      await endpoint.getByRole('button', { name: 'Refresh' }).click();
      await expect(endpoint.getByText('Disabled', { exact: true })).toBeVisible({ timeout: 500 });
    }).toPass();
    await expect(endpoint).toContainText('disabled after 10 failed deliveries in a row');
    await endpoint.getByRole('button', { name: 'Enable' }).click();
    await expect(endpoint.getByText('Enabled')).toBeVisible();
    await expect(endpoint).not.toContainText('failed deliveries in a row');
  } finally {
    await receiver.close();
  }
});

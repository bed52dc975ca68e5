import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { worker } from '../../../mock-server/browser.ts';
import { createHandlers } from '../../../mock-server/handlers.ts';
import { ManagementApi } from '../../../src/dashboard/core/api.ts';
import '../../../src/dashboard/settings/webhooks-section.ts';
import { startMocks } from '../helpers.ts';

/** Settings → Webhooks against the MSW mocks alone: what the no-backend mode answers the dashboard. */
describe('<dash-webhooks-section> on the mocks', () => {
  beforeEach(async () => {
    await startMocks();
    worker.resetHandlers(...createHandlers());
  });

  const fillUrl = (el: HTMLElement, value: string) => {
    const input = el.querySelector<HTMLInputElement>('#webhook-url')!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const button = (root: Element, name: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;

  it('refuses a bad URL by name, adds an endpoint, sends a test event and redelivers it', async () => {
    const el = await fixture<HTMLElement>(
      html`<dash-webhooks-section .api=${new ManagementApi('clat_mock')}></dash-webhooks-section>`,
    );
    await waitUntil(() => el.querySelector('form'));

    fillUrl(el, 'javascript:alert(1)');
    button(el, 'Add endpoint').click();
    await waitUntil(() => el.querySelector('.field-error'), 'the URL is refused');
    expect(el.querySelector('.field-error')!.textContent).to.contain('http(s) URL');

    fillUrl(el, 'https://hooks.example.com/checkout');
    button(el, 'Add endpoint').click();
    await waitUntil(() => el.querySelector('article.webhook-endpoint'), 'the endpoint is listed');
    const secret = el.querySelector<HTMLElement & { value: string }>('dash-copy-field')!;
    expect(secret.value).to.match(/^whsec_/);
    const endpoint = el.querySelector('article.webhook-endpoint')!;
    expect(endpoint.textContent).to.contain('https://hooks.example.com/checkout');
    expect(endpoint.textContent).to.contain('Enabled');
    expect(endpoint.textContent).to.contain('No deliveries yet.');

    button(endpoint, 'Send test event').click();
    await waitUntil(() => el.querySelector('tr[data-delivery]'), 'the test delivery is listed');
    const row = el.querySelector('tr[data-delivery]')!;
    expect(row.textContent).to.contain('webhook.test');
    expect(row.querySelector('.badge')!.textContent).to.equal('succeeded');
    expect(row.querySelector('pre')!.textContent).to.contain('"type": "webhook.test"');

    button(row, 'Redeliver').click();
    await waitUntil(() => el.querySelectorAll('tr[data-delivery]').length === 2, 'the redelivery is listed');

    button(el.querySelector('article.webhook-endpoint')!, 'Disable').click();
    await waitUntil(() => el.querySelector('article.webhook-endpoint')!.textContent!.includes('Disabled'));
  });
});

import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { createCheckout } from '../../../mock-server/data.ts';
import { useStrings } from '../../../src/checkout-page/strings.ts';
import { renderSuccess } from '../../../src/checkout-page/views/outcome-views.ts';
import { en } from '../../../src/i18n/catalogs/en.ts';

// The server inlines the page's catalog; these views are rendered without the page, so they are given English.
useStrings(en);

const paid = (receiptEmail: string | null) =>
  createCheckout((s) => `https://pay.example/checkout/${s}`, {
    status: 'succeeded',
    customer_email: 'ada@example.com',
    order_id: crypto.randomUUID(),
    receipt_email: receiptEmail,
  });

describe('the success state says only what is true about the receipt', () => {
  it('names the address when the server really emails the receipt', async () => {
    const el = await fixture(html`<div>${renderSuccess(paid('ada@example.com'), null)}</div>`);
    const note = el.querySelector('[data-receipt-email]');
    expect(note?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('A receipt is on its way to ada@example.com.');
  });

  it('promises no email when none is sent (no mail server configured)', async () => {
    const el = await fixture(html`<div>${renderSuccess(paid(null), null)}</div>`);
    expect(el.querySelector('[data-receipt-email]')).to.equal(null);
    expect(el.textContent).not.to.match(/on its way|email/i);
  });
});

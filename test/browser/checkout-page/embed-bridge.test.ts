import { expect } from '@open-wc/testing';
import { createEmbedBridge } from '../../../src/checkout-page/embed-bridge.ts';
import { fieldKeyOf } from '../../../src/checkout-page/field-errors.ts';
import { parseDecimalInput } from '../../../src/checkout-page/money.ts';
import { successUrlFor } from '../../../src/checkout-page/success-url.ts';

/** A stand-in parent window that records what is posted to it and where. */
function fakeParent() {
  const posts: { message: unknown; targetOrigin: string }[] = [];
  const parent = { postMessage: (message: unknown, targetOrigin: string) => posts.push({ message, targetOrigin }) };
  return { posts, parent: parent as unknown as Window };
}

describe('checkout page: embed bridge', () => {
  it('posts to the allowed origin only, never to *', () => {
    const { posts, parent } = fakeParent();
    const bridge = createEmbedBridge('https://shop.example', parent);
    bridge.post({ type: 'loaded', checkout_id: 'c1' });
    bridge.post({ type: 'close' });
    expect(posts).to.deep.equal([
      { message: { source: 'checkout-link', type: 'loaded', checkout_id: 'c1' }, targetOrigin: 'https://shop.example' },
      { message: { source: 'checkout-link', type: 'close' }, targetOrigin: 'https://shop.example' },
    ]);
  });

  it('posts nothing when the server refused the origin', () => {
    const { posts, parent } = fakeParent();
    const bridge = createEmbedBridge(null, parent);
    expect(bridge.active).to.equal(false);
    bridge.post({ type: 'loaded', checkout_id: 'c1' });
    expect(posts).to.have.length(0);
  });

  it('drops a message that does not match the protocol', () => {
    const { posts, parent } = fakeParent();
    const bridge = createEmbedBridge('https://shop.example', parent);
    bridge.post({ type: 'resize', height: -1 });
    bridge.post({ type: 'success', checkout_id: 'c1' } as never);
    expect(posts).to.have.length(0);
  });
});

describe('checkout page: small pure helpers', () => {
  it('maps server error locations to field keys', () => {
    expect(fieldKeyOf(['body', 'customer_email'])).to.equal('customer_email');
    expect(fieldKeyOf(['custom_field_data', 'company'])).to.equal('custom_field_data.company');
    expect(fieldKeyOf(['body', 'custom_field_data', 'terms'])).to.equal('custom_field_data.terms');
    expect(fieldKeyOf([])).to.equal(null);
  });

  it('parses typed amounts into minor units without guessing', () => {
    expect(parseDecimalInput('12', 'usd')).to.equal(1200);
    expect(parseDecimalInput('12.5', 'usd')).to.equal(1250);
    expect(parseDecimalInput('$12,50', 'usd')).to.equal(1250);
    expect(parseDecimalInput('1,000.00', 'usd')).to.equal(null);
    expect(parseDecimalInput('12.345', 'usd')).to.equal(null);
    expect(parseDecimalInput('500', 'jpy')).to.equal(500);
  });

  it('fills {CHECKOUT_ID} and refuses non-http success URLs', () => {
    expect(successUrlFor('https://shop.example/thanks?c={CHECKOUT_ID}', 'abc')).to.equal(
      'https://shop.example/thanks?c=abc',
    );
    expect(successUrlFor('javascript:alert(1)', 'abc')).to.equal(null);
    expect(successUrlFor(null, 'abc')).to.equal(null);
  });
});

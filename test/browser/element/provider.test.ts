import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/element/bundle.ts';
import type { CheckoutLinkElement } from '../../../src/element/checkout-link/checkout-link.ts';
import type { CheckoutLinkProviderElement } from '../../../src/element/provider/checkout-link-provider.ts';
import { closeCheckout } from '../../../src/widget/open-checkout.ts';
import {
  deepQuery,
  LINK_URL,
  nextEvent,
  type RecordedRequest,
  recordNavigations,
  resetMocks,
  useMockBackend,
} from '../helpers.ts';

const hrefOf = (el: CheckoutLinkElement) => el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part=button]')!.href;
const queryOf = (el: CheckoutLinkElement) => Object.fromEntries(new URL(hrefOf(el)).searchParams);

describe('<checkout-link-provider>', () => {
  let sessions: RecordedRequest[];
  let navigation: ReturnType<typeof recordNavigations>;
  beforeEach(async () => {
    sessions = await useMockBackend();
    navigation = recordNavigations();
  });
  afterEach(() => {
    closeCheckout();
    resetMocks();
    navigation.restore();
  });

  it("shares theme and prefill defaults with every child; a child's own attributes win", async () => {
    const provider = await fixture<CheckoutLinkProviderElement>(html`
      <checkout-link-provider
        theme="dark"
        .prefill=${{ customer_email: 'team@example.com', utm_medium: 'pricing', custom_field_data: { company: 'Acme' } }}
      >
        <div>
          <checkout-link id="plain" href=${LINK_URL}>Buy</checkout-link>
          <checkout-link id="own" href=${LINK_URL} theme="light" customer-email="ada@example.com" data-custom-field-company="Own Inc."
            >Buy</checkout-link
          >
        </div>
      </checkout-link-provider>
    `);
    const plain = provider.querySelector<CheckoutLinkElement>('#plain')!;
    const own = provider.querySelector<CheckoutLinkElement>('#own')!;
    await plain.updateComplete;
    await own.updateComplete;
    expect(queryOf(plain)).to.deep.equal({
      customer_email: 'team@example.com',
      utm_medium: 'pricing',
      theme: 'dark',
      'custom_field_data.company': 'Acme',
    });
    expect(queryOf(own)).to.deep.equal({
      customer_email: 'ada@example.com',
      utm_medium: 'pricing',
      theme: 'light',
      'custom_field_data.company': 'Own Inc.',
    });
  });

  it('lays out as if it were not there', async () => {
    const provider = await fixture<CheckoutLinkProviderElement>(
      html`<checkout-link-provider><checkout-link href=${LINK_URL}>Buy</checkout-link></checkout-link-provider>`,
    );
    expect(getComputedStyle(provider).display).to.equal('contents');
  });

  it('pushes later changes to its children', async () => {
    const provider = await fixture<CheckoutLinkProviderElement>(
      html`<checkout-link-provider><checkout-link href=${LINK_URL}>Buy</checkout-link></checkout-link-provider>`,
    );
    const child = provider.querySelector('checkout-link')!;
    await child.updateComplete;
    expect(queryOf(child)).to.deep.equal({});
    provider.theme = 'auto';
    provider.prefill = { discount_code: 'LAUNCH20' };
    await provider.updateComplete;
    await child.updateComplete;
    expect(queryOf(child)).to.deep.equal({ discount_code: 'LAUNCH20', theme: 'auto' });
  });

  it('reaches children inside other shadow roots and children added later', async () => {
    const provider = await fixture<CheckoutLinkProviderElement>(
      html`<checkout-link-provider theme="dark"><div id="host"></div></checkout-link-provider>`,
    );
    const root = provider.querySelector('#host')!.attachShadow({ mode: 'open' });
    const child = document.createElement('checkout-link');
    child.href = LINK_URL;
    root.append(child);
    await child.updateComplete;
    expect(queryOf(child)).to.deep.equal({ theme: 'dark' });
  });

  it('lets a child moved to another provider take its defaults and stop hearing the first', async () => {
    const root = await fixture(html`
      <div>
        <checkout-link-provider id="first" theme="dark"><checkout-link href=${LINK_URL}>Buy</checkout-link></checkout-link-provider>
        <checkout-link-provider id="second" theme="light"></checkout-link-provider>
      </div>
    `);
    const first = root.querySelector<CheckoutLinkProviderElement>('#first')!;
    const child = root.querySelector('checkout-link')!;
    await child.updateComplete;
    expect(queryOf(child)).to.deep.equal({ theme: 'dark' });
    root.querySelector('#second')!.append(child);
    await child.updateComplete;
    expect(queryOf(child)).to.deep.equal({ theme: 'light' });
    first.theme = 'auto';
    await first.updateComplete;
    await child.updateComplete;
    expect(queryOf(child)).to.deep.equal({ theme: 'light' });
  });

  it('lets children write link="<client_secret>" with its backend origin', async () => {
    const provider = await fixture<CheckoutLinkProviderElement>(html`
      <checkout-link-provider backend="https://pay.example.com/">
        <checkout-link link="cl_secret_123">Buy</checkout-link>
      </checkout-link-provider>
    `);
    const child = provider.querySelector('checkout-link')!;
    await child.updateComplete;
    expect(child.url).to.equal('https://pay.example.com/v1/checkout-links/cl_secret_123/redirect');
    expect(hrefOf(child)).to.equal('https://pay.example.com/v1/checkout-links/cl_secret_123/redirect');
  });

  it("shares its mode: redirect children navigate; a child's own mode wins", async () => {
    const provider = await fixture<CheckoutLinkProviderElement>(html`
      <checkout-link-provider mode="redirect">
        <checkout-link id="inherits" href=${LINK_URL}>Buy</checkout-link>
        <checkout-link id="overlay" href=${LINK_URL} mode="overlay">Buy</checkout-link>
      </checkout-link-provider>
    `);
    const inherits = provider.querySelector<CheckoutLinkElement>('#inherits')!;
    const overlay = provider.querySelector<CheckoutLinkElement>('#overlay')!;
    await inherits.updateComplete;
    inherits.shadowRoot!.querySelector('a')!.click();
    await waitUntil(() => navigation.urls.length === 1, 'no navigation');
    expect(navigation.urls[0]).to.equal(LINK_URL);
    expect(sessions).to.have.length(0);

    const loaded = nextEvent('loaded', overlay);
    overlay.shadowRoot!.querySelector('a')!.click();
    await loaded;
    expect(sessions).to.have.length(1);
    expect(deepQuery(document, 'dialog[open]')).not.to.equal(null);
  });
});

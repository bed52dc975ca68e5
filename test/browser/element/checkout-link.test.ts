import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/element/bundle.ts';
import { scenarios } from '../../../mock-server/handlers.ts';
import type { CheckoutLinkElement } from '../../../src/element/checkout-link/checkout-link.ts';
import { defineElement } from '../../../src/element/define.ts';
import { closeCheckout } from '../../../src/widget/open-checkout.ts';
import {
  deepQuery,
  FAKE_PAGE,
  framedPage,
  LINK_URL,
  nextEvent,
  type RecordedRequest,
  recordNavigations,
  resetMocks,
  SESSIONS_PATH,
  useMockBackend,
} from '../helpers.ts';

const button = (el: CheckoutLinkElement) => el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part=button]')!;
const query = (el: CheckoutLinkElement) => Object.fromEntries(new URL(button(el).href).searchParams);

const SUCCESS = {
  order_id: 'ord_1',
  subscription_id: null,
  customer_email: 'ada@example.com',
  customer_name: 'Ada',
  success_url: null,
  redirect: false,
};

describe('<checkout-link>', () => {
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

  describe('the rendered link (what works with JavaScript off, Ctrl-click and "copy link")', () => {
    it('is a real anchor to the link URL carrying every prefill attribute', async () => {
      const el = await fixture<CheckoutLinkElement>(html`
        <checkout-link
          href=${LINK_URL}
          product-id="prod_1"
          customer-email="ada@example.com"
          customer-name="Ada Lovelace"
          discount-code="LAUNCH20"
          amount="1500"
          reference-id="ref-9"
          theme="dark"
          locale="ja"
          data-custom-field-company="Acme"
          >Buy now</checkout-link
        >
      `);
      const a = button(el);
      expect(a.getAttribute('part')).to.equal('button');
      expect(a.href.split('?')[0]).to.equal(LINK_URL);
      expect(query(el)).to.deep.equal({
        product_id: 'prod_1',
        customer_email: 'ada@example.com',
        customer_name: 'Ada Lovelace',
        discount_code: 'LAUNCH20',
        amount: '1500',
        reference_id: 'ref-9',
        theme: 'dark',
        locale: 'ja',
        'custom_field_data.company': 'Acme',
      });
      expect(el.textContent).to.equal('Buy now');
      expect(a.querySelector('slot')!.assignedNodes()[0]?.textContent).to.equal('Buy now');
    });

    it('labels itself "Buy" when given no label', async () => {
      const el = await fixture<CheckoutLinkElement>(html`<checkout-link href=${LINK_URL}></checkout-link>`);
      expect(button(el).textContent!.trim()).to.equal('Buy');
    });

    it('takes theme and locale set as properties (as framework wrappers set them)', async () => {
      const el = await fixture<CheckoutLinkElement>(html`<checkout-link href=${LINK_URL}>Buy</checkout-link>`);
      el.locale = 'pt-BR';
      el.theme = 'dark';
      await el.updateComplete;
      expect(query(el)).to.deep.equal({ locale: 'pt-BR', theme: 'dark' });
    });

    it('follows attribute changes', async () => {
      const el = await fixture<CheckoutLinkElement>(
        html`<checkout-link href=${LINK_URL} amount="1000">Give</checkout-link>`,
      );
      el.setAttribute('amount', '2500');
      el.setAttribute('customer-email', 'grace@example.com');
      await el.updateComplete;
      expect(query(el)).to.deep.equal({ amount: '2500', customer_email: 'grace@example.com' });
      el.removeAttribute('amount');
      el.setAttribute('href', `${location.origin}/v1/checkout-links/other/redirect`);
      await el.updateComplete;
      expect(button(el).href).to.equal(
        `${location.origin}/v1/checkout-links/other/redirect?customer_email=grace%40example.com`,
      );
    });

    it('follows property changes, and attributes win over the prefill property', async () => {
      const el = await fixture<CheckoutLinkElement>(
        html`<checkout-link href=${LINK_URL} customer-name="From attribute">Buy</checkout-link>`,
      );
      el.customerEmail = 'ada@example.com';
      el.prefill = {
        customer_name: 'From property',
        discount_code: 'LAUNCH20',
        custom_field_data: { company: 'Acme' },
      };
      await el.updateComplete;
      expect(query(el)).to.deep.equal({
        customer_name: 'From attribute',
        customer_email: 'ada@example.com',
        discount_code: 'LAUNCH20',
        'custom_field_data.company': 'Acme',
      });
    });

    it("carries the page's own campaign query through", async () => {
      const page = location.href;
      history.replaceState(null, '', '?utm_source=newsletter&customer_email=page%40example.com&unrelated=1');
      try {
        const el = await fixture<CheckoutLinkElement>(
          html`<checkout-link href=${LINK_URL} customer-email="own@example.com">Buy</checkout-link>`,
        );
        expect(query(el)).to.deep.equal({ utm_source: 'newsletter', customer_email: 'own@example.com' });
      } finally {
        history.replaceState(null, '', page);
      }
    });

    it("shows and intercepts the merchant's own anchor (progressive enhancement)", async () => {
      const el = await fixture<CheckoutLinkElement>(
        html`<checkout-link href=${LINK_URL}><a href="/no-js-fallback">Buy</a></checkout-link>`,
      );
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
      const opened = nextEvent('open', el);
      const loaded = nextEvent('loaded', el);
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      el.querySelector('a')!.dispatchEvent(click);
      expect(click.defaultPrevented).to.equal(true);
      expect(((await opened) as CustomEvent).detail).to.deep.equal({ url: LINK_URL, mode: 'overlay' });
      // Settled here, so its session request cannot land in the next test's record.
      await loaded;
    });

    it("opens the anchor's URL when it has no href of its own", async () => {
      const el = await fixture<CheckoutLinkElement>(html`<checkout-link><a href=${LINK_URL}>Buy</a></checkout-link>`);
      const opened = nextEvent<CustomEvent>('open', el);
      const loaded = nextEvent('loaded', el);
      el.querySelector('a')!.click();
      expect((await opened).detail.url).to.equal(LINK_URL);
      await loaded;
    });
  });

  describe('a plain click', () => {
    it('fires every event from the element, with its detail, bubbling out of shadow roots', async () => {
      const el = await fixture<CheckoutLinkElement>(
        html`<checkout-link href=${LINK_URL} customer-email="ada@example.com">Buy</checkout-link>`,
      );
      const heard: CustomEvent[] = [];
      const names = ['open', 'loaded', 'confirmed', 'success', 'close', 'error'];
      const record = (e: Event) => heard.push(e as CustomEvent);
      for (const n of names) document.addEventListener(`checkout-link:${n}`, record);
      try {
        const loaded = nextEvent('loaded', el);
        button(el).click();
        expect(el.open).to.equal(true);
        expect(el.loading).to.equal(true);
        await el.updateComplete;
        expect(el.hasAttribute('loading')).to.equal(true);
        expect(el.hasAttribute('open')).to.equal(true);
        const frame = await framedPage();
        await loaded;
        expect(el.loading).to.equal(false);
        expect(el.hasAttribute('open')).to.equal(true);
        expect(new URL(frame.src).pathname).to.equal(FAKE_PAGE);

        const confirmed = nextEvent('confirmed', el);
        frame.contentWindow.send('confirmed');
        await confirmed;
        const succeeded = nextEvent('success', el);
        frame.contentWindow.send('success', SUCCESS);
        await succeeded;
        const closed = nextEvent('close', el);
        el.close();
        await closed;
        await el.updateComplete;
        expect(el.open).to.equal(false);
        expect(el.hasAttribute('open')).to.equal(false);
      } finally {
        for (const n of names) document.removeEventListener(`checkout-link:${n}`, record);
      }

      expect(heard.map((e) => e.type)).to.deep.equal([
        'checkout-link:open',
        'checkout-link:loaded',
        'checkout-link:confirmed',
        'checkout-link:success',
        'checkout-link:close',
      ]);
      for (const e of heard) {
        expect(e.target, e.type).to.equal(el);
        expect(e.bubbles && e.composed, e.type).to.equal(true);
      }
      expect(heard[0]?.cancelable).to.equal(true);
      expect(heard[0]?.detail).to.deep.equal({ url: LINK_URL, mode: 'overlay' });
      expect(heard[1]?.detail).to.deep.equal({ checkout_id: 'co_test' });
      expect(heard[2]?.detail).to.deep.equal({ checkout_id: 'co_test' });
      expect(heard[3]?.cancelable).to.equal(true);
      const { redirect: _r, ...successDetail } = SUCCESS;
      expect(heard[3]?.detail).to.deep.equal({ checkout_id: 'co_test', ...successDetail });

      expect(sessions).to.have.length(1);
      expect(new URL(sessions[0]!.url).pathname).to.equal(SESSIONS_PATH);
      expect(sessions[0]?.body).to.deep.equal({
        customer_email: 'ada@example.com',
        embed_origin: location.origin,
      });
      expect(navigation.urls).to.deep.equal([]);
    });

    it('gives the focus back to its link when the overlay closes (delegatesFocus)', async () => {
      const el = await fixture<CheckoutLinkElement>(html`<checkout-link href=${LINK_URL}>Buy</checkout-link>`);
      const loaded = nextEvent('loaded', el);
      button(el).click();
      await loaded;
      expect(el.shadowRoot!.activeElement).to.equal(null);
      const closed = nextEvent('close', el);
      el.close();
      await closed;
      expect(document.activeElement).to.equal(el);
      expect(el.shadowRoot!.activeElement).to.equal(button(el));
    });

    it('does nothing when checkout-link:open is canceled', async () => {
      const el = await fixture<CheckoutLinkElement>(html`<checkout-link href=${LINK_URL}>Buy</checkout-link>`);
      el.addEventListener('checkout-link:open', (e) => e.preventDefault(), { once: true });
      const result = await el.show();
      expect(result.status).to.equal('closed');
      expect(sessions).to.have.length(0);
      expect(deepQuery(document, 'dialog')).to.equal(null);
      expect(el.open).to.equal(false);
    });

    it('fires checkout-link:error with a code and says it in the overlay when the session cannot be created', async () => {
      resetMocks();
      sessions = await useMockBackend(scenarios.linkNotFound());
      const el = await fixture<CheckoutLinkElement>(
        html`<checkout-link href=${LINK_URL} amount="1500">Buy</checkout-link>`,
      );
      const failed = nextEvent<CustomEvent>('error', el);
      button(el).click();
      const error = await failed;
      expect(error.detail.code).to.equal('link_not_found');
      expect(error.detail.message).to.be.a('string').and.not.equal('');
      expect(error.composed && error.bubbles).to.equal(true);
      // The event's message is the API's, for developers; the card says it in the customer's words.
      expect(deepQuery(document, 'dialog[open] [role=status]')?.textContent).to.equal(
        'This checkout link does not exist',
      );
      expect(deepQuery(document, 'dialog span>a')?.getAttribute('href')).to.equal(`${LINK_URL}?amount=1500`);
      expect(navigation.urls).to.deep.equal([]);
      await el.updateComplete;
      expect(el.loading, 'not loading any more: the overlay says what happened').to.equal(false);
      el.close();
    });

    it('a network failure: Try again in the overlay, then a plain link to the checkout', async () => {
      resetMocks();
      sessions = await useMockBackend(scenarios.networkError());
      const el = await fixture<CheckoutLinkElement>(html`<checkout-link href=${LINK_URL}>Buy</checkout-link>`);
      const failed = nextEvent<CustomEvent>('error', el);
      button(el).click();
      expect((await failed).detail.code).to.equal('network');
      expect(deepQuery(document, 'dialog span>button')?.textContent).to.equal('Try again');
      expect(deepQuery(document, 'dialog span>a')?.getAttribute('href')).to.equal(LINK_URL);
      expect(navigation.urls).to.deep.equal([]);
      el.close();
    });
  });

  describe('clicks that are not plain', () => {
    for (const [name, init] of [
      ['Ctrl-click', { ctrlKey: true }],
      ['Cmd-click', { metaKey: true }],
      ['Shift-click', { shiftKey: true }],
      ['Alt-click', { altKey: true }],
      ['middle click', { button: 1 }],
    ] as const) {
      it(`leaves a ${name} to the browser`, async () => {
        const el = await fixture<CheckoutLinkElement>(html`<checkout-link href=${LINK_URL}>Buy</checkout-link>`);
        let opened = false;
        el.addEventListener('checkout-link:open', () => {
          opened = true;
        });
        let preventedByElement: boolean | undefined;
        // Runs after the element's own listener; then stops the test page from navigating.
        const observe = (e: Event) => {
          preventedByElement = e.defaultPrevented;
          e.preventDefault();
        };
        document.addEventListener('click', observe, { once: true });
        button(el).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, ...init }));
        expect(preventedByElement, 'the element prevented the default action').to.equal(false);
        expect(opened).to.equal(false);
        expect(sessions).to.have.length(0);
      });
    }
  });

  describe('modes', () => {
    it('redirect: a click goes to the link URL with the prefill, after a cancelable open event', async () => {
      const el = await fixture<CheckoutLinkElement>(
        html`<checkout-link href=${LINK_URL} mode="redirect" product-id="prod_2">Buy</checkout-link>`,
      );
      const opened = nextEvent<CustomEvent>('open', el);
      button(el).click();
      expect((await opened).detail).to.deep.equal({ url: LINK_URL, mode: 'redirect' });
      await waitUntil(() => navigation.urls.length === 1, 'no navigation');
      expect(navigation.urls[0]).to.equal(`${LINK_URL}?product_id=prod_2`);
      expect(sessions).to.have.length(0);
    });

    it('inline: renders the checkout in place and fires its events from the element', async () => {
      const opened = nextEvent<CustomEvent>('open', document);
      const loaded = nextEvent<CustomEvent>('loaded', document);
      const el = await fixture<CheckoutLinkElement>(
        html`<checkout-link href=${LINK_URL} mode="inline" customer-email="ada@example.com"></checkout-link>`,
      );
      expect((await opened).detail).to.deep.equal({ url: LINK_URL, mode: 'inline' });
      expect((await opened).target).to.equal(el);
      const container = el.shadowRoot!.querySelector('[part=frame]')!;
      const frame = await framedPage(container, 'iframe');
      expect(new URL(frame.src).pathname).to.equal(FAKE_PAGE);
      expect(new URL(frame.src).searchParams.get('embed_origin')).to.equal(location.origin);
      expect((await loaded).target).to.equal(el);
      // The frame sits at the top of the element: the loading text's margin stays inside the card.
      expect(frame.getBoundingClientRect().top).to.equal(el.getBoundingClientRect().top);
      expect(el.shadowRoot!.querySelector('a[part=button]')).to.equal(null);
      expect(deepQuery(document, 'dialog')).to.equal(null);
      expect(sessions[0]?.body.customer_email).to.equal('ada@example.com');

      const succeeded = nextEvent<CustomEvent>('success', el);
      frame.contentWindow.send('success', SUCCESS);
      expect((await succeeded).detail.order_id).to.equal('ord_1');
    });

    it('inline: a new href mounts a new checkout; removing the element unmounts it', async () => {
      const el = await fixture<CheckoutLinkElement>(
        html`<checkout-link href=${LINK_URL} mode="inline"></checkout-link>`,
      );
      const container = el.shadowRoot!.querySelector('[part=frame]')!;
      await framedPage(container, 'iframe');
      el.setAttribute('href', `${location.origin}/v1/checkout-links/second/redirect`);
      await waitUntil(() => sessions.length === 2, 'no second session');
      expect(new URL(sessions[1]!.url).pathname).to.equal('/v1/checkout-links/second/sessions');
      el.remove();
      expect(container.querySelector('iframe')).to.equal(null);
    });
  });

  it('warms up the backend on hover, without creating a session', async () => {
    const href = 'http://warm-up.invalid/v1/checkout-links/x/redirect';
    const el = await fixture<CheckoutLinkElement>(html`<checkout-link href=${href}>Buy</checkout-link>`);
    el.dispatchEvent(new PointerEvent('pointerenter'));
    // The hints come with the frame runtime (inlined here, still imported: a promise later).
    await waitUntil(() => document.querySelector('iframe[src="http://warm-up.invalid/checkout/warm"]'), 'no hints');
    const hints = [...document.head.querySelectorAll<HTMLLinkElement>('link[href^="http://warm-up.invalid"]')];
    expect(hints.map((l) => l.rel)).to.include('preconnect');
    const frame = document.querySelector<HTMLIFrameElement>('iframe[src="http://warm-up.invalid/checkout/warm"]');
    expect(frame?.hidden).to.equal(true);
    expect(sessions).to.have.length(0);
    for (const hint of [...hints, frame]) hint?.remove();
  });

  it('is registered once: a second bundle defining it again is harmless', () => {
    const registered = customElements.get('checkout-link');
    expect(() => defineElement('checkout-link', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('checkout-link')).to.equal(registered);
    expect(customElements.get('checkout-link-provider')).to.be.a('function');
  });
});

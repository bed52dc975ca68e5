import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { worker } from '../../../mock-server/browser.ts';
import type { CheckoutLinkApi } from '../../../src/embed/embed.ts';
import { withPrefill } from '../../../src/widget/build-prefill.ts';
import {
  LINK_URL,
  nextEvent,
  overlay,
  recordEvents,
  recordNavigations,
  startMocks,
  until,
  useFakeCheckout,
} from '../helpers.ts';

const api = () => window.CheckoutLink as CheckoutLinkApi;

/** Adds markup to the page (static test strings only). */
function add(html: string) {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  document.body.append(holder);
  return holder;
}

describe('embed.js snippet', () => {
  let nav: ReturnType<typeof recordNavigations>;
  let log: ReturnType<typeof recordEvents>;
  const cleanup: Element[] = [];

  before(async () => {
    await startMocks();
    // Loaded twice, as a page with two script tags would: a second module instance of the snippet.
    await import('../../../src/embed/embed.ts');
    await import('../../../src/embed/embed.ts?second-copy' as string);
  });
  beforeEach(() => {
    nav = recordNavigations();
    log = recordEvents();
  });
  afterEach(() => {
    api().close();
    nav.restore();
    log.stop();
    for (const el of cleanup.splice(0)) el.remove();
    worker.resetHandlers();
  });

  it('warms up on hover: a preconnect and a hidden frame of the backend fetching the page files, once per origin, no session', async () => {
    const holder = add(`<button data-checkout-link="${LINK_URL}">Buy</button>`);
    cleanup.push(holder);
    const button = holder.querySelector('button') as HTMLButtonElement;
    const origin = location.origin;
    const hints = () => [
      ...[...document.head.querySelectorAll<HTMLLinkElement>('link[rel=preconnect]')].map(
        (l) => `${l.rel} ${l.href} ${l.crossOrigin}`,
      ),
      ...[...document.querySelectorAll<HTMLIFrameElement>(`iframe[src^="${origin}/checkout/warm"]`)].map(
        (f) => `frame ${f.src} hidden=${f.hidden}`,
      ),
    ];
    expect(hints()).to.deep.equal([]);
    button.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    button.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    // The hints come with the frame runtime the warm-up loads.
    await until(() => hints().length, 'the hints');
    expect(hints()).to.deep.equal([`preconnect ${origin}/ anonymous`, `frame ${origin}/checkout/warm hidden=true`]);
    expect(log.names()).to.deep.equal([]);
  });

  it('exposes one window.CheckoutLink with open, close and on', () => {
    expect(Object.keys(api()).sort()).to.deep.equal(['close', 'on', 'open']);
    for (const fn of Object.values(api())) expect(fn).to.be.a('function');
  });

  it('a data-checkout-link button opens the overlay once, with its data-* prefill (loaded twice, wired once)', async () => {
    useFakeCheckout('ready');
    const holder = add(
      `<button data-checkout-link="${LINK_URL}" data-customer-email="ada@example.com" data-custom-field-company="Acme">Buy</button>`,
    );
    cleanup.push(holder);
    const button = holder.querySelector('button') as HTMLButtonElement;
    const loaded = nextEvent('loaded');
    button.click();
    expect(overlay()?.open).to.equal(true);
    expect((await loaded).target).to.equal(button);
    expect(log.names()).to.deep.equal(['open', 'loaded']);
    expect(document.querySelectorAll('checkout-link-overlay').length).to.equal(1);
  });

  it('buttons added after load work (event delegation)', async () => {
    useFakeCheckout('ready');
    await new Promise(requestAnimationFrame);
    const holder = add(`<span><button data-checkout-link="${LINK_URL}"><b>Buy later</b></button></span>`);
    cleanup.push(holder);
    const loaded = nextEvent('loaded');
    (holder.querySelector('b') as HTMLElement).click();
    await loaded;
    expect(overlay()?.open).to.equal(true);
  });

  it('anchors keep their own href (the no-JS URL); an href-less one gets none filled in, and a click still opens', async () => {
    useFakeCheckout('ready');
    const holder = add(
      `<a id=kept href="/buy-page" data-checkout-link="${LINK_URL}">Buy</a>` +
        `<a id=bare data-checkout-link="${LINK_URL}" data-amount="1500">Buy</a>`,
    );
    cleanup.push(holder);
    await new Promise(requestAnimationFrame);
    expect(holder.querySelector('#kept')?.getAttribute('href')).to.equal('/buy-page');
    const bare = holder.querySelector('#bare') as HTMLAnchorElement;
    expect(bare.hasAttribute('href')).to.equal(false);
    const loaded = nextEvent('loaded');
    bare.click();
    expect((await loaded).target).to.equal(bare);
    expect(log.names()).to.deep.equal(['open', 'loaded']);
  });

  it('modified and middle clicks behave as on any link', () => {
    const holder = add(`<a href="#not-followed" data-checkout-link="${LINK_URL}">Buy</a>`);
    cleanup.push(holder);
    const anchor = holder.querySelector('a') as HTMLAnchorElement;
    for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { button: 1 }]) {
      let preventedBySnippet: boolean | undefined;
      // The window sees the click after the snippet's document listener; then it stops the real navigation.
      const last = (e: Event) => {
        preventedBySnippet = e.defaultPrevented;
        e.preventDefault();
      };
      window.addEventListener('click', last, { once: true });
      anchor.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
      expect(preventedBySnippet, JSON.stringify(init)).to.equal(false);
    }
    expect(log.names()).to.deep.equal([]);
    expect(overlay()).to.equal(null);
  });

  it('data-mode="redirect" goes to the link URL with the prefill', () => {
    const holder = add(
      `<button data-checkout-link="${LINK_URL}" data-mode="redirect" data-discount-code="LAUNCH20">Buy</button>`,
    );
    cleanup.push(holder);
    (holder.querySelector('button') as HTMLButtonElement).click();
    expect(nav.urls).to.deep.equal([withPrefill(LINK_URL, { discount_code: 'LAUNCH20' })]);
    expect(overlay()).to.equal(null);
  });

  it('CheckoutLink.open settles (closed), and on() hears events until unsubscribed', async () => {
    useFakeCheckout('ready');
    const heard: string[] = [];
    const off = api().on('loaded', (e) => heard.push(e.type));
    const offClose = api().on('checkout-link:close', (e) => heard.push(e.type));
    const loaded = nextEvent('loaded');
    const result = api().open(LINK_URL);
    await loaded;
    api().close();
    expect(await result).to.deep.equal({ status: 'closed' });
    expect(heard).to.deep.equal(['checkout-link:loaded', 'checkout-link:close']);
    off();
    offClose();
    const again = api().open(LINK_URL, { mode: 'redirect' });
    expect((await again).status).to.equal('redirected');
    expect(heard).to.have.length(2);
  });

  it('CheckoutLink.open: a session that cannot be created is said in the overlay; closing settles `error`', async () => {
    const { scenarios } = await import('../../../mock-server/handlers.ts');
    worker.use(...scenarios.networkError());
    const errored = nextEvent('error');
    const result = api().open(LINK_URL, { prefill: { customer_name: 'Ada' } });
    expect((await errored).detail.code).to.equal('network');
    expect(overlay()?.querySelector('span>a')?.getAttribute('href')).to.equal(
      withPrefill(LINK_URL, { customer_name: 'Ada' }),
    );
    api().close();
    expect(await result).to.deep.equal({ status: 'error', detail: { code: 'network', message: 'network' } });
    expect(nav.urls, 'no navigation of its own').to.deep.equal([]);
  });

  it('loads the element bundle only once a <checkout-link> is on the page', async () => {
    // The bundle, answered by the mocks: a module that counts its own runs.
    let requests = 0;
    worker.use(
      http.get('*/checkout-link.js', () => {
        requests++;
        return new HttpResponse('globalThis.bundleRuns = (globalThis.bundleRuns ?? 0) + 1;', {
          headers: { 'content-type': 'text/javascript' },
        });
      }),
    );
    const runs = () => (globalThis as { bundleRuns?: number }).bundleRuns ?? 0;
    await new Promise(requestAnimationFrame);
    expect(requests, 'no request before a <checkout-link> is on the page').to.equal(0);
    const holder = add('<checkout-link href="x">Buy</checkout-link>');
    cleanup.push(holder);
    await until(() => runs(), 'the element bundle to run');
    add('<checkout-link href="y">Buy</checkout-link>');
    await new Promise(requestAnimationFrame);
    expect([requests, runs()]).to.deep.equal([1, 1]);
  });
});

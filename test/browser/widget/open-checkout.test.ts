import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http } from 'msw';
import { scenarios } from '../../../mock-server/handlers.ts';
import { withPrefill } from '../../../src/widget/build-prefill.ts';
import { forgetSessions } from '../../../src/widget/frame.ts';
import { loadFrame, setFrameLoader } from '../../../src/widget/frame-loader.ts';
import { closeCheckout, openCheckout } from '../../../src/widget/open-checkout.ts';
import {
  captureSessions,
  cardAction,
  cardClose,
  cardLink,
  FAKE_PAGE,
  framedPage,
  frameWindow,
  LINK_URL,
  nextEvent,
  overlay,
  recordEvents,
  recordNavigations,
  startMocks,
  until,
  useFakeCheckout,
  worker,
} from '../helpers.ts';

const SUCCESS = {
  order_id: '0b5b6f1e-8a4e-4a8e-9d0e-2f7f3c1c9a11',
  subscription_id: null,
  customer_email: 'ada@example.com',
  customer_name: 'Ada',
  success_url: 'https://shop.example/thanks',
};

describe('openCheckout (overlay)', () => {
  let nav: ReturnType<typeof recordNavigations>;
  let log: ReturnType<typeof recordEvents>;
  let button: HTMLButtonElement;

  before(startMocks);
  beforeEach(() => {
    nav = recordNavigations();
    log = recordEvents();
    button = document.createElement('button');
    button.textContent = 'Buy';
    document.body.append(button);
    button.focus();
  });
  afterEach(() => {
    closeCheckout();
    nav.restore();
    log.stop();
    button.remove();
    worker.resetHandlers();
    forgetSessions();
  });

  it('shows a labelled full-viewport modal dialog at once, then the page on `loaded`; locks scroll; close returns focus', async () => {
    useFakeCheckout('ready');
    const loaded = nextEvent('loaded');
    const result = openCheckout(LINK_URL, { source: button });
    const dialog = overlay() as HTMLDialogElement;
    expect(dialog, 'dialog shown synchronously').to.exist;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-label')).to.equal('Checkout');
    const status = dialog.querySelector('[role=status]') as HTMLElement;
    expect(status.textContent, 'no words while loading: none to translate').to.equal('');
    const progress = dialog.querySelector('progress') as HTMLProgressElement;
    expect(progress.getAttribute('aria-label')).to.equal('Checkout');
    expect(progress.position, 'indeterminate: announced as busy').to.equal(-1);
    expect(getComputedStyle(progress).display).to.not.equal('none');
    expect(
      // biome-ignore lint/performance/useDomNodeTextContent: what shows, which innerText alone tells (hidden choices are in textContent).
      (dialog.firstElementChild as HTMLElement).innerText.trim(),
      'only the close button shows a character',
    ).to.equal('×');
    const closeButton = cardClose();
    expect(closeButton?.textContent).to.equal('×');
    expect((dialog.getRootNode() as ShadowRoot).activeElement === closeButton, 'the modal focuses its close button').to
      .be.true;
    expect(getComputedStyle(closeButton as Element).visibility, 'own close button while loading').to.equal('visible');
    expect(dialog.id, 'loading').to.equal('l');
    expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
    // The page draws the card: the dialog is a transparent layer over the whole viewport, dimmed by its backdrop.
    const box = dialog.getBoundingClientRect();
    expect([box.left, box.top, box.width, box.height]).to.deep.equal([0, 0, innerWidth, innerHeight]);
    expect(getComputedStyle(dialog).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(getComputedStyle(dialog, '::backdrop').backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');

    const event = await loaded;
    expect(event.target).to.equal(button);
    expect(event.detail.checkout_id).to.match(/^cs_/);
    expect(dialog.id, 'ready').to.equal('r');
    const iframe = dialog.querySelector('iframe') as HTMLIFrameElement;
    expect(iframe.title).to.equal('Checkout');
    expect(iframe.allow).to.equal('payment');
    const frameBox = iframe.getBoundingClientRect();
    expect([frameBox.width, frameBox.height]).to.deep.equal([innerWidth, innerHeight]);
    expect(getComputedStyle(iframe).visibility).to.equal('visible');
    const src = new URL(iframe.src);
    expect(src.searchParams.get('embed')).to.equal('1');
    expect(src.searchParams.get('embed_origin')).to.equal(location.origin);
    expect(src.searchParams.has('embed_mode'), 'an overlay: the page draws the card').to.equal(false);
    // The page has its own close button now; the loading text and the overlay's own button step aside.
    expect(status.checkVisibility()).to.equal(false);
    expect((closeButton as Element).checkVisibility()).to.equal(false);

    (await framedPage()).contentWindow.send('close');
    expect(await result).to.deep.equal({ status: 'closed' });
    expect(overlay()).to.equal(null);
    expect(document.activeElement).to.equal(button);
    expect(getComputedStyle(document.documentElement).overflow).to.not.equal('hidden');
    expect(log.names()).to.deep.equal(['open', 'loaded', 'close']);
    expect(log.events.every((e) => e.bubbles && e.composed)).to.equal(true);
    expect(nav.urls).to.deep.equal([]);
  });

  it("the overlay's own close button closes it while the page is loading", async () => {
    useFakeCheckout('silent');
    const result = openCheckout(LINK_URL, { source: button, refusedGrace: 60_000 });
    await framedPage();
    cardClose()?.click();
    expect(await result).to.deep.equal({ status: 'closed' });
    expect(overlay()).to.equal(null);
    expect(document.activeElement).to.equal(button);
    expect(log.names()).to.deep.equal(['open', 'close']);
  });

  it('Escape closes it and focus returns to the button', async () => {
    useFakeCheckout('silent');
    const result = openCheckout(LINK_URL, { source: button, refusedGrace: 60_000 });
    await until(() => overlay()?.open, 'the overlay');
    await sendKeys({ press: 'Escape' });
    expect((await result).status).to.equal('closed');
    expect(overlay()).to.equal(null);
    expect(document.activeElement).to.equal(button);
    expect(log.names()).to.deep.equal(['open', 'close']);
  });

  it('sends the prefill and embed_origin, and the theme goes to the page URL', async () => {
    useFakeCheckout('ready');
    const sessions = captureSessions();
    const loaded = nextEvent('loaded');
    openCheckout(`${LINK_URL}?discount_code=LAUNCH20`, {
      source: button,
      theme: 'dark',
      prefill: { customer_email: 'ada@example.com', custom_field_data: { company: 'Acme' } },
    });
    await loaded;
    expect(sessions.map((s) => s.body)).to.deep.equal([
      {
        discount_code: 'LAUNCH20',
        customer_email: 'ada@example.com',
        'custom_field_data.company': 'Acme',
        theme: 'dark',
        embed_origin: location.origin,
      },
    ]);
    expect(new URL(overlay()?.querySelector('iframe')?.src ?? '').searchParams.get('theme')).to.equal('dark');
    // The frame's color scheme is the page's (dark): Chromium keeps the page's transparent canvas see-through.
    expect(getComputedStyle(overlay()?.querySelector('iframe') as Element).colorScheme).to.equal('dark');
  });

  it('writes the card in the dark theme light on dark once the runtime styled it, not in the host page’s default black', async () => {
    useFakeCheckout('ready');
    const loaded = nextEvent('loaded');
    openCheckout(LINK_URL, { source: button, theme: 'dark' });
    await loaded;
    const card = overlay()?.firstElementChild as HTMLElement;
    const { color, backgroundColor } = getComputedStyle(card);
    const luminance = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, c) => sum + Number(c), 0);
    expect(luminance(color), `${color} on ${backgroundColor}`).to.be.greaterThan(luminance(backgroundColor) + 300);
    closeCheckout();
  });

  for (const [theme, scheme] of [
    ['light', 'light'],
    ['auto', 'light dark'],
    [undefined, 'light dark'],
  ] as const)
    it(`theme ${theme}: the frame's color scheme is \`${scheme}\`, as the page's own`, async () => {
      useFakeCheckout('silent');
      openCheckout(LINK_URL, { source: button, theme, refusedGrace: 60_000 });
      await framedPage();
      expect(getComputedStyle(overlay()?.querySelector('iframe') as Element).colorScheme).to.equal(scheme);
    });

  it('a payment in progress (`confirmed`) blocks Escape, the close button and `close`; `success` redirects', async () => {
    useFakeCheckout('ready');
    const loaded = nextEvent('loaded');
    const result = openCheckout(LINK_URL, { source: button });
    await loaded;
    const page = (await framedPage()).contentWindow;
    const confirmed = nextEvent('confirmed');
    page.send('confirmed');
    expect((await confirmed).detail).to.deep.equal({ checkout_id: (await loaded).detail.checkout_id });
    cardClose()?.click();
    button.focus();
    await sendKeys({ press: 'Escape' });
    const success = nextEvent('success');
    page.send('close');
    page.send('success', { ...SUCCESS, redirect: true });
    const event = await success;
    expect(overlay(), 'taken down to redirect').to.equal(null);
    expect(event.cancelable).to.equal(true);
    expect(event.detail).to.deep.equal({ checkout_id: event.detail.checkout_id, ...SUCCESS });
    expect(await result).to.deep.equal({ status: 'success', detail: event.detail });
    expect(nav.urls).to.deep.equal([SUCCESS.success_url]);
    expect(log.names()).to.deep.equal(['open', 'loaded', 'confirmed', 'success', 'close']);
  });

  it('canceling `:success` stops the redirect and keeps the overlay (showing the page’s success state)', async () => {
    useFakeCheckout('ready');
    const loaded = nextEvent('loaded');
    const result = openCheckout(LINK_URL, { source: button });
    await loaded;
    button.addEventListener('checkout-link:success', (e) => e.preventDefault(), { once: true });
    (await framedPage()).contentWindow.send('success', { ...SUCCESS, redirect: true });
    expect((await result).status).to.equal('success');
    expect(nav.urls).to.deep.equal([]);
    expect(overlay()?.open).to.equal(true);
  });

  it('canceling `:open` keeps it closed', async () => {
    useFakeCheckout('ready');
    button.addEventListener('checkout-link:open', (e) => e.preventDefault(), { once: true });
    expect(await openCheckout(LINK_URL, { source: button })).to.deep.equal({ status: 'closed' });
    expect(overlay()).to.equal(null);
    expect(log.names()).to.deep.equal(['open']);
  });

  it('mode redirect goes to the link URL with the prefill', async () => {
    const result = await openCheckout(LINK_URL, { source: button, mode: 'redirect', prefill: { amount: 1500 } });
    expect(result.status).to.equal('redirected');
    expect(nav.urls).to.deep.equal([withPrefill(LINK_URL, { amount: 1500 })]);
    expect(overlay()).to.equal(null);
  });

  it('closeCheckout() closes it from code with `:close`', async () => {
    useFakeCheckout('ready');
    const loaded = nextEvent('loaded');
    const result = openCheckout(LINK_URL, { source: button });
    await loaded;
    closeCheckout();
    expect((await result).status).to.equal('closed');
    expect(log.names()).to.deep.equal(['open', 'loaded', 'close']);
  });

  it('a `loaded` from another session (the page restarted an expired one) fires `:loaded` again; a repeat does not', async () => {
    useFakeCheckout('ready');
    const first = nextEvent('loaded');
    openCheckout(LINK_URL, { source: button });
    const firstId = (await first).detail.checkout_id;
    const page = (await framedPage()).contentWindow;
    page.send('loaded');
    const again = nextEvent('loaded');
    page.send('loaded', { checkout_id: 'cs_restarted' });
    expect((await again).detail.checkout_id).to.equal('cs_restarted');
    expect(firstId).to.not.equal('cs_restarted');
    expect(log.names()).to.deep.equal(['open', 'loaded', 'loaded']);
  });

  describe('a failure stays in the overlay, with Try again and a plain link (never a dead button)', () => {
    const prefill = { customer_email: 'ada@example.com' };
    const cases = [
      {
        scenario: 'linkNotFound',
        code: 'link_not_found',
        words: 'This checkout link does not exist',
        use: () => worker.use(...scenarios.linkNotFound()),
      },
      {
        scenario: 'expired',
        code: 'link_unavailable',
        words: 'This product is no longer available',
        use: () => worker.use(...scenarios.expired()),
      },
      {
        scenario: 'serverError',
        code: 'server',
        words: 'The checkout ran into a problem. Please try again in a moment.',
        use: () => worker.use(...scenarios.serverError()),
      },
      {
        scenario: 'networkError',
        code: 'network',
        words: 'The checkout could not be reached.',
        use: () => worker.use(...scenarios.networkError()),
      },
      {
        scenario: 'frame loads but never says `loaded` (refused frame)',
        code: 'frame_refused',
        words: 'The checkout could not be shown here.',
        use: () => useFakeCheckout('silent'),
        options: { timeout: 60_000, refusedGrace: 100 },
        session: true,
      },
    ];
    for (const c of cases)
      it(`${c.scenario} → :error ${c.code}, the card says it; Try again starts over; closing settles \`error\``, async () => {
        c.use();
        const errored = nextEvent('error');
        const result = openCheckout(LINK_URL, { source: button, prefill, ...c.options });
        const error = await errored;
        expect(error.target).to.equal(button);
        expect(error.detail.code).to.equal(c.code);
        expect(error.detail.message).to.be.a('string').and.not.empty;
        const dialog = overlay() as HTMLDialogElement;
        expect(dialog.id, 'the failed state').to.equal('e');
        expect(dialog.querySelector('[role=status]')?.textContent).to.equal(c.words);
        expect(cardAction()?.textContent).to.equal('Try again');
        expect(cardAction()?.checkVisibility()).to.equal(true);
        // The plain link: the session's own page once one was made (no second session), else the link URL.
        const href = cardLink()?.href ?? '';
        if (c.session) expect(href).to.match(/fake-checkout\.html/);
        else expect(href).to.equal(withPrefill(LINK_URL, prefill));
        expect(cardLink()?.checkVisibility()).to.equal(true);
        expect(nav.urls, 'no navigation of its own').to.deep.equal([]);

        // Try again with a working backend: the checkout comes up in the same overlay.
        worker.resetHandlers();
        useFakeCheckout('ready');
        const loaded = nextEvent('loaded');
        cardAction()?.click();
        expect(dialog.id).to.equal('l');
        await loaded;
        expect(dialog.id).to.equal('r');
        closeCheckout();
        expect(await result).to.deep.equal({ status: 'closed' });
        expect(log.names()).to.deep.equal(['open', 'error', 'loaded', 'close']);
      });

    it("the card speaks the checkout's language: the answer's words, its lang and direction", async () => {
      worker.use(...scenarios.linkNotFound());
      openCheckout(LINK_URL, { source: button, prefill: { locale: 'de' } });
      await nextEvent('error');
      let dialog = overlay() as HTMLDialogElement;
      expect(dialog.lang).to.equal('de');
      expect(dialog.querySelector('[role=status]')?.textContent).to.equal('Dieser Bestelllink existiert nicht');
      expect(cardAction()?.textContent).to.equal('Erneut versuchen');
      expect(cardLink()?.textContent).to.equal('Kassenseite öffnen');
      expect(dialog.querySelector('div>button')?.ariaLabel).to.equal('Schließen');
      closeCheckout();

      // A created session's words serve its later failures: here its page refuses the frame, in Arabic.
      worker.resetHandlers();
      useFakeCheckout('silent');
      openCheckout(LINK_URL, { source: button, prefill: { locale: 'ar' }, refusedGrace: 100 });
      await nextEvent('error');
      dialog = overlay() as HTMLDialogElement;
      expect(dialog.dir).to.equal('rtl');
      expect(dialog.querySelector('[role=status]')?.textContent).to.equal('لا يمكن عرض صفحة الدفع هنا.');
      expect(cardAction()?.textContent).to.equal('إعادة المحاولة');
      const close = dialog.querySelector('div>button')!.getBoundingClientRect();
      const card = dialog.querySelector('div')!.getBoundingClientRect();
      expect(close.left - card.left, 'the close button in the start corner of a right-to-left card').to.be.lessThan(
        card.right - close.right,
      );
      closeCheckout();
    });

    it('a frame runtime that does not load: :error network, the card and its link; Try again loads it from another URL', async () => {
      useFakeCheckout('ready');
      const load = loadFrame;
      let tries = 0;
      // What each load asked for: Chromium keeps a failed import's failure, so the retry must differ.
      const retries: string[] = [];
      setFrameLoader((retry) => {
        retries.push(retry);
        return tries++ ? load(retry) : Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      });
      try {
        const errored = nextEvent('error');
        const result = openCheckout(LINK_URL, { source: button });
        expect((await errored).detail.code).to.equal('network');
        const dialog = overlay() as HTMLDialogElement;
        expect(dialog.id, 'the failed state').to.equal('e');
        expect(cardAction()?.textContent).to.equal('Try again');
        expect(cardLink()?.checkVisibility(), 'the plain link').to.equal(true);
        const loaded = nextEvent('loaded');
        cardAction()?.click();
        await loaded;
        expect([dialog.id, tries]).to.deep.equal(['r', 2]);
        expect(retries[0]).to.not.equal(retries[1]);
        closeCheckout();
        expect(await result).to.deep.equal({ status: 'closed' });
      } finally {
        setFrameLoader(load);
      }
    });

    it('a failed session request with the runtime loaded keeps its URL: no second copy of the runtime', async () => {
      worker.use(...scenarios.networkError());
      const load = loadFrame;
      const retries: string[] = [];
      setFrameLoader((retry) => {
        retries.push(retry);
        return load(retry);
      });
      try {
        for (let i = 0; i < 2; i++) {
          const errored = nextEvent('error');
          const result = openCheckout(LINK_URL, { source: button });
          expect((await errored).detail.code).to.equal('network');
          closeCheckout();
          await result;
        }
        expect(retries).to.have.length(2);
        expect(retries[1]).to.equal(retries[0]);
      } finally {
        setFrameLoader(load);
      }
    });

    it('closing on the failed card settles `error` with its detail', async () => {
      worker.use(...scenarios.networkError());
      const errored = nextEvent('error');
      const result = openCheckout(LINK_URL, { source: button });
      await errored;
      cardClose()?.click();
      expect(await result).to.deep.equal({ status: 'error', detail: { code: 'network', message: 'network' } });
      expect(overlay()).to.equal(null);
      expect(getComputedStyle(document.documentElement).overflow).to.not.equal('hidden');
    });

    it('embed origin not allowed: one warning, the link goes to the session already made (no second session)', async () => {
      useFakeCheckout('silent', { embedOrigins: ['https://elsewhere.example'] });
      const sessions = captureSessions();
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (m: string) => warnings.push(m);
      try {
        for (let i = 0; i < 2; i++) {
          const errored = nextEvent('error');
          openCheckout(LINK_URL, { source: button, prefill: { customer_email: `ada${i}@example.com` } });
          expect((await errored).detail.code).to.equal('frame_refused');
          expect(cardLink()?.href).to.match(/fake-checkout\.html\?checkout_id=/);
          closeCheckout();
        }
      } finally {
        console.warn = warn;
      }
      expect(sessions.length, 'one session per click').to.equal(2);
      expect(nav.urls).to.deep.equal([]);
      expect(warnings.filter((m) => m.includes('EMBED_ORIGIN'))).to.have.length.at.most(1);
    });

    it('a slow server: :error timeout, then "still loading" beside the progress, with Try again or the page', async () => {
      useFakeCheckout('ready');
      const sessions = captureSessions();
      // Falls through to the fake checkout once the delay is over.
      worker.use(http.post('*/v1/checkout-links/:secret/sessions', () => delay(1_500)));
      const errored = nextEvent('error');
      const result = openCheckout(LINK_URL, { source: button, timeout: 200 });
      expect((await errored).detail.code).to.equal('timeout');
      const dialog = overlay() as HTMLDialogElement;
      expect(dialog.id).to.equal('w');
      expect(dialog.querySelector('[role=status]')?.textContent).to.equal('Still loading…');
      expect(getComputedStyle(dialog.querySelector('progress')!).display, 'the progress goes on').to.not.equal('none');
      expect(cardAction()?.textContent).to.equal('Try again');
      expect(cardLink()?.href).to.equal(LINK_URL);
      const loaded = nextEvent('loaded');
      cardAction()?.click();
      expect(dialog.id).to.equal('l');
      await loaded;
      expect(dialog.id).to.equal('r');
      expect(sessions.length, 'Try again started over').to.equal(2);
      expect(nav.urls).to.deep.equal([]);
      closeCheckout();
      expect((await result).status).to.equal('closed');
    });

    it('a slow page that comes after the timeout still shows, with no click', async () => {
      useFakeCheckout('ready');
      worker.use(http.post('*/v1/checkout-links/:secret/sessions', () => delay(600)));
      const loaded = nextEvent('loaded');
      openCheckout(LINK_URL, { source: button, timeout: 100 });
      await nextEvent('error');
      expect(overlay()?.id).to.equal('w');
      await loaded;
      expect(overlay()?.id).to.equal('r');
      closeCheckout();
    });

    it("reopening the same button within the session's life frames the same session", async () => {
      useFakeCheckout('ready');
      const sessions = captureSessions();
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        const loaded = nextEvent('loaded');
        openCheckout(LINK_URL, { source: button, prefill });
        ids.push((await loaded).detail.checkout_id);
        closeCheckout();
      }
      expect(sessions.length).to.equal(1);
      expect(ids[1]).to.equal(ids[0]);
    });
  });

  describe('message checks', () => {
    it('ignores messages from a foreign origin, even from the checkout frame', async () => {
      // The frame navigates itself to the same page on 127.0.0.1, which posts a valid `loaded`.
      const foreign = `${location.protocol}//127.0.0.1:${location.port}`;
      useFakeCheckout(`hop:${foreign}`);
      const errored = nextEvent('error');
      openCheckout(LINK_URL, { source: button, timeout: 1500, refusedGrace: 60_000 });
      expect((await errored).detail.code).to.equal('timeout');
      expect(log.names()).to.not.include('loaded');
    });

    it('ignores messages from another window of the right origin', async () => {
      useFakeCheckout('silent');
      const other = document.createElement('iframe');
      other.src = `${FAKE_PAGE}?behavior=silent&embed_origin=${encodeURIComponent(location.origin)}`;
      await new Promise((resolve) => {
        other.onload = resolve;
        document.body.append(other);
      });
      const result = openCheckout(LINK_URL, { source: button, refusedGrace: 60_000 });
      const page = (await framedPage()).contentWindow;
      const loaded = nextEvent('loaded');
      // Posted in this order: if the impostor's `close` counted, the overlay would be gone before `loaded`.
      (other.contentWindow as Window & { send(t: string): void }).send('close');
      page.send('loaded');
      await loaded;
      expect(overlay()?.open).to.equal(true);
      expect(log.names()).to.deep.equal(['open', 'loaded']);
      other.remove();
      closeCheckout();
      expect((await result).status).to.equal('closed');
    });

    it('ignores malformed messages from the frame', async () => {
      useFakeCheckout('silent');
      openCheckout(LINK_URL, { source: button, refusedGrace: 60_000 });
      const page = (await framedPage()).contentWindow;
      const loaded = nextEvent('loaded');
      page.send('close', { source: 'someone-else' });
      page.send('success', { order_id: 42 });
      page.send('loaded');
      await loaded;
      expect(overlay()?.open).to.equal(true);
      expect(log.names()).to.deep.equal(['open', 'loaded']);
      expect(frameWindow()).to.exist;
    });
  });
});

import { html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Locale } from '../i18n/locales.ts';
import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import { restartDraftOf } from './draft.ts';
import { loadViews, outcomeView } from './lazy-views.ts';
import { useMoneyFormats } from './money.ts';
import { readPageData } from './page-data.ts';
import { CheckoutSessionController } from './session-controller.ts';
import { t, useStrings } from './strings.ts';
import { successUrlFor } from './success-url.ts';
import { renderCheckoutForm } from './views/checkout-form.ts';
import { renderLanguageSwitcher } from './views/language-switcher.ts';
import { renderCloseButton, renderFooter, renderNotLoaded, renderTopbar } from './views/page-chrome.ts';

/**
 * The hosted checkout: product choice, customer details, custom fields,
 * discount and payment, then the success, expired or failed state.
 *
 * The session arrives inline (`#checkout-data`), so the first paint needs no
 * request; the session controller owns it from there.
 *
 * Rendered in the light DOM: the page is the only thing on its document,
 * and one stylesheet (`checkout.css`) styles it with no shadow boundaries.
 *
 * @summary The hosted checkout page.
 * @attr embedded - Framed by a merchant's page: no page chrome, a close button, and messages to the parent.
 * @attr overlay - Framed by the widget's overlay (embedded, and not `embed_mode=inline`): the page draws the modal card.
 */
export class CheckoutPage extends LitElement {
  // Declared properties, not decorators: Lit's decorator helpers cost the page's first load bytes.
  static override properties = {
    embedded: { type: Boolean, reflect: true },
    overlay: { type: Boolean, reflect: true },
  };

  /** Set by the server on `?embed=1`: hides the page chrome and shows a close button. */
  declare embedded: boolean;
  /**
   * Framed over the whole viewport by the widget's overlay: a transparent
   * page drawing the modal card itself, as Polar's embed does, where a press
   * outside the card asks to close. Inline, the page draws no card.
   */
  declare overlay: boolean;

  private readonly session = new CheckoutSessionController(this);
  /** The first render waits for the views this checkout shows, so none pops in after it. */
  private viewsReady: Promise<unknown> = Promise.resolve();
  private resizeObserver: ResizeObserver | null = null;

  constructor() {
    super();
    this.embedded = false;
    this.overlay = false;
  }

  /** Framed only: puts the customer on the first control (see onWindowFocus). */
  private focusFirstControl: ((host: HTMLElement) => void) | null = null;

  /** Framed: the bridge to the parent and the dismissal, from their chunk, before the first render. */
  private async connectEmbedded(origin: string | null) {
    const { createEmbedBridge, DismissalController, focusFirstControl } = await import('./embedded.ts');
    this.session.bridge = createEmbedBridge(origin);
    this.focusFirstControl = focusFirstControl;
    new DismissalController(this, { outsideCloses: () => this.overlay, close: () => this.session.close() });
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    const data = readPageData();
    if (!data) return;
    useMoneyFormats(data.money_formats);
    useStrings(data.strings);
    this.embedded = data.embedded;
    this.overlay = data.embedded && new URLSearchParams(location.search).get('embed_mode') !== 'inline';
    this.session.start(data);
    this.viewsReady = Promise.all([
      loadViews(data.checkout, this.session.view),
      this.embedded && this.connectEmbedded(data.embed_origin).catch(() => {}),
    ]);
    if (this.embedded) window.addEventListener('focus', this.onWindowFocus);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    window.removeEventListener('focus', this.onWindowFocus);
  }

  protected override async scheduleUpdate() {
    await this.viewsReady;
    super.scheduleUpdate();
  }

  /** Another product, a discount or an end state may need a view not fetched yet. */
  protected override updated() {
    const c = this.session.checkout;
    if (c) void loadViews(c, this.session.view).then((arrived) => arrived && this.requestUpdate());
  }

  protected override firstUpdated() {
    const { bridge, checkout } = this.session;
    if (!checkout) return;
    if (bridge.active) {
      const post = () => bridge.post({ type: 'resize', height: Math.ceil(this.getBoundingClientRect().height) });
      this.resizeObserver = new ResizeObserver(post);
      this.resizeObserver.observe(this);
    }
    // Framed, the customer arrives by a click on the merchant's page: start them on a control, not the body.
    if (this.embedded) this.focusFirstControl?.(this);
    // The success state on load (a reload after paying) already told the parent, if there was one.
    bridge.post({ type: 'loaded', checkout_id: checkout.id });
  }

  /**
   * The overlay focuses the frame once it is shown (after `loaded`); a focus
   * tried before that, in a hidden frame, did not hold. Landing on the body
   * would leave the customer on no control at all.
   */
  private readonly onWindowFocus = () => {
    if (document.activeElement === document.body || !document.activeElement) this.focusFirstControl?.(this);
  };

  /** The switcher's choice: the same session, re-rendered in `locale` (what was typed stays). */
  private async switchTo(secret: string, seller: string, locale: Locale) {
    // Fetched on the choice: most customers never switch.
    const { switchLanguage } = await import('./language.ts');
    if (!(await switchLanguage(secret, locale))) return;
    document.title = t('pageTitle', { name: seller });
    this.requestUpdate();
  }

  /** The end states, from their chunk (nothing until it is here: `updated` fetches it). */
  private renderOutcome(c: CheckoutPublic, theme: string | undefined) {
    const s = this.session;
    const view = s.view;
    const views = outcomeView.get();
    if (!views) return nothing;
    if (view === 'form') return nothing;
    if (view === 'success') return views.renderSuccess(c, this.embedded ? null : successUrlFor(c.success_url, c.id));
    if (view === 'processing') return views.renderProcessing();
    const onRestart = (e: Event) => {
      if (s.restart()) e.preventDefault();
    };
    return views.renderRestart(
      c,
      view,
      onRestart,
      views.restartUrl(c, restartDraftOf(c, s.draft), theme),
      s.restartError,
    );
  }

  protected override render() {
    const s = this.session;
    const c = s.checkout;
    if (!c) return renderNotLoaded();
    const theme = document.documentElement.dataset.theme;
    const switcher = renderLanguageSwitcher((locale) => this.switchTo(c.client_secret, c.organization.name, locale));
    return html`
      ${this.overlay ? renderCloseButton(s.paying, () => s.close()) : this.embedded ? nothing : renderTopbar(c)}
      <main class="page" data-view=${s.view} aria-label=${ifDefined(this.embedded ? t('checkoutOf', { name: c.organization.name }) : undefined)}>
        ${s.view === 'form' ? renderCheckoutForm(c, s, this.embedded) : this.renderOutcome(c, theme)}
      </main>
      ${this.embedded ? switcher : renderFooter(switcher)}
      <p class="sr-only" role="status" aria-live="polite">${s.announcement}</p>`;
  }
}

customElements.define('checkout-page', CheckoutPage);

declare global {
  interface HTMLElementTagNameMap {
    'checkout-page': CheckoutPage;
  }
}

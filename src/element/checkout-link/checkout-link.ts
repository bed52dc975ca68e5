import { ContextEvent } from '@lit/context';
import { ReactiveElement } from '@lit/reactive-element';
import { keepsLinkBehaviour } from '../../shared/plain-click.ts';
import type { Prefill } from '../../shared/prefill-params.ts';
import { addQueryPrefill, mergePrefill, prefillFromAttributes, withPrefill } from '../../widget/build-prefill.ts';
import { mountInlineCheckout } from '../../widget/inline-checkout.ts';
import { closeCheckout, openCheckout } from '../../widget/open-checkout.ts';
import { warmUp } from '../../widget/warm-up.ts';
import { warnOnce } from '../../widget/warn.ts';
import { defineElement } from '../define.ts';
import {
  type CheckoutLinkDefaults,
  type CheckoutLinkMode,
  type CheckoutLinkTheme,
  checkoutLinkContext,
} from '../provider/context.ts';
import { checkoutLinkStyles } from './checkout-link.styles.ts';

/** What the shadow root shows: the inline checkout, the merchant's own anchor as is, or our button. */
type Layout = 'inline' | 'merchant-anchor' | 'button';

/**
 * A buy button for a checkout link. It renders a real `<a href>` (the link
 * URL with the prefill in its query), so Ctrl/Cmd-click, middle-click and
 * "copy link" behave as on any link; a plain click opens the checkout in an
 * overlay instead. For pages that must work with JavaScript off, put an
 * anchor inside: `<checkout-link href="…"><a href="…">Buy</a></checkout-link>`;
 * it is shown as is and its clicks are intercepted once the element upgrades.
 *
 * @tagname checkout-link
 * @summary A buy button that opens a checkout link in an overlay, a full page, or in place.
 *
 * @slot - The button's label (default "Buy"), or an `<a href>` that works without JavaScript.
 *
 * @event {CustomEvent<{url: string, mode: string}>} checkout-link:open - The checkout is about to open. Cancelable: canceling keeps it closed.
 * @event {CustomEvent<{checkout_id: string}>} checkout-link:loaded - The checkout page is ready in the overlay or in place (again after the page restarted an expired session).
 * @event {CustomEvent<{checkout_id: string}>} checkout-link:confirmed - A payment really started (never for a submit that failed validation or met an expired session); the overlay cannot be closed until it settles.
 * @event {CustomEvent<{checkout_id: string, order_id: string | null, subscription_id: string | null, customer_email: string | null, customer_name: string | null, success_url: string | null}>} checkout-link:success - The order or subscription exists. Cancelable: canceling stops the redirect to `success_url`.
 * @event {CustomEvent<{}>} checkout-link:close - The overlay closed (by the customer or from code).
 * @event {CustomEvent<{code: string, message: string}>} checkout-link:error - The checkout could not be shown (`link_not_found`, `link_unavailable`, `network`, `server`, `frame_refused`, `timeout`, `rate_limited`); the overlay (or the inline box) says so, with Try again and a plain link to the checkout page.
 *
 * @csspart button - The link styled as a button.
 * @csspart frame - The container of the checkout in `inline` mode.
 *
 * @cssproperty [--checkout-link-bg=#4f46e5] - Button background.
 * @cssproperty [--checkout-link-color=#fff] - Button text colour.
 * @cssproperty [--checkout-link-radius=0.5em] - Button corner radius.
 * @cssproperty [--checkout-link-padding=0.75em 1.5em] - Button padding.
 * @cssproperty [--checkout-link-font=600 1rem/1.25 system-ui, sans-serif] - Button font shorthand.
 * @cssproperty [--checkout-link-focus-ring=3px solid #a5b4fc] - Outline of the focused button.
 */
// Lit's ReactiveElement, not LitElement: the shadow DOM is one static anchor whose href changes, and
// a template engine for it would cost every merchant page 2.9 kB gzip.
export class CheckoutLinkElement extends ReactiveElement {
  static override styles = checkoutLinkStyles;
  // The overlay gives focus back to the element on close; delegating lands it on the link inside.
  static override shadowRootOptions = { ...ReactiveElement.shadowRootOptions, delegatesFocus: true };

  // `static properties` rather than decorators: the same behaviour in fewer bytes (the bundle's budget is tight).
  static override properties = {
    href: {},
    link: {},
    mode: {},
    theme: {},
    locale: {},
    productId: { attribute: 'product-id' },
    customerEmail: { attribute: 'customer-email' },
    customerName: { attribute: 'customer-name' },
    discountCode: { attribute: 'discount-code' },
    amount: {},
    quantity: {},
    referenceId: { attribute: 'reference-id' },
    prefill: { attribute: false },
    loading: { type: Boolean, reflect: true },
    open: { type: Boolean, reflect: true },
  };

  /** The checkout link URL, `…/v1/checkout-links/{client_secret}/redirect`. */
  declare href?: string;
  /** The link's client secret: with a provider's `backend`, shorthand for `href`. */
  declare link?: string;
  /** `overlay` (default), `redirect` (a full-page checkout) or `inline` (rendered in place). */
  declare mode?: CheckoutLinkMode;
  /** Colour scheme of the checkout page: `light`, `dark` or `auto`. */
  declare theme?: CheckoutLinkTheme;
  /** The checkout page's language (`ja`, `pt-BR`); else the customer's browser, then the organization's default. */
  declare locale?: string;
  /** Preselects one of the link's products. */
  declare productId?: string;
  /** Prefills the customer's email. */
  declare customerEmail?: string;
  /** Prefills the customer's name. */
  declare customerName?: string;
  /** Prefills a discount code (where the link allows codes). */
  declare discountCode?: string;
  /** Prefills a pay-what-you-want amount, in minor units (cents). */
  declare amount?: string;
  /** Prefills the quantity, where the link lets the customer choose one (else dropped and reported). */
  declare quantity?: string;
  /** Your own reference, stored in the checkout's metadata as `reference_id`. */
  declare referenceId?: string;
  /** Prefill as an object (custom fields under `custom_field_data`); attributes win over it. */
  declare prefill?: Prefill;
  /** Set while the checkout is being prepared, until its page is ready. */
  declare loading: boolean;
  /** Set while the overlay is open. */
  declare open: boolean;

  /** The nearest `<checkout-link-provider>`'s theme, mode, backend and prefill, and how to stop hearing its changes. */
  #defaults?: CheckoutLinkDefaults;
  #unsubscribe?: () => void;
  /** The URL the inline checkout is mounted with ('' when none), and how to unmount it. */
  #inlineUrl = '';
  #unmount?: () => void;
  /** The shadow DOM, static markup built once: the button, its slot, the inline container. */
  #button = document.createElement('a');
  #slot = document.createElement('slot');
  #frame = document.createElement('div');
  /** Which of button / merchant's anchor / inline frame is shown. */
  #layout: Layout | '' = '';

  constructor() {
    super();
    this.loading = this.open = false;
    this.addEventListener('click', (event) => {
      if (!keepsLinkBehaviour(event))
        if (this.#mode() !== 'inline' && this.url) {
          event.preventDefault();
          this.show();
        }
    });
    // Intent warms the backend up: hover, focus, and touch (a touch enters the element as a pointer too).
    for (const type of ['pointerenter', 'focusin']) this.addEventListener(type, () => this.url && warmUp(this.url));
    for (const type of ['checkout-link:loaded', 'checkout-link:error'])
      this.addEventListener(type, () => (this.loading = false));
  }

  /** The link this element opens: `href`, else the provider's backend plus `link`, else a slotted anchor's. */
  get url(): string {
    const backend = this.#defaults?.backend;
    return (
      this.href ||
      (this.link && backend ? `${backend.replace(/\/$/, '')}/v1/checkout-links/${this.link}/redirect` : '') ||
      this.querySelector('a')?.href ||
      ''
    );
  }

  /** The prefill sent with the checkout: own attributes, then `prefill`, then the provider's, then the page's query. */
  get params(): Prefill {
    const defaults = this.#defaults;
    // `mergePrefill` only fills names still unset: strongest source first.
    const own = mergePrefill(prefillFromAttributes(this, ''), {
      product_id: this.productId,
      customer_email: this.customerEmail,
      customer_name: this.customerName,
      discount_code: this.discountCode,
      amount: this.amount,
      quantity: this.quantity,
      reference_id: this.referenceId,
      theme: this.theme,
      locale: this.locale,
    });
    return addQueryPrefill(
      location.search,
      mergePrefill(mergePrefill(mergePrefill(own, this.prefill), { theme: defaults?.theme }), defaults?.prefill),
    );
  }

  #mode() {
    return this.mode || this.#defaults?.mode;
  }

  /** Opens the checkout as a plain click would; resolves when it settles (see `openCheckout`). */
  show() {
    const mode = this.#mode();
    this.open = this.loading = mode !== 'redirect';
    // `openCheckout` frames anything but `redirect`, so `inline` (opened from code) gets the overlay.
    return openCheckout(this.url, { prefill: this.params, mode: mode as 'redirect', source: this }).finally(() => {
      this.open = this.loading = false;
    });
  }

  /** Closes the overlay (fires `checkout-link:close`). */
  close() {
    closeCheckout();
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    this.#button.setAttribute('part', 'button');
    this.#frame.setAttribute('part', 'frame');
    this.#slot.textContent = 'Buy';
    // Children parsed after the upgrade (a synchronous script in <head>) may bring the merchant's anchor late.
    this.#slot.addEventListener('slotchange', () => this.#layout !== this.#layoutNow() && this.requestUpdate());
    return root;
  }

  #layoutNow(): Layout {
    return this.#mode() === 'inline' ? 'inline' : this.querySelector(':scope>a') ? 'merchant-anchor' : 'button';
  }

  protected override update(changed: Parameters<ReactiveElement['update']>[0]) {
    super.update(changed);
    const url = this.url;
    if (!url) warnOnce('NO_HREF', 'a <checkout-link> has no link. Set href.');
    const layout = this.#layoutNow();
    if (layout !== this.#layout) {
      this.#layout = layout;
      if (layout === 'button') this.#button.append(this.#slot);
      this.renderRoot.replaceChildren(
        layout === 'inline' ? this.#frame : layout === 'merchant-anchor' ? this.#slot : this.#button,
      );
    }
    if (url) this.#button.href = withPrefill(url, this.params);
    else this.#button.removeAttribute('href');
    this.#button.setAttribute('aria-busy', `${this.loading}`);
  }

  /** Mounts the inline checkout for `url`, unmounting the previous one ('' unmounts only). */
  #mount(url: string) {
    if (url !== this.#inlineUrl) {
      this.#unmount?.();
      this.#inlineUrl = url;
      this.#unmount = url ? mountInlineCheckout(this.#frame, url, { prefill: this.params, source: this }) : undefined;
    }
  }

  protected override updated() {
    this.#mount(this.#mode() === 'inline' && this.isConnected ? this.url : '');
  }

  override connectedCallback() {
    super.connectedCallback();
    // The @lit/context protocol by hand (ContextConsumer's generality costs bytes): the nearest
    // provider answers now and after each change; a nearer one appearing later answers instead,
    // and the former is let go. (Not dispatched inline: the manifest analyzer would list it as an event.)
    const request = new ContextEvent(
      checkoutLinkContext,
      this,
      (value, unsubscribe) => {
        if (unsubscribe !== this.#unsubscribe) this.#unsubscribe?.();
        this.#unsubscribe = unsubscribe;
        this.#defaults = value;
        this.requestUpdate();
      },
      true,
    );
    this.dispatchEvent(request);
    // A moved inline checkout remounts (disconnecting unmounted it).
    this.requestUpdate();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#mount('');
  }
}

defineElement('checkout-link', CheckoutLinkElement);

declare global {
  interface HTMLElementTagNameMap {
    'checkout-link': CheckoutLinkElement;
  }
}

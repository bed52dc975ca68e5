import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import {
  type ApiFailure,
  type ApiResult,
  type ConfirmBody,
  confirmCheckout,
  fetchCheckout,
  statusStreamUrl,
  updateCheckout,
} from './checkout-api.ts';
import { createEmbedBridge, type EmbedBridge } from './embed-bridge.ts';
import { errorsByField, type FieldKey, sentence } from './field-errors.ts';
import {
  currencySymbol,
  formatMoney,
  intervalSuffix,
  parseDecimalInput,
  toDecimalInput,
  useMoneyFormats,
} from './money.ts';
import { readPageData } from './page-data.ts';
import { type RestartDraft, restartUrl, startAgainEmbedded } from './restart.ts';
import { successUrlFor } from './success-url.ts';
import { answerForApi, answerFromSession, type FieldAnswer, renderCustomField } from './views/custom-field-input.ts';
import { renderDiscountSection } from './views/discount-section.ts';
import { ariaInvalid, describedBy, type FieldMeta, field } from './views/field.ts';
import { focusFirstControl } from './views/first-control.ts';
import { keepHyphenatedWords, renderHeroPrice } from './views/hero-price.ts';
import { renderOrderSummary } from './views/order-summary.ts';
import { renderProcessing, renderRestart, renderSuccess } from './views/outcome-views.ts';
import { renderProductPicker } from './views/product-picker.ts';

type View = 'form' | 'success' | 'expired' | 'failed' | 'processing';

/** What the customer has typed; the server's session holds everything else. */
interface Draft {
  productId: string;
  email: string;
  name: string;
  /** Pay-what-you-want amount as typed, in major units ("10.00"). */
  amount: string;
  discountCode: string;
  card: string;
  fields: Record<string, FieldAnswer | undefined>;
}

const VIEW_OF_STATUS: Record<CheckoutPublic['status'], View> = {
  open: 'form',
  confirmed: 'processing',
  succeeded: 'success',
  expired: 'expired',
  failed: 'failed',
};

const TEST_CARD_HINT = 'Test mode: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined.';

function draftFrom(c: CheckoutPublic): Draft {
  return {
    productId: c.product_id,
    email: c.customer_email ?? '',
    name: c.customer_name ?? '',
    amount: c.product_price.amount_type === 'custom' ? toDecimalInput(c.amount, c.currency) : '',
    discountCode: '',
    card: '',
    fields: Object.fromEntries(Object.entries(c.custom_field_data).map(([k, v]) => [k, answerFromSession(v)])),
  };
}

/**
 * The hosted checkout: product choice, customer details, custom fields,
 * discount and payment, then the success, expired or failed state.
 *
 * The session arrives inline (`#checkout-data`), so the first paint needs no
 * request. Every edit goes to the server, which answers the whole session:
 * the amounts shown are always the server's, never recomputed here. Edits
 * are sent one at a time, in order, so a slow answer cannot overwrite a
 * newer one.
 *
 * Rendered in the light DOM: the page is the only thing on its document,
 * and one stylesheet (`checkout.css`) styles it with no shadow boundaries.
 *
 * @summary The hosted checkout page.
 * @attr embedded - Framed by a merchant's page: no page chrome, a close button, and messages to the parent.
 * @attr overlay - Framed by the widget's overlay (embedded, and not `embed_mode=inline`): the page draws the modal card.
 */
@customElement('checkout-page')
export class CheckoutPage extends LitElement {
  /** Set by the server on `?embed=1`: hides the page chrome and shows a close button. */
  @property({ type: Boolean, reflect: true }) embedded = false;
  /**
   * Framed over the whole viewport by the widget's overlay (`?embed=1`
   * without `embed_mode=inline`): a transparent page drawing the modal card
   * itself (a centered card, a full-screen sheet on narrow screens), as
   * Polar's embed does; a press outside the card asks to close. Inline, the
   * page stays in the merchant's flow and draws no card.
   */
  @property({ type: Boolean, reflect: true }) overlay = false;

  @state() private checkout: CheckoutPublic | null = null;
  @state() private view: View = 'form';
  @state() private draft!: Draft;
  @state() private errors = new Map<FieldKey, string>();
  @state() private formError: string | null = null;
  @state() private savingCount = 0;
  @state() private savingDiscount = false;
  @state() private paying = false;
  @state() private announcement = '';
  @state() private restartError: string | null = null;
  /** Fields edited since load: their "value from your link was not used" note has served its purpose. */
  @state() private touched = new Set<FieldKey>();

  private bridge: EmbedBridge = createEmbedBridge(null, null);
  /** The parent's origin, as the server allowed it (null when not framed or not allowed). */
  private embedOrigin: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private resizeObserver: ResizeObserver | null = null;
  private stream: EventSource | null = null;

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    const data = readPageData();
    if (!data) return;
    useMoneyFormats(data.money_formats);
    this.embedded = data.embedded;
    this.overlay = data.embedded && new URLSearchParams(location.search).get('embed_mode') !== 'inline';
    this.embedOrigin = data.embedded ? data.embed_origin : null;
    this.bridge = createEmbedBridge(this.embedOrigin);
    this.checkout = data.checkout;
    this.draft = draftFrom(data.checkout);
    this.view = VIEW_OF_STATUS[data.checkout.status];
    if (this.view === 'processing') this.watchStatus();
    document.addEventListener('keydown', this.onDocumentKeydown);
    if (this.embedded) window.addEventListener('focus', this.onWindowFocus);
    if (this.overlay) {
      document.addEventListener('pointerdown', this.onDocumentPointerdown);
      document.addEventListener('click', this.onDocumentClick);
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.stream?.close();
    document.removeEventListener('keydown', this.onDocumentKeydown);
    window.removeEventListener('focus', this.onWindowFocus);
    document.removeEventListener('pointerdown', this.onDocumentPointerdown);
    document.removeEventListener('click', this.onDocumentClick);
  }

  protected override async firstUpdated() {
    if (!this.checkout) return;
    if (this.bridge.active) {
      const post = () => this.bridge.post({ type: 'resize', height: Math.ceil(this.getBoundingClientRect().height) });
      this.resizeObserver = new ResizeObserver(post);
      this.resizeObserver.observe(this);
    }
    // Framed, the customer arrives by a click on the merchant's page: start them on a control, not the body.
    if (this.embedded) focusFirstControl(this);
    // The success state on load (a reload after paying) already told the parent, if there was one.
    this.bridge.post({ type: 'loaded', checkout_id: this.checkout.id });
  }

  // ---- state changes ------------------------------------------------------

  /** Sends API calls one after the other, in the order the customer made them. */
  private enqueue(fn: () => Promise<ApiResult>): Promise<ApiResult> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Saves an edit; the answer replaces the session (and so every amount on screen). */
  private async save(body: Parameters<typeof updateCheckout>[1]): Promise<boolean> {
    this.savingCount++;
    const result = await this.enqueue(() => updateCheckout(this.checkout!.client_secret, body));
    this.savingCount--;
    if (result.ok) {
      this.checkout = result.checkout;
      return true;
    }
    await this.handleFailure(result, false);
    return false;
  }

  private async selectProduct(productId: string) {
    if (productId === this.draft.productId) return;
    this.draft = { ...this.draft, productId };
    this.clearError('product_id');
    const saved = await this.save({ product_id: productId });
    // A newer choice was made meanwhile: its own answer will settle the screen.
    if (this.draft.productId !== productId) return;
    const c = this.checkout!;
    if (!saved) {
      this.draft = { ...this.draft, productId: c.product_id };
      return;
    }
    this.clearError('amount');
    if (c.product_price.amount_type === 'custom')
      this.draft = { ...this.draft, amount: toDecimalInput(c.amount, c.currency) };
    this.announce(
      `${c.product.name} selected. Total ${formatMoney(c.total_amount, c.currency)}${intervalSuffix(c.product)}.`,
    );
  }

  private async commitAmount() {
    const c = this.checkout!;
    const minor = parseDecimalInput(this.draft.amount, c.currency);
    if (minor === null) {
      this.setError('amount', `Enter an amount such as ${toDecimalInput(c.amount, c.currency)}.`);
      return;
    }
    if (minor === c.amount && !this.errors.has('amount')) return;
    this.clearError('amount');
    if (await this.save({ amount: minor })) {
      const now = this.checkout!;
      this.draft = { ...this.draft, amount: toDecimalInput(now.amount, now.currency) };
      this.announce(`Total ${formatMoney(now.total_amount, now.currency)}.`);
    }
  }

  private async applyDiscount() {
    const code = this.draft.discountCode.trim();
    if (!code) {
      this.setError('discount_code', 'Enter a discount code first.');
      return;
    }
    this.clearError('discount_code');
    this.touched = new Set(this.touched).add('discount_code');
    this.savingDiscount = true;
    const ok = await this.save({ discount_code: code });
    this.savingDiscount = false;
    if (ok) {
      const c = this.checkout!;
      this.draft = { ...this.draft, discountCode: '' };
      this.announce(`Discount applied. Total ${formatMoney(c.total_amount, c.currency)}.`);
      await this.updateComplete;
      this.querySelector<HTMLElement>('.discount-applied button')?.focus();
    }
  }

  private async removeDiscount() {
    this.clearError('discount_code');
    this.savingDiscount = true;
    const ok = await this.save({ discount_code: null });
    this.savingDiscount = false;
    if (ok) {
      const c = this.checkout!;
      this.announce(`Discount removed. Total ${formatMoney(c.total_amount, c.currency)}.`);
      await this.updateComplete;
      this.querySelector<HTMLElement>('#discount_code')?.focus();
    }
  }

  private confirmBody(): ConfirmBody {
    const c = this.checkout!;
    const d = this.draft;
    const body: ConfirmBody = {
      product_id: d.productId,
      customer_email: d.email.trim() || null,
      customer_name: d.name.trim() || null,
      custom_field_data: Object.fromEntries(
        c.product.attached_custom_fields.map((a) => [
          a.custom_field.slug,
          answerForApi(a, d.fields[a.custom_field.slug]),
        ]),
      ),
    };
    if (c.product_price.amount_type === 'custom') {
      const minor = parseDecimalInput(d.amount, c.currency);
      if (minor !== null) body.amount = minor;
    }
    if (c.is_payment_required) body.card_number = d.card;
    // The total on screen: the server charges it or refuses with the new one.
    body.expected_total = c.total_amount;
    return body;
  }

  private async pay(e: Event) {
    e.preventDefault();
    if (this.paying || !this.checkout) return;
    if (this.draft.discountCode.trim() && !this.checkout.discount) {
      this.setError('discount_code', 'Press Apply to use this code, or clear the field.');
      await this.focusFirstInvalid();
      return;
    }
    this.paying = true;
    this.formError = null;
    this.errors = new Map();
    const checkoutId = this.checkout.id;
    const result = await this.enqueue(() => {
      // Built after earlier edits settled, so it reflects the latest session.
      return confirmCheckout(this.checkout!.client_secret, this.confirmBody());
    });
    this.paying = false;
    // `confirmed` only once the server says a payment really ran (paid, processing, declined or failed),
    // never for a submit it refused (fields to fix, an expired session): the parent hears what happened.
    const charged = result.ok || result.error === 'card_declined' || result.error === 'payment_failed';
    if (charged) this.bridge.post({ type: 'confirmed', checkout_id: checkoutId });
    if (result.ok) {
      this.adopt(result.checkout);
      if (result.checkout.status !== 'succeeded') this.bridge.post({ type: 'loaded', checkout_id: checkoutId });
      return;
    }
    // Interactive again after a declined payment: the parent may allow closing.
    if (charged) this.bridge.post({ type: 'loaded', checkout_id: checkoutId });
    if (result.error === 'card_declined') this.draft = { ...this.draft, card: '' };
    await this.handleFailure(result, true);
  }

  /** Shows a session that changed state (paid, expired, failed) in the matching view. */
  private adopt(c: CheckoutPublic) {
    this.checkout = c;
    const view = VIEW_OF_STATUS[c.status];
    if (view === this.view) return;
    this.view = view;
    if (view === 'success') this.onSucceeded(c);
    if (view === 'processing') this.watchStatus();
    void this.focusOutcome();
  }

  /**
   * The order or subscription exists: tell the parent (only now, never on
   * `confirmed`) and, on a full page, go to the merchant's success URL.
   */
  private onSucceeded(c: CheckoutPublic) {
    const successUrl = successUrlFor(c.success_url, c.id);
    this.bridge.post({
      type: 'success',
      checkout_id: c.id,
      order_id: c.order_id,
      subscription_id: c.subscription_id,
      customer_email: c.customer_email,
      customer_name: c.customer_name,
      success_url: successUrl,
      redirect: successUrl !== null,
    });
    // Framed, the parent navigates (its `success` event is cancelable); the frame stays on the receipt.
    if (successUrl && !this.embedded) window.location.assign(successUrl);
  }

  private async handleFailure(r: ApiFailure, submitting: boolean) {
    if (r.checkout?.status === 'open') {
      this.showNewTotal(r.checkout, r.message);
      return;
    }
    if (r.status === 410) {
      this.adopt({ ...this.checkout!, status: 'expired' });
      return;
    }
    if (r.status === 409 || r.error === 'payment_failed') {
      // Changed elsewhere (another tab paid, or the payment failed for good): show what it is now.
      const now = await fetchCheckout(this.checkout!.client_secret);
      if (now.ok && now.checkout.status !== 'open') {
        this.adopt(now.checkout);
        return;
      }
    }
    const { fields, other } = errorsByField(r.detail, (key) => this.isShownField(key));
    const next = submitting ? new Map<FieldKey, string>() : new Map(this.errors);
    for (const [key, msg] of fields) next.set(key, key === 'amount' ? this.amountMessage(msg) : sentence(msg));
    this.errors = next;
    this.formError = other.length
      ? other.map(sentence).join(' ')
      : fields.size
        ? submitting
          ? 'Some details need your attention: see the highlighted fields.'
          : null
        : r.message;
    if (submitting) await this.focusFirstInvalid();
  }

  /** A confirm refused as the total changed (a discount ran out, a price moved): the new one, to pay again. */
  private showNewTotal(c: CheckoutPublic, why: string) {
    this.checkout = c;
    this.draft = {
      ...this.draft,
      discountCode: c.discount ? this.draft.discountCode : '',
      amount: c.product_price.amount_type === 'custom' ? toDecimalInput(c.amount, c.currency) : this.draft.amount,
    };
    this.errors = new Map();
    this.formError = `${sentence(why)} New total: ${formatMoney(c.total_amount, c.currency)}${intervalSuffix(c.product)}.`;
  }

  /** "must be at least 500" (minor units, as the API says it) → "must be at least $5.00". */
  private amountInMoney(msg: string): string {
    const c = this.checkout!;
    return msg.replace(
      /(at (?:least|most)) (\d+)$/,
      (_m, words: string, n: string) => `${words} ${formatMoney(Number(n), c.currency)}`,
    );
  }

  private amountMessage(msg: string): string {
    return sentence(this.amountInMoney(msg));
  }

  private isShownField(key: FieldKey): boolean {
    const c = this.checkout!;
    if (key === 'customer_email' || key === 'customer_name') return true;
    if (key === 'amount') return c.product_price.amount_type === 'custom';
    if (key === 'discount_code') return c.allow_discount_codes || c.discount !== null;
    if (key === 'card_number') return c.is_payment_required;
    if (key === 'product_id') return c.products.length > 1;
    return c.product.attached_custom_fields.some((a) => `custom_field_data.${a.custom_field.slug}` === key);
  }

  /** A page opened mid-payment listens to the status stream rather than polling. */
  private watchStatus() {
    if (this.stream || !this.checkout) return;
    const secret = this.checkout.client_secret;
    this.stream = new EventSource(statusStreamUrl(secret));
    this.stream.addEventListener('status', async (e) => {
      const status = (JSON.parse((e as MessageEvent<string>).data) as { status: string }).status;
      if (status === 'confirmed') return;
      this.stream?.close();
      this.stream = null;
      const now = await fetchCheckout(secret);
      if (now.ok) this.adopt(now.checkout);
    });
  }

  private async restart(e: Event) {
    if (!this.bridge.active || !this.embedOrigin || !this.checkout?.link_url) return; // a plain link does the job
    e.preventDefault();
    this.restartError = null;
    const target = await startAgainEmbedded(
      this.checkout,
      this.restartDraft(this.checkout),
      this.embedOrigin,
      document.documentElement.dataset.theme,
    );
    if (typeof target === 'string') window.location.assign(target);
    else this.restartError = target.message;
  }

  /** What the customer typed, for the fresh session "Start again" opens. */
  private restartDraft(c: CheckoutPublic): RestartDraft {
    const d = this.draft;
    const fields = Object.fromEntries(
      c.product.attached_custom_fields.map((a) => [
        a.custom_field.slug,
        answerForApi(a, d.fields[a.custom_field.slug]),
      ]),
    );
    return { productId: d.productId, email: d.email, name: d.name, fields };
  }

  /**
   * The overlay focuses the frame once it is shown (after `loaded`); a focus
   * tried before that, in a hidden frame, did not hold. Landing on the body
   * would leave the customer on no control at all.
   */
  private readonly onWindowFocus = () => {
    if (document.activeElement === document.body || !document.activeElement) focusFirstControl(this);
  };

  private readonly onDocumentKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.bridge.active && !this.paying && !e.defaultPrevented) this.close();
  };

  /** Where the last press began: a click counts as outside only if it began outside too (not a drag out of a field). */
  private pressedOutside = false;

  private readonly onDocumentPointerdown = (e: PointerEvent) => {
    this.pressedOutside = !this.contains(e.target as Node);
  };

  /** A click on the transparent area around the card (the overlay's dim backdrop, as the customer sees it). */
  private readonly onDocumentClick = (e: MouseEvent) => {
    if (this.pressedOutside && !this.contains(e.target as Node)) this.close();
  };

  private close() {
    if (this.paying) return;
    this.bridge.post({ type: 'close' });
  }

  // ---- small helpers ------------------------------------------------------

  private setError(key: FieldKey, msg: string) {
    this.errors = new Map(this.errors).set(key, msg);
  }

  private clearError(key: FieldKey) {
    if (!this.errors.has(key)) return;
    const next = new Map(this.errors);
    next.delete(key);
    this.errors = next;
  }

  /** Records an edit: the field's error and its dropped-prefill note go away. */
  private edit(key: FieldKey, patch: Partial<Draft>) {
    this.draft = { ...this.draft, ...patch };
    this.clearError(key);
    if (!this.touched.has(key)) this.touched = new Set(this.touched).add(key);
  }

  private announce(text: string) {
    // Cleared first so the same sentence twice is announced twice.
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = text;
    });
  }

  private async focusFirstInvalid() {
    await this.updateComplete;
    this.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private async focusOutcome() {
    await this.updateComplete;
    this.querySelector<HTMLElement>('#outcome-title')?.focus();
  }

  private notes(key: FieldKey): Pick<FieldMeta, 'dropped' | 'error'> {
    const { dropped, error } = this.meta(key, '', '');
    return { dropped, error };
  }

  private meta(key: FieldKey, id: string, label: string, extra: Partial<FieldMeta> = {}): FieldMeta {
    const dropped = this.touched.has(key)
      ? null
      : (this.checkout!.prefill_dropped.find((d) => d.field === key)?.reason ?? null);
    return {
      id,
      label,
      error: this.errors.get(key) ?? null,
      dropped: dropped && key === 'amount' ? this.amountInMoney(dropped) : dropped,
      ...extra,
    };
  }

  // ---- rendering ----------------------------------------------------------

  protected override render() {
    const c = this.checkout;
    if (!c)
      return html`<main class="page"><section class="outcome"><h1>This checkout could not be loaded</h1>
        <p class="lead">Reload the page, or go back to the seller and start again.</p></section></main>`;
    return html`
      ${this.overlay ? this.renderCloseButton() : this.embedded ? nothing : this.renderTopbar(c)}
      <main class="page" data-view=${this.view} aria-label=${ifDefined(this.embedded ? `Checkout: ${c.organization.name}` : undefined)}>
        ${
          this.view === 'form'
            ? this.renderForm(c)
            : this.view === 'success'
              ? renderSuccess(c, this.embedded ? null : successUrlFor(c.success_url, c.id))
              : this.view === 'processing'
                ? renderProcessing()
                : renderRestart(
                    c,
                    this.view,
                    (e) => this.restart(e),
                    restartUrl(c, this.restartDraft(c), document.documentElement.dataset.theme),
                    this.restartError,
                  )
        }
      </main>
      ${this.embedded ? nothing : html`<footer class="footer"><span>Secure checkout by <strong>checkout-link</strong></span></footer>`}
      <p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>`;
  }

  private renderTopbar(c: CheckoutPublic) {
    return html`<header class="topbar">
      ${c.return_url ? html`<a class="back" href=${c.return_url}><span aria-hidden="true">←</span> Back</a>` : nothing}
      <span class="brand"><span class="avatar" aria-hidden="true">${c.organization.name.trim().charAt(0)}</span>${c.organization.name}</span>
    </header>`;
  }

  private renderCloseButton() {
    return html`<button type="button" class="close" ?disabled=${this.paying} @click=${() => this.close()}>
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>
      <span class="sr-only">Close checkout</span>
    </button>`;
  }

  private renderForm(c: CheckoutPublic) {
    const busy = this.savingCount > 0;
    const productNote = this.touched.has('product_id')
      ? null
      : (c.prefill_dropped.find((d) => d.field === 'product_id')?.reason ?? null);
    return html`<div class="layout">
      <section class="summary" aria-labelledby="product-title">
        ${this.embedded ? html`<p class="eyebrow">${c.organization.name}</p>` : nothing}
        <h1 id="product-title">${keepHyphenatedWords(c.product.name)}</h1>
        <p class="hero-price">${renderHeroPrice(c)}</p>
        ${c.product.description && c.products.length === 1 ? html`<p class="description">${c.product.description}</p>` : nothing}
        ${
          c.products.length > 1
            ? renderProductPicker(c.products, this.draft.productId, (id) => this.selectProduct(id), productNote)
            : nothing
        }
        ${c.product_price.amount_type === 'custom' ? this.renderAmountField(c) : nothing}
        ${renderOrderSummary(c, busy)}
      </section>
      <form class="panel" novalidate @submit=${this.pay} aria-labelledby="details-title">
        <h2 id="details-title" class="section-title">Your details</h2>
        ${this.renderTextField('customer_email', 'Email', {
          type: 'email',
          autocomplete: 'email',
          required: true,
          value: this.draft.email,
          onInput: (v) => this.edit('customer_email', { email: v }),
        })}
        ${this.renderTextField('customer_name', 'Name', {
          type: 'text',
          autocomplete: 'name',
          required: false,
          value: this.draft.name,
          onInput: (v) => this.edit('customer_name', { name: v }),
        })}
        ${[...c.product.attached_custom_fields]
          .sort((a, b) => a.order - b.order)
          .map((a) => {
            const key = `custom_field_data.${a.custom_field.slug}`;
            return renderCustomField(a, this.draft.fields[a.custom_field.slug], this.notes(key), (slug, value) =>
              this.edit(key, { fields: { ...this.draft.fields, [slug]: value } }),
            );
          })}
        ${renderDiscountSection({
          checkout: c,
          code: this.draft.discountCode,
          busy: this.savingDiscount,
          meta: this.notes('discount_code'),
          onInput: (v) => this.edit('discount_code', { discountCode: v }),
          onApply: () => this.applyDiscount(),
          onRemove: () => this.removeDiscount(),
        })}
        ${c.is_payment_required ? this.renderCardField() : html`<p class="free-note">No payment needed for this order.</p>`}
        ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
        <button type="submit" class="button primary pay" aria-disabled=${this.paying ? 'true' : 'false'}
          aria-busy=${this.paying ? 'true' : 'false'}>
          ${this.paying ? html`<span class="spinner" aria-hidden="true"></span> Processing…` : this.payLabel(c)}
        </button>
        <p class="fineprint">
          <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false"><rect x="5" y="10" width="14" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 10V7a4 4 0 018 0v3" fill="none" stroke="currentColor" stroke-width="2"/></svg>
          Payments are processed securely. ${c.product.recurring_interval ? 'Cancel anytime.' : ''}
        </p>
      </form>
    </div>`;
  }

  private payLabel(c: CheckoutPublic): string {
    if (!c.is_payment_required) return c.product_price.amount_type === 'free' ? 'Get it free' : 'Complete order';
    const total = formatMoney(c.total_amount, c.currency);
    return c.product.recurring_interval ? `Subscribe · ${total}` : `Pay ${total}`;
  }

  private renderTextField(
    key: 'customer_email' | 'customer_name',
    label: string,
    o: { type: string; autocomplete: string; required: boolean; value: string; onInput: (v: string) => void },
  ) {
    const meta = this.meta(key, key, label, { required: o.required });
    return field(
      meta,
      html`<input type=${o.type} id=${key} name=${key} autocomplete=${o.autocomplete} .value=${live(o.value)}
        ?required=${o.required} aria-describedby=${ifDefined(describedBy(meta))} aria-invalid=${ariaInvalid(meta)}
        maxlength=${key === 'customer_email' ? 320 : 256} spellcheck="false"
        @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}>`,
    );
  }

  private renderAmountField(c: CheckoutPublic) {
    const p = c.product_price;
    if (p.amount_type !== 'custom') return nothing;
    const range =
      p.maximum_amount !== null
        ? `Between ${formatMoney(p.minimum_amount, c.currency)} and ${formatMoney(p.maximum_amount, c.currency)}.`
        : `At least ${formatMoney(p.minimum_amount, c.currency)}.`;
    const meta = this.meta('amount', 'amount', 'Name your price', { required: true, help: range });
    const symbol = currencySymbol(c.currency);
    return field(
      meta,
      html`<div class="affix-input">
        <span class="affix" aria-hidden="true">${symbol}</span>
        <input type="text" inputmode="decimal" id="amount" name="amount" autocomplete="off" required
          .value=${live(this.draft.amount)}
          aria-describedby=${ifDefined(describedBy(meta))} aria-invalid=${ariaInvalid(meta)}
          @input=${(e: Event) => this.edit('amount', { amount: (e.target as HTMLInputElement).value })}
          @change=${() => this.commitAmount()}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void this.commitAmount();
            }
          }}>
        <span class="affix suffix">${c.currency.toUpperCase()}</span>
      </div>`,
      'amount-field',
    );
  }

  private renderCardField() {
    const meta = this.meta('card_number', 'card_number', 'Card number', { required: true, help: TEST_CARD_HINT });
    return html`<h2 class="section-title">Payment</h2>
      ${field(
        meta,
        html`<div class="affix-input card-input">
          <svg class="affix" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><rect x="2.5" y="5" width="19" height="14" rx="2.5" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M2.5 9.5h19" stroke="currentColor" stroke-width="1.8"/></svg>
          <input type="text" inputmode="numeric" id="card_number" name="card_number" autocomplete="cc-number"
            placeholder="1234 1234 1234 1234" maxlength="23" required .value=${live(this.draft.card)}
            aria-describedby=${ifDefined(describedBy(meta))} aria-invalid=${ariaInvalid(meta)}
            @input=${(e: Event) => this.edit('card_number', { card: (e.target as HTMLInputElement).value })}>
        </div>`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'checkout-page': CheckoutPage;
  }
}

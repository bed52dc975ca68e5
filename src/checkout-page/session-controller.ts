import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import {
  type ApiFailure,
  type ApiResult,
  confirmCheckout,
  fetchCheckout,
  type UpdateBody,
  updateCheckout,
} from './checkout-api.ts';
import {
  type AddressDraft,
  confirmBodyOf,
  type Draft,
  draftFrom,
  restartDraftOf,
  VIEW_OF_STATUS,
  type View,
} from './draft.ts';
import type { EmbedBridge } from './embed-bridge.ts';
import { type FieldKey, fieldNotes } from './field-errors.ts';
import { amountView, discountView, outcomeView, pickerView, stepperView } from './lazy-views.ts';
import type { PageData } from './page-data.ts';
import { createSerialQueue } from './serial-queue.ts';
import { t } from './strings.ts';
import { successMessage } from './success-message.ts';
import type { FieldMeta } from './views/field.ts';

const loadFailureText = () => import('./failure-text.ts');

/** What the page shows of a session; the controller is its only writer. */
export interface SessionState {
  checkout: CheckoutPublic | null;
  view: View;
  draft: Draft;
  errors: Map<FieldKey, string>;
  formError: string | null;
  savingCount: number;
  savingDiscount: boolean;
  paying: boolean;
  announcement: string;
  restartError: string | null;
  /** Fields edited since load: their "value from your link was not used" note has served its purpose. */
  touched: Set<FieldKey>;
}

/**
 * The session behind `<checkout-page>`: saves edits, pays, follows the
 * status stream, restarts, and tells the framing page what happened.
 * Every edit goes to the server, which answers the whole session, so the
 * amounts shown are always the server's. One class, as saves, payment and
 * restart share one session and one queue; the pure parts live beside it.
 */
export class CheckoutSessionController implements ReactiveController, Readonly<SessionState> {
  checkout: CheckoutPublic | null = null;
  view: View = 'form';
  draft!: Draft;
  errors = new Map<FieldKey, string>();
  formError: string | null = null;
  savingCount = 0;
  savingDiscount = false;
  paying = false;
  announcement = '';
  restartError: string | null = null;
  touched = new Set<FieldKey>();

  /** Talks to the framing page; inactive (posts nothing) until `start` finds an allowed parent. */
  bridge: EmbedBridge = { active: false, post() {} };
  private embedded = false;
  /** The parent's origin, as the server allowed it (null when not framed or not allowed). */
  private embedOrigin: string | null = null;
  /** Edits and the payment, sent one at a time in the order the customer made them. */
  private readonly enqueue = createSerialQueue();
  private stopStream: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected() {
    this.stopStream?.();
  }

  /** Shows the session the server inlined, and follows it if a payment is under way. */
  start(data: PageData) {
    this.embedded = data.embedded;
    this.embedOrigin = data.embedded ? data.embed_origin : null;
    this.set({ checkout: data.checkout, draft: draftFrom(data.checkout), view: VIEW_OF_STATUS[data.checkout.status] });
    if (this.view === 'processing') this.watchStatus();
  }

  /** @internal For the edits the lazy views carry. */
  set(patch: Partial<SessionState>) {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** Records an edit: the field's error and its dropped-prefill note go away. */
  edit(key: FieldKey, patch: Partial<Draft>) {
    this.set({ draft: { ...this.draft, ...patch } });
    this.clearError(key);
    if (!this.touched.has(key)) this.set({ touched: new Set(this.touched).add(key) });
  }

  selectProduct(productId: string) {
    return pickerView.get()?.selectProduct(this, productId);
  }

  commitAmount() {
    return amountView.get()?.commitAmount(this);
  }

  /** Saves the quantity: `to` from the stepper's buttons, else the one typed. */
  commitQuantity(to?: number) {
    return stepperView.get()?.commitQuantity(this, to);
  }

  /** Records an edit of one billing address line. */
  editAddress(key: keyof AddressDraft, value: string) {
    this.edit(`billing_address.${key}`, { address: { ...this.draft.address, [key]: value } });
  }

  applyDiscount() {
    return discountView.get()?.applyDiscount(this);
  }

  removeDiscount() {
    return discountView.get()?.removeDiscount(this);
  }

  /** Saves an edit; the answer replaces the session (and so every amount on screen). */
  /** @internal For the edits the lazy views carry. */
  async save(body: UpdateBody): Promise<boolean> {
    void loadFailureText().catch(() => {});
    this.set({ savingCount: this.savingCount + 1 });
    const result = await this.enqueue<ApiResult>(() => updateCheckout(this.checkout!.client_secret, body));
    this.set({ savingCount: this.savingCount - 1 });
    if (result.ok) {
      this.set({ checkout: result.checkout });
      return true;
    }
    await this.handleFailure(result, false);
    return false;
  }

  async pay() {
    if (this.paying || !this.checkout) return;
    if (this.draft.discountCode.trim() && !this.checkout.discount) {
      this.setError('discount_code', t('pressApply'));
      await this.focus('[aria-invalid="true"]');
      return;
    }
    this.set({ paying: true, formError: null, errors: new Map() });
    // Fetched beside the payment, so the confirmation (or the refusal) has its words when the answer comes.
    void outcomeView.load().catch(() => {});
    void loadFailureText().catch(() => {});
    const checkoutId = this.checkout.id;
    // Built after earlier edits settled, so it reflects the latest session.
    const result = await this.enqueue<ApiResult>(() =>
      confirmCheckout(
        this.checkout!.client_secret,
        confirmBodyOf(this.checkout!, this.draft, document.documentElement.lang),
      ),
    );
    this.set({ paying: false });
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
    if (result.error === 'card_declined') this.set({ draft: { ...this.draft, card: '' } });
    await this.handleFailure(result, true);
  }

  /** Asks the framing page to close the checkout, unless a payment is running. */
  close() {
    if (this.paying) return;
    this.bridge.post({ type: 'close' });
  }

  /** Framed, "Start again" makes the fresh session here; `false` when a plain link does the job. */
  restart(): boolean {
    // The restart view is drawn from the outcome chunk, so it is here whenever its button is.
    const views = outcomeView.get();
    if (!views || !this.bridge.active || !this.embedOrigin || !this.checkout?.link_url) return false;
    this.set({ restartError: null });
    const draft = restartDraftOf(this.checkout, this.draft);
    const theme = document.documentElement.dataset.theme;
    void views.startAgainEmbedded(this.checkout, draft, this.embedOrigin, theme).then((target) => {
      if (typeof target === 'string') window.location.assign(target);
      else this.set({ restartError: target.message });
    });
    return true;
  }

  /** Shows a session that changed state (paid, expired, failed) in the matching view. */
  private adopt(c: CheckoutPublic) {
    this.set({ checkout: c });
    const view = VIEW_OF_STATUS[c.status];
    if (view === this.view) return;
    this.set({ view });
    if (view === 'success') this.onSucceeded(successMessage(c));
    if (view === 'processing') this.watchStatus();
    // The end states' views are a chunk of their own: focus their heading once it is drawn.
    void outcomeView
      .load()
      .catch(() => {})
      .then(() => {
        this.host.requestUpdate();
        return this.focus('#outcome-title');
      });
  }

  private onSucceeded(message: ReturnType<typeof successMessage>) {
    this.bridge.post(message);
    // Framed, the parent navigates (its `success` event is cancelable); the frame stays on the receipt.
    if (message.success_url && !this.embedded) window.location.assign(message.success_url);
  }

  private async handleFailure(r: ApiFailure, submitting: boolean) {
    // Worded by a chunk of its own (most checkouts meet no refusal), fetched beside each request;
    // if even that cannot arrive, the network is what failed.
    const failure = await loadFailureText().catch(() => null);
    if (!failure) {
      this.set({ formError: t('errNetwork') });
      return;
    }
    const { failureMessages, newTotalNotice } = failure;
    if (r.checkout?.status === 'open') {
      this.set({ checkout: r.checkout, ...newTotalNotice(r.checkout, this.draft, r.message) });
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
    this.set(failureMessages(r, this.checkout!, this.errors, submitting));
    if (submitting) await this.focus('[aria-invalid="true"]');
  }

  private watchStatus() {
    if (this.stopStream || !this.checkout) return;
    const secret = this.checkout.client_secret;
    // The stream is followed from the outcome chunk, which the processing view is drawn from anyway.
    let stop = () => {};
    let stopped = false;
    this.stopStream = () => {
      stopped = true;
      stop();
    };
    void outcomeView
      .load()
      .then((views) => {
        if (stopped) return;
        stop = views.followStatus(secret, (c) => {
          this.stopStream = null;
          if (c) this.adopt(c);
        });
      })
      .catch(() => {});
  }

  /** A field's label, notes and error, from the server's session and the customer's edits. */
  fieldMeta(key: FieldKey, id: string, label: string, extra: Partial<FieldMeta> = {}): FieldMeta {
    return { id, label, ...this.notes(key), ...extra };
  }

  notes(key: FieldKey): Pick<FieldMeta, 'dropped' | 'error'> {
    return fieldNotes(this.checkout!, key, this.touched, this.errors);
  }

  /** @internal For the edits the lazy views carry. */
  setError(key: FieldKey, msg: string) {
    this.set({ errors: new Map(this.errors).set(key, msg) });
  }

  /** @internal For the edits the lazy views carry. */
  clearError(key: FieldKey) {
    if (!this.errors.has(key)) return;
    const next = new Map(this.errors);
    next.delete(key);
    this.set({ errors: next });
  }

  /** @internal For the edits the lazy views carry. */
  announce(text: string) {
    // Cleared first so the same sentence twice is announced twice.
    this.set({ announcement: '' });
    requestAnimationFrame(() => this.set({ announcement: text }));
  }

  /** @internal For the edits the lazy views carry. */
  async focus(selector: string) {
    await this.host.updateComplete;
    this.host.querySelector<HTMLElement>(selector)?.focus();
  }
}

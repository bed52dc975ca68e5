import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CheckoutLink } from '../../shared/schemas/checkout-link.ts';
import type { Discount } from '../../shared/schemas/discount.ts';
import type { Product } from '../../shared/schemas/product.ts';
import { href } from '../app/route.ts';
import type { ManagementApi } from '../core/api.ts';
import { checkWith, preloadSchemas } from '../core/check.ts';
import { FormErrors } from '../core/form-errors.ts';
import { describeDiscount } from '../core/format.ts';
import { fieldError, formBanner, inputField } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';
import {
  AVAILABILITY_KEYS,
  type AvailabilityDraft,
  availabilityBody,
  availabilityDraft,
  availabilityFields,
} from './availability-fields.ts';
import { type MetadataRow, metadataRowErrors, metadataToRows, rowsToMetadata } from './metadata-editor.ts';
import { OPTION_KEYS, type OptionsDraft, optionFields, optionsBody, optionsDraft } from './option-fields.ts';
import './metadata-editor.ts';
import './product-picker.ts';

const KNOWN = [
  'label',
  'products',
  'allow_discount_codes',
  'discount_id',
  'metadata',
  'success_url',
  'return_url',
  ...AVAILABILITY_KEYS,
  ...OPTION_KEYS,
];

/** Fired with the saved link. */
export class LinkSavedEvent extends Event {
  constructor(readonly link: CheckoutLink) {
    super('saved', { bubbles: true });
  }
}

/**
 * New Link / edit a link: label, products, discount settings, metadata,
 * URLs, checkout options and availability, with every error (the browser's schema check first, then the
 * server's) shown next to the field it names.
 */
@customElement('dash-link-form')
export class LinkForm extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  /** The link to edit; null for New Link. */
  @property({ attribute: false }) link: CheckoutLink | null = null;
  /** Active products to offer. */
  @property({ attribute: false }) products: Product[] = [];
  @property({ attribute: false }) discounts: Discount[] = [];

  @state() private label = '';
  @state() private selected: string[] = [];
  @state() private allowCodes = true;
  @state() private discountId = '';
  @state() private metadata: MetadataRow[] = [];
  @state() private successUrl = '';
  @state() private returnUrl = '';
  @state() private availability: AvailabilityDraft = availabilityDraft(null);
  @state() private options: OptionsDraft = optionsDraft(null);
  @state() private errors = FormErrors.none;
  @state() private busy = false;

  override connectedCallback() {
    super.connectedCallback();
    // A failure is reported by the submit that needs the schemas.
    preloadSchemas().catch(() => {});
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('link') && this.link) {
      const l = this.link;
      this.label = l.label ?? '';
      this.selected = l.products.map((p) => p.id);
      this.allowCodes = l.allow_discount_codes;
      this.discountId = l.discount_id ?? '';
      this.metadata = metadataToRows(l.metadata);
      this.successUrl = l.success_url ?? '';
      this.returnUrl = l.return_url ?? '';
      this.availability = availabilityDraft(l);
      this.options = optionsDraft(l);
    }
    // New Link starts with the first product chosen, so one click is enough for the common case.
    if (changed.has('products') && !this.link && this.selected.length === 0 && this.products[0])
      this.selected = [this.products[0].id];
  }

  private body() {
    return {
      label: this.label.trim() || null,
      products: this.selected,
      allow_discount_codes: this.allowCodes,
      discount_id: this.discountId || null,
      metadata: rowsToMetadata(this.metadata),
      success_url: this.successUrl.trim() || null,
      return_url: this.returnUrl.trim() || null,
      ...availabilityBody(this.availability),
      ...optionsBody(this.options),
    };
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const rowProblems = metadataRowErrors(this.metadata).some((r) => r.key.length || r.value.length);
    const body = this.body();
    // Rows already show their own problems; the schema checks the rest.
    let schemaErrors: FormErrors | null;
    try {
      schemaErrors = await checkWith((s) => s.checkoutLinkCreate, rowProblems ? { ...body, metadata: {} } : body);
    } catch (err) {
      schemaErrors = FormErrors.from(err);
    }
    if (rowProblems || schemaErrors) {
      this.errors = schemaErrors ?? new FormErrors('Some fields need your attention.');
      return this.focusFirstError();
    }
    this.busy = true;
    try {
      const link = this.link
        ? await this.api.patch<CheckoutLink>(`/checkout-links/${this.link.id}`, body)
        : await this.api.post<CheckoutLink>('/checkout-links', body);
      this.errors = FormErrors.none;
      this.dispatchEvent(new LinkSavedEvent(link));
    } catch (err) {
      this.errors = FormErrors.from(err);
      this.focusFirstError();
    } finally {
      this.busy = false;
    }
  }

  private async focusFirstError() {
    await this.updateComplete;
    await this.querySelector('dash-metadata-editor')?.updateComplete;
    // The first field in trouble, else the banner naming what no field shows.
    (
      this.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.querySelector<HTMLElement>('.banner-error')
    )?.focus();
  }

  override render() {
    const e = this.errors;
    // Metadata errors name the key (`metadata.{key}`); the editor puts each on its row.
    const metadataErrors: [string, string][] = [
      ...e.at('metadata').map((m) => ['', m] as [string, string]),
      ...e.entriesUnder('metadata'),
    ];
    const productErrors: [string, string][] = [
      ...e.at('products').map((m) => ['', m] as [string, string]),
      ...e.entriesUnder('products'),
    ];
    return html`<form class="card form" @submit=${this.submit} novalidate>
      <h2>${this.link ? 'Edit checkout link' : 'New Link'}</h2>
      ${formBanner(e.message, e.unclaimed(KNOWN))}
      ${inputField({
        id: 'link-label',
        label: 'Label',
        value: this.label,
        errors: e.under('label'),
        hint: 'An internal name for this link. It is only visible to you.',
        placeholder: 'Spring newsletter',
        onInput: (v) => (this.label = v),
      })}
      <dash-product-picker .products=${this.products} .selected=${this.selected} .errors=${productErrors}
        @products-change=${(ev: CustomEvent<string[]>) => (this.selected = ev.detail)}></dash-product-picker>

      <fieldset class="fieldset">
        <legend>Discount</legend>
        <label class="check">
          <input type="checkbox" id="link-allow-codes" .checked=${this.allowCodes} @change=${(ev: Event) => (this.allowCodes = (ev.target as HTMLInputElement).checked)} />
          Allow discount codes
        </label>
        <p class="hint">Turn this off to stop customers from entering discount codes on this link.</p>
        ${fieldError('link-allow-codes-error', e.under('allow_discount_codes'))}
        <div class="field">
          <label for="link-discount">Preset discount <span class="optional">(optional)</span></label>
          <select id="link-discount" aria-describedby="link-discount-hint" aria-invalid=${e.under('discount_id').length ? 'true' : 'false'}
            @change=${(ev: Event) => (this.discountId = (ev.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.discountId === ''}>No preset discount</option>
            ${this.discounts.map(
              (d) =>
                html`<option value=${d.id} ?selected=${this.discountId === d.id}>${d.name}${d.code ? ` (${d.code})` : ''} · ${describeDiscount(d)}</option>`,
            )}
          </select>
          <p class="hint" id="link-discount-hint">Applied automatically when the customer lands on the checkout. <a href=${href('discounts', 'new')}>Create a discount</a></p>
          ${fieldError('link-discount-error', e.under('discount_id'))}
        </div>
      </fieldset>

      <fieldset class="fieldset">
        <legend>Metadata</legend>
        <p class="hint">Optional key/value pairs for your own bookkeeping. They are copied to each checkout and, when it succeeds, to the order or subscription.</p>
        <dash-metadata-editor .rows=${this.metadata} .serverErrors=${metadataErrors}
          @metadata-change=${(ev: CustomEvent<MetadataRow[]>) => (this.metadata = ev.detail)}></dash-metadata-editor>
      </fieldset>

      ${inputField({
        id: 'link-success-url',
        label: 'Success URL',
        type: 'url',
        value: this.successUrl,
        errors: e.under('success_url'),
        placeholder: 'https://example.com/thanks?checkout={CHECKOUT_ID}',
        hint: html`Where customers go after paying. Include <code>{CHECKOUT_ID}</code> to receive the checkout's id. Leave empty to show our confirmation page.`,
        onInput: (v) => (this.successUrl = v),
      })}
      ${inputField({
        id: 'link-return-url',
        label: 'Return URL',
        type: 'url',
        value: this.returnUrl,
        errors: e.under('return_url'),
        placeholder: 'https://example.com/pricing',
        hint: 'A “back” link shown on the checkout page.',
        onInput: (v) => (this.returnUrl = v),
      })}
      ${optionFields(this.options, e, (d) => (this.options = d))}
      ${availabilityFields(this.availability, e, (d) => (this.availability = d))}
      <div class="form-actions">
        <a class="btn" href=${this.link ? href('links', this.link.id) : href('links')}>Cancel</a>
        <button class="btn btn-primary" ?disabled=${this.busy}>${this.busy ? 'Saving…' : this.link ? 'Save link' : 'Create link'}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dash-link-form': LinkForm;
  }
}

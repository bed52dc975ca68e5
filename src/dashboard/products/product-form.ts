import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CustomField } from '../../shared/schemas/custom-field.ts';
import type { Product } from '../../shared/schemas/product.ts';
import { href } from '../app/route.ts';
import { checkWith } from '../core/check.ts';
import { formatMoney, toMajorInput, toMinor } from '../core/format.ts';
import { type Built, CrudForm, combineErrors } from '../crud/crud-form.ts';
import { fieldError, inputField } from '../ui/fields.ts';

type PriceKind = 'fixed' | 'custom' | 'free';
type Interval = '' | 'month' | 'year';

const PRICE = 'prices.0';

/**
 * Create or edit a product: name, billing (one-time or an interval), its one
 * price (fixed, pay what you want with minimum/maximum/preset, or free) and
 * the custom fields it asks for, each required or optional.
 */
@customElement('dash-product-form')
export class ProductForm extends CrudForm<Product> {
  protected readonly resource = {
    section: 'products',
    path: '/products',
    newTitle: 'New product',
    noun: 'product',
    fields: ['name', 'description', 'recurring_interval', 'prices', 'attached_custom_fields'],
  } as const;
  /** Every custom field of the organization, to attach. */
  @property({ attribute: false }) customFields: CustomField[] = [];

  @state() private name = '';
  @state() private description = '';
  @state() private interval: Interval = '';
  @state() private kind: PriceKind = 'fixed';
  @state() private currency = 'USD';
  @state() private amount = '';
  @state() private minimum = '';
  @state() private maximum = '';
  @state() private preset = '';
  /** custom field id → required? (absent = not attached) */
  @state() private attached = new Map<string, boolean>();

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('record') && this.record) {
      const p = this.record;
      const price = p.prices[0];
      this.name = p.name;
      this.description = p.description ?? '';
      this.interval = p.recurring_interval ?? '';
      this.kind = price?.amount_type ?? 'fixed';
      this.currency = (price?.price_currency ?? 'usd').toUpperCase();
      if (price?.amount_type === 'fixed') this.amount = toMajorInput(price.price_amount, this.currency);
      if (price?.amount_type === 'custom') {
        this.minimum = toMajorInput(price.minimum_amount, this.currency);
        this.maximum = toMajorInput(price.maximum_amount, this.currency);
        this.preset = toMajorInput(price.preset_amount, this.currency);
      }
      this.attached = new Map(p.attached_custom_fields.map((a) => [a.custom_field_id, a.required]));
    }
  }

  /** Amount inputs to minor units; a non-number is reported on its own field. */
  private buildPrice(local: [string, string][]) {
    const amount = (key: string, text: string, required: boolean) => {
      if (!text.trim()) {
        if (required) local.push([`${PRICE}.${key}`, 'Enter an amount.']);
        return null;
      }
      const minor = toMinor(text, this.currency);
      if (minor === null) local.push([`${PRICE}.${key}`, 'Enter an amount such as 29.00.']);
      return minor;
    };
    const price_currency = this.currency.trim().toLowerCase();
    if (this.kind === 'free') return { amount_type: 'free', price_currency };
    if (this.kind === 'fixed') {
      const price_amount = amount('price_amount', this.amount, true);
      // The API's floor is in minor units; say it in the currency the merchant typed.
      if (price_amount !== null && price_amount < 50)
        local.push([`${PRICE}.price_amount`, `At least ${formatMoney(50, price_currency || 'usd')}.`]);
      return { amount_type: 'fixed', price_amount, price_currency };
    }
    return {
      amount_type: 'custom',
      minimum_amount: amount('minimum_amount', this.minimum, true),
      maximum_amount: amount('maximum_amount', this.maximum, false),
      preset_amount: amount('preset_amount', this.preset, false),
      price_currency,
    };
  }

  protected async build(): Promise<Built> {
    const local: [string, string][] = [];
    const body = {
      name: this.name,
      description: this.description.trim() || null,
      recurring_interval: this.interval || null,
      prices: [this.buildPrice(local)],
      attached_custom_fields: [...this.attached].map(([custom_field_id, required]) => ({ custom_field_id, required })),
    };
    return { body, errors: combineErrors(local, await checkWith((s) => s.productCreate, body)) };
  }

  private toggleField(id: string, on: boolean) {
    const next = new Map(this.attached);
    if (on) next.set(id, next.get(id) ?? false);
    else next.delete(id);
    this.attached = next;
  }

  private setRequired(id: string, required: boolean) {
    this.attached = new Map(this.attached).set(id, required);
  }

  private renderPrice() {
    const err = (k: string) => this.errors.under(`${PRICE}.${k}`);
    const money = (
      id: string,
      label: string,
      value: string,
      set: (v: string) => void,
      key: string,
      required = true,
      hint?: string,
    ) =>
      inputField({
        id: `product-${id}`,
        label,
        value,
        errors: err(key),
        inputmode: 'decimal',
        placeholder: '0.00',
        required,
        hint,
        className: 'field-narrow',
        onInput: set,
      });
    return html`<fieldset class="fieldset">
      <legend>Price</legend>
      <div class="segmented" role="radiogroup" aria-label="Price type">
        ${(
          [
            ['fixed', 'Fixed price'],
            ['custom', 'Pay what you want'],
            ['free', 'Free'],
          ] as [PriceKind, string][]
        ).map(
          ([value, label]) => html`<label class="segment">
            <input type="radio" name="price-kind" .value=${value} .checked=${this.kind === value}
              @change=${() => (this.kind = value)} /> ${label}</label>`,
        )}
      </div>
      <div class="row">
        ${
          this.kind === 'fixed'
            ? money('amount', 'Amount', this.amount, (v) => (this.amount = v), 'price_amount')
            : this.kind === 'custom'
              ? html`${money('minimum', 'Minimum amount', this.minimum, (v) => (this.minimum = v), 'minimum_amount')}
                ${money('maximum', 'Maximum amount', this.maximum, (v) => (this.maximum = v), 'maximum_amount', false)}
                ${money('preset', 'Suggested amount', this.preset, (v) => (this.preset = v), 'preset_amount', false, 'Prefilled on the checkout.')}`
              : nothing
        }
        ${inputField({ id: 'product-currency', label: 'Currency', value: this.currency, errors: err('price_currency'), required: true, className: 'field-narrow', placeholder: 'USD', onInput: (v) => (this.currency = v.toUpperCase()) })}
      </div>
      ${fieldError('product-price-error', this.errors.at(PRICE).concat(this.errors.at('prices')))}
    </fieldset>`;
  }

  private renderCustomFields() {
    return html`<fieldset class="fieldset">
      <legend>Custom fields</legend>
      <p class="hint">Questions the checkout asks the customer. Their answers arrive with the order.
        <a href=${href('custom-fields', 'new')}>Create a custom field</a></p>
      ${
        this.customFields.length === 0
          ? html`<p class="muted">No custom fields yet.</p>`
          : html`<ul class="plain-list">${this.customFields.map((f) => {
              const on = this.attached.has(f.id);
              return html`<li class="attach-row">
                <label class="check"><input type="checkbox" .checked=${on} @change=${(e: Event) => this.toggleField(f.id, (e.target as HTMLInputElement).checked)} />
                  ${f.name} <code class="muted">${f.slug}</code></label>
                ${
                  on
                    ? html`<select aria-label=${`${f.name}: required or optional`} @change=${(e: Event) => this.setRequired(f.id, (e.target as HTMLSelectElement).value === 'required')}>
                        <option value="optional" ?selected=${!this.attached.get(f.id)}>Optional</option>
                        <option value="required" ?selected=${this.attached.get(f.id)}>Required</option>
                      </select>`
                    : nothing
                }
              </li>`;
            })}</ul>`
      }
      ${fieldError('product-fields-error', this.errors.under('attached_custom_fields'))}
    </fieldset>`;
  }

  protected renderFields() {
    return html`
      ${inputField({ id: 'product-name', label: 'Name', value: this.name, errors: this.errors.under('name'), required: true, onInput: (v) => (this.name = v) })}
      <div class="field">
        <label for="product-description">Description <span class="optional">(optional)</span></label>
        <textarea id="product-description" rows="3" .value=${this.description}
          aria-invalid=${this.errors.under('description').length ? 'true' : 'false'}
          @input=${(e: Event) => (this.description = (e.target as HTMLTextAreaElement).value)}></textarea>
        ${fieldError('product-description-error', this.errors.under('description'))}
      </div>
      <div class="field field-narrow">
        <label for="product-interval">Billing</label>
        <select id="product-interval" @change=${(e: Event) => (this.interval = (e.target as HTMLSelectElement).value as Interval)}>
          <option value="" ?selected=${this.interval === ''}>One-time purchase</option>
          <option value="month" ?selected=${this.interval === 'month'}>Monthly subscription</option>
          <option value="year" ?selected=${this.interval === 'year'}>Yearly subscription</option>
        </select>
        ${fieldError('product-interval-error', this.errors.under('recurring_interval'))}
      </div>
      ${this.renderPrice()} ${this.renderCustomFields()}
`;
  }
}

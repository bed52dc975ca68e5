import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Discount } from '../../shared/schemas/discount.ts';
import { checkWith } from '../core/check.ts';
import { toMinor } from '../core/format.ts';
import { type Built, CrudForm, combineErrors } from '../crud/crud-form.ts';
import { fieldError, inputField } from '../ui/fields.ts';

/**
 * Create a discount (percentage or fixed, once/forever/repeating) or edit
 * one. Type, amount and duration are fixed once created (orders refer to
 * them), so editing offers name, code and redemption limit only.
 */
@customElement('dash-discount-form')
export class DiscountForm extends CrudForm<Discount> {
  protected readonly resource = {
    section: 'discounts',
    path: '/discounts',
    newTitle: 'New discount',
    noun: 'discount',
    fields: [
      'name',
      'code',
      'type',
      'basis_points',
      'amount',
      'currency',
      'duration',
      'duration_in_months',
      'max_redemptions',
    ],
  } as const;
  @state() private name = '';
  @state() private code = '';
  @state() private type: 'percentage' | 'fixed' = 'percentage';
  @state() private value = '';
  @state() private currency = 'USD';
  @state() private duration: 'once' | 'forever' | 'repeating' = 'once';
  @state() private months = '';
  @state() private maxRedemptions = '';

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('record') && this.record) {
      this.name = this.record.name;
      this.code = this.record.code ?? '';
      this.maxRedemptions = this.record.max_redemptions?.toString() ?? '';
    }
  }

  private body(local: [string, string][]) {
    const int = (text: string, key: string) => {
      if (!text.trim()) return null;
      if (!/^\d+$/.test(text.trim())) local.push([key, 'Enter a whole number.']);
      return Number(text.trim());
    };
    const common = {
      name: this.name,
      code: this.code.trim() || null,
      max_redemptions: int(this.maxRedemptions, 'max_redemptions'),
    };
    if (this.record) return common;
    const value =
      this.type === 'percentage'
        ? { type: 'percentage', basis_points: Math.round(Number(this.value.replace(',', '.')) * 100) }
        : { type: 'fixed', amount: toMinor(this.value, this.currency), currency: this.currency.toLowerCase() };
    const number = Number(this.value.replace(',', '.'));
    if (!this.value.trim() || Number.isNaN(number))
      local.push([this.type === 'percentage' ? 'basis_points' : 'amount', 'Enter a number.']);
    // Checked here in percent: the API's own limit is in basis points (1 to 10,000), which means nothing on this form.
    else if (this.type === 'percentage' && !(number >= 0.01 && number <= 100))
      local.push(['basis_points', 'Enter a percentage from 0.01 to 100.']);
    return {
      ...common,
      ...value,
      duration: this.duration,
      duration_in_months: this.duration === 'repeating' ? int(this.months, 'duration_in_months') : null,
    };
  }

  protected async build(): Promise<Built> {
    const local: [string, string][] = [];
    const body = this.body(local);
    return {
      body,
      errors: combineErrors(local, await checkWith((s) => (this.record ? s.discountUpdate : s.discountCreate), body)),
    };
  }

  protected renderFields() {
    const e = this.errors;
    return html`
      ${inputField({ id: 'discount-name', label: 'Name', value: this.name, required: true, errors: e.under('name'), hint: 'Shown to customers on the checkout.', onInput: (v) => (this.name = v) })}
      ${inputField({ id: 'discount-code', label: 'Code', value: this.code, errors: e.under('code'), hint: 'What customers type (case-insensitive). Leave empty for a discount you only preset on links.', onInput: (v) => (this.code = v) })}
      ${
        this.record
          ? nothing
          : html`<div class="row">
              <div class="field field-narrow">
                <label for="discount-type">Type</label>
                <select id="discount-type" @change=${(ev: Event) => (this.type = (ev.target as HTMLSelectElement).value as 'percentage')}>
                  <option value="percentage" ?selected=${this.type === 'percentage'}>Percentage</option>
                  <option value="fixed" ?selected=${this.type === 'fixed'}>Fixed amount</option>
                </select>
              </div>
              ${inputField({ id: 'discount-value', label: this.type === 'percentage' ? 'Percent off' : 'Amount off', value: this.value, required: true, inputmode: 'decimal', className: 'field-narrow', errors: e.under(this.type === 'percentage' ? 'basis_points' : 'amount'), onInput: (v) => (this.value = v) })}
              ${this.type === 'fixed' ? inputField({ id: 'discount-currency', label: 'Currency', value: this.currency, required: true, className: 'field-narrow', errors: e.under('currency'), onInput: (v) => (this.currency = v.toUpperCase()) }) : nothing}
            </div>
            <div class="row">
              <div class="field field-narrow">
                <label for="discount-duration">Duration</label>
                <select id="discount-duration" aria-describedby="discount-duration-hint" @change=${(ev: Event) => (this.duration = (ev.target as HTMLSelectElement).value as 'once')}>
                  <option value="once" ?selected=${this.duration === 'once'}>Once</option>
                  <option value="forever" ?selected=${this.duration === 'forever'}>Forever</option>
                  <option value="repeating" ?selected=${this.duration === 'repeating'}>Several months</option>
                </select>
                <p class="hint" id="discount-duration-hint">For subscriptions: how many periods it applies to.</p>
                ${fieldError('discount-duration-error', e.under('duration'))}
              </div>
              ${this.duration === 'repeating' ? inputField({ id: 'discount-months', label: 'Months', value: this.months, required: true, inputmode: 'numeric', className: 'field-narrow', errors: e.under('duration_in_months'), onInput: (v) => (this.months = v) }) : nothing}
            </div>`
      }
      ${inputField({ id: 'discount-max', label: 'Maximum redemptions', value: this.maxRedemptions, inputmode: 'numeric', className: 'field-narrow', errors: e.under('max_redemptions'), onInput: (v) => (this.maxRedemptions = v) })}
`;
  }
}

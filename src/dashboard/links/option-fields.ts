import { html, nothing } from 'lit';
import type { CheckoutLink } from '../../shared/schemas/checkout-link.ts';
import type { FormErrors } from '../core/form-errors.ts';
import { fieldError, inputField } from '../ui/fields.ts';

/** The checkout options as the form edits them: numbers as typed, so the schema names what is wrong. */
export interface OptionsDraft {
  trialInterval: string;
  trialCount: string;
  quantity: boolean;
  quantityMin: string;
  quantityMax: string;
  billingAddress: boolean;
  confirmationMessage: string;
}

export const OPTION_KEYS = [
  'trial_interval',
  'trial_interval_count',
  'adjustable_quantity',
  'require_billing_address',
  'confirmation_message',
];

export const optionsDraft = (link: CheckoutLink | null): OptionsDraft => ({
  trialInterval: link?.trial_interval ?? '',
  trialCount: link?.trial_interval_count == null ? '' : String(link.trial_interval_count),
  quantity: Boolean(link?.adjustable_quantity),
  quantityMin: String(link?.adjustable_quantity?.minimum ?? 1),
  quantityMax: String(link?.adjustable_quantity?.maximum ?? 10),
  billingAddress: link?.require_billing_address ?? false,
  confirmationMessage: link?.confirmation_message ?? '',
});

const typedNumber = (value: string) => (value.trim() ? Number(value) : null);

export const optionsBody = (d: OptionsDraft) => ({
  trial_interval: d.trialInterval || null,
  trial_interval_count: d.trialInterval ? typedNumber(d.trialCount) : null,
  adjustable_quantity: d.quantity ? { minimum: typedNumber(d.quantityMin), maximum: typedNumber(d.quantityMax) } : null,
  require_billing_address: d.billingAddress,
  confirmation_message: d.confirmationMessage.trim() || null,
});

const TRIAL_UNITS = [
  ['', 'No trial'],
  ['day', 'Days'],
  ['week', 'Weeks'],
  ['month', 'Months'],
  ['year', 'Years'],
] as const;

/** The Checkout options fieldset of the link form: a trial, an adjustable quantity, a billing address, a message. */
export function optionFields(d: OptionsDraft, e: FormErrors, change: (d: OptionsDraft) => void) {
  const set = (patch: Partial<OptionsDraft>) => change({ ...d, ...patch });
  const trialErrors = e.under('trial_interval');
  const quantityErrors = e.at('adjustable_quantity');
  const messageErrors = e.under('confirmation_message');
  return html`<fieldset class="fieldset">
    <legend>Checkout options</legend>
    <div class="field">
      <label for="link-trial-interval">Free trial <span class="optional">(optional)</span></label>
      <select id="link-trial-interval" aria-describedby="link-trial-interval-hint${trialErrors.length ? ' link-trial-interval-error' : ''}"
        aria-invalid=${trialErrors.length ? 'true' : 'false'}
        @change=${(ev: Event) => {
          const unit = (ev.target as HTMLSelectElement).value;
          set({ trialInterval: unit, trialCount: unit && !d.trialCount ? '14' : d.trialCount });
        }}>
        ${TRIAL_UNITS.map(([value, words]) => html`<option value=${value} ?selected=${d.trialInterval === value}>${words}</option>`)}
      </select>
      <p class="hint" id="link-trial-interval-hint">For the link's subscription products: nothing is charged today, the card is collected and charged when the trial ends. One-time products on the link have no trial.</p>
      ${fieldError('link-trial-interval-error', trialErrors)}
    </div>
    ${
      d.trialInterval
        ? inputField({
            id: 'link-trial-count',
            label: 'Trial length',
            type: 'number',
            inputmode: 'numeric',
            value: d.trialCount,
            required: true,
            errors: e.under('trial_interval_count'),
            hint: 'How many of the units above, from 1 to 1,000.',
            className: 'field-narrow',
            onInput: (v) => set({ trialCount: v }),
          })
        : nothing
    }
    <label class="check">
      <input type="checkbox" id="link-quantity" .checked=${d.quantity} aria-describedby="link-quantity-hint"
        @change=${(ev: Event) => set({ quantity: (ev.target as HTMLInputElement).checked })} />
      Let customers choose a quantity
    </label>
    <p class="hint" id="link-quantity-hint">For fixed-price one-time products: the checkout shows a stepper and charges the price times the quantity, discounts applied to the whole.</p>
    ${fieldError('link-quantity-error', quantityErrors)}
    ${
      d.quantity
        ? html`<div class="row">
          ${inputField({
            id: 'link-quantity-min',
            label: 'Minimum',
            type: 'number',
            inputmode: 'numeric',
            value: d.quantityMin,
            required: true,
            errors: e.under('adjustable_quantity.minimum'),
            className: 'field-narrow',
            onInput: (v) => set({ quantityMin: v }),
          })}
          ${inputField({
            id: 'link-quantity-max',
            label: 'Maximum',
            type: 'number',
            inputmode: 'numeric',
            value: d.quantityMax,
            required: true,
            errors: e.under('adjustable_quantity.maximum'),
            hint: 'Up to 10,000.',
            className: 'field-narrow',
            onInput: (v) => set({ quantityMax: v }),
          })}
        </div>`
        : nothing
    }
    <label class="check">
      <input type="checkbox" id="link-billing-address" .checked=${d.billingAddress} aria-describedby="link-billing-address-hint"
        @change=${(ev: Event) => set({ billingAddress: (ev.target as HTMLInputElement).checked })} />
      Require a billing address
    </label>
    <p class="hint" id="link-billing-address-hint">The checkout asks for country, address, postal code and city; orders and subscriptions keep it.</p>
    ${fieldError('link-billing-address-error', e.under('require_billing_address'))}
    <div class="field">
      <label for="link-confirmation-message">Confirmation message <span class="optional">(optional)</span></label>
      <textarea id="link-confirmation-message" rows="3" maxlength="1000" .value=${d.confirmationMessage}
        aria-invalid=${messageErrors.length ? 'true' : 'false'}
        aria-describedby="link-confirmation-message-hint${messageErrors.length ? ' link-confirmation-message-error' : ''}"
        @input=${(ev: Event) => set({ confirmationMessage: (ev.target as HTMLTextAreaElement).value })}></textarea>
      <p class="hint" id="link-confirmation-message-hint">Plain text, up to 1,000 characters, shown to the customer after paying when the link has no success URL.</p>
      ${fieldError('link-confirmation-message-error', messageErrors)}
    </div>
  </fieldset>`;
}

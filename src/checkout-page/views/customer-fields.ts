import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { CheckoutPublic } from '../../shared/schemas/checkout.ts';
import { currencySymbol, formatMoney } from '../money.ts';
import { t } from '../strings.ts';
import { ariaInvalid, describedBy, type FieldMeta, field } from './field.ts';

export interface TextFieldProps {
  key: 'customer_email' | 'customer_name';
  type: string;
  autocomplete: string;
  maxLength: number;
  value: string;
  onInput: (value: string) => void;
}

/** The customer's email or name. */
export function renderTextField(meta: FieldMeta, p: TextFieldProps) {
  return field(
    meta,
    html`<input type=${p.type} id=${p.key} name=${p.key} autocomplete=${p.autocomplete} .value=${live(p.value)}
        ?required=${Boolean(meta.required)} aria-describedby=${ifDefined(describedBy(meta))} aria-invalid=${ariaInvalid(meta)}
        maxlength=${p.maxLength} spellcheck="false"
        @input=${(e: Event) => p.onInput((e.target as HTMLInputElement).value)}>`,
  );
}

/** "Between $5.00 and $1,000.00.": the help under a pay-what-you-want amount. */
export function amountRange(c: CheckoutPublic): string | null {
  const p = c.product_price;
  if (p.amount_type !== 'custom') return null;
  return p.maximum_amount !== null
    ? t('amountBetween', {
        min: formatMoney(p.minimum_amount, c.currency),
        max: formatMoney(p.maximum_amount, c.currency),
      })
    : t('amountAtLeast', { min: formatMoney(p.minimum_amount, c.currency) });
}

/** A pay-what-you-want amount in major units; Enter or leaving the field saves it. */
export function renderAmountField(
  c: CheckoutPublic,
  meta: FieldMeta,
  value: string,
  onInput: (value: string) => void,
  onCommit: () => void,
) {
  if (c.product_price.amount_type !== 'custom') return nothing;
  return field(
    meta,
    html`<div class="affix-input">
        <span class="affix" aria-hidden="true">${currencySymbol(c.currency)}</span>
        <input type="text" inputmode="decimal" id="amount" name="amount" autocomplete="off" required
          .value=${live(value)}
          aria-describedby=${ifDefined(describedBy(meta))} aria-invalid=${ariaInvalid(meta)}
          @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
          @change=${onCommit}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onCommit();
            }
          }}>
        <span class="affix suffix">${c.currency.toUpperCase()}</span>
      </div>`,
    'amount-field',
  );
}

/** The card number, under its section title, with the test cards as help. */
export function renderCardField(meta: Omit<FieldMeta, 'help'>, value: string, onInput: (value: string) => void) {
  const withHelp: FieldMeta = { ...meta, help: t('testCards') };
  return html`<h2 class="section-title">${t('payment')}</h2>
      ${field(
        withHelp,
        html`<div class="affix-input card-input">
          <svg class="affix" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><rect x="2.5" y="5" width="19" height="14" rx="2.5" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M2.5 9.5h19" stroke="currentColor" stroke-width="1.8"/></svg>
          <input type="text" inputmode="numeric" id="card_number" name="card_number" autocomplete="cc-number"
            placeholder="1234 1234 1234 1234" maxlength="23" required .value=${live(value)}
            aria-describedby=${ifDefined(describedBy(withHelp))} aria-invalid=${ariaInvalid(withHelp)}
            @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}>
        </div>`,
      )}`;
}

import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { CheckoutPublic } from '../../shared/schemas/checkout.ts';
import type { EditHost } from '../edit-host.ts';
import { currencySymbol, formatMoney, parseDecimalInput, toDecimalInput } from '../money.ts';
import { t } from '../strings.ts';
import { ariaInvalid, describedBy, type FieldMeta, field } from './field.ts';

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

/** The controller's `commitAmount`, here with the view that calls it (its chunk). */
export async function commitAmount(s: EditHost) {
  const c = s.checkout!;
  const minor = parseDecimalInput(s.draft.amount, c.currency);
  if (minor === null) {
    s.setError('amount', t('enterAmount', { example: toDecimalInput(c.amount, c.currency) }));
    return;
  }
  if (minor === c.amount && !s.errors.has('amount')) return;
  s.clearError('amount');
  if (await s.save({ amount: minor })) {
    const now = s.checkout!;
    s.set({ draft: { ...s.draft, amount: toDecimalInput(now.amount, now.currency) } });
    s.announce(t('totalIs', { total: formatMoney(now.total_amount, now.currency) }));
  }
}

import { html, nothing } from 'lit';
import type { CheckoutPublic } from '../../shared/schemas/checkout.ts';
import { formatMoney, intervalSuffix } from '../money.ts';
import { t } from '../strings.ts';
import { discountLabel } from './order-summary.ts';
import { afterTrial, trialTerms } from './trial-terms.ts';

/** A trial: what each period costs after it (with its discount), then nothing due today. */
export function renderTrialSummary(c: CheckoutPublic, trial: NonNullable<CheckoutPublic['trial']>, busy: boolean) {
  const interval = intervalSuffix(c.product);
  return html`<dl class="totals" aria-busy=${busy ? 'true' : 'false'} aria-live="polite" aria-atomic="true">
    <div class="line"><dt>${c.product.name}</dt><dd data-amount="subtotal">${formatMoney(trial.amount, c.currency)}${interval}</dd></div>
    ${
      c.discount && trial.discount_amount > 0
        ? html`<div class="line discount-line">
            <dt>${c.discount.code ? html`<span class="code">${c.discount.code}</span>` : c.discount.name}
              <span class="muted">${discountLabel(c.discount)}</span></dt>
            <dd data-amount="discount">−${formatMoney(trial.discount_amount, c.currency)}</dd>
          </div>`
        : nothing
    }
    <div class="line"><dt>${t('afterTrial')}</dt><dd data-amount="after-trial">${afterTrial(c, trial)}</dd></div>
    <div class="line total-line"><dt>${t('dueToday')}</dt><dd data-amount="total">${formatMoney(c.total_amount, c.currency)}</dd></div>
    <p class="renewal">${trialTerms(c)}.</p>
  </dl>`;
}

import { html, nothing } from 'lit';
import type { CheckoutPublic } from '../../shared/schemas/checkout.ts';
import { formatMoney, intervalSuffix } from '../money.ts';
import { times } from '../option-strings.ts';
import { lang, t, unitCount } from '../strings.ts';

const percentText = (percent: number) =>
  lang() === 'en' ? String(Number(percent.toFixed(2))) : new Intl.NumberFormat(lang()).format(percent);

/** "20 % off" or "$5.00 off", from the discount as the server describes it. */
export function discountLabel(d: NonNullable<CheckoutPublic['discount']>): string {
  if (d.type === 'percentage' && d.basis_points !== undefined)
    // English digits ("12.5") need no `Intl` object on the first render (see money-format.ts); others do.
    return t('percentOff', { percent: percentText(d.basis_points / 100) });
  if (d.type === 'fixed' && d.amount !== undefined && d.currency)
    return t('amountOff', { amount: formatMoney(d.amount, d.currency) });
  return d.name;
}

/** For subscriptions: how long the reduction lasts, and what renews after. */
export function renewalNote(c: CheckoutPublic): string | null {
  if (!c.product.recurring_interval || !c.discount || c.discount_amount === 0) return null;
  const full = formatMoney(c.amount, c.currency) + intervalSuffix(c.product);
  if (c.discount.duration === 'once') return t('renewOnce', { price: full });
  if (c.discount.duration === 'repeating' && c.discount.duration_in_months)
    return t('renewMonths', { months: unitCount(c.discount.duration_in_months, 'month'), price: full });
  return null;
}

/**
 * The amounts exactly as the server computed them (subtotal, discount,
 * total): the page never does the arithmetic itself, so what it shows is
 * what will be charged. `busy` marks them stale while an edit is saved.
 * A trial's summary is trial-summary.ts.
 */
export function renderOrderSummary(c: CheckoutPublic, busy: boolean) {
  const interval = intervalSuffix(c.product);
  const renewal = renewalNote(c);
  return html`<dl class="totals" aria-busy=${busy ? 'true' : 'false'} aria-live="polite" aria-atomic="true">
    <div class="line"><dt>${times(c.product.name, c.quantity)}</dt><dd data-amount="subtotal">${formatMoney(c.amount, c.currency)}</dd></div>
    ${
      c.discount && c.discount_amount > 0
        ? html`<div class="line discount-line">
            <dt>${c.discount.code ? html`<span class="code">${c.discount.code}</span>` : c.discount.name}
              <span class="muted">${discountLabel(c.discount)}</span></dt>
            <dd data-amount="discount">−${formatMoney(c.discount_amount, c.currency)}</dd>
          </div>`
        : nothing
    }
    <div class="line total-line">
      <dt>${t(renewal ? 'dueToday' : 'total')}</dt>
      <dd data-amount="total">${formatMoney(c.total_amount, c.currency)}${
        interval && !renewal ? html`<span class="interval">${interval}</span>` : nothing
      }</dd>
    </div>
    ${renewal ? html`<p class="renewal">${renewal}</p>` : nothing}
  </dl>`;
}

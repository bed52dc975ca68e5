import { html, nothing } from 'lit';
import { CUSTOMER_EMAIL_MAX_LENGTH, CUSTOMER_NAME_MAX_LENGTH } from '../../shared/customer-limits.ts';
import type { CheckoutPublic } from '../../shared/schemas/checkout.ts';
import {
  amountView,
  billingView,
  customFieldView,
  discountView,
  pickerView,
  stepperView,
  trialView,
} from '../lazy-views.ts';
import { formatMoney } from '../money.ts';
import type { CheckoutSessionController } from '../session-controller.ts';
import { t } from '../strings.ts';
import { renderCardField, renderTextField } from './customer-fields.ts';
import { keepHyphenatedWords, renderHeroPrice } from './hero-price.ts';
import { renderOrderSummary } from './order-summary.ts';

function payLabel(c: CheckoutPublic): string {
  if (c.trial) return t('startTrial');
  if (!c.is_payment_required) return t(c.product_price.amount_type === 'free' ? 'getFree' : 'completeOrder');
  const total = formatMoney(c.total_amount, c.currency);
  return t(c.product.recurring_interval ? 'subscribeTotal' : 'payTotal', { total });
}

/** The open session: what is bought (with the server's totals) beside the customer's details and payment. */
export function renderCheckoutForm(c: CheckoutPublic, s: CheckoutSessionController, embedded: boolean) {
  const d = s.draft;
  const pay = (e: Event) => {
    e.preventDefault();
    void s.pay();
  };
  return html`<div class="layout">
      <section class="summary" aria-labelledby="product-title">
        ${embedded ? html`<p class="eyebrow">${c.organization.name}</p>` : nothing}
        <h1 id="product-title">${keepHyphenatedWords(c.product.name)}</h1>
        <p class="hero-price">${renderHeroPrice(c)}</p>
        ${c.product.description && c.products.length === 1 ? html`<p class="description">${c.product.description}</p>` : nothing}
        ${
          c.products.length > 1
            ? pickerView
                .get()
                ?.renderProductPicker(
                  c.products,
                  d.productId,
                  (id) => s.selectProduct(id),
                  s.notes('product_id').dropped ?? null,
                )
            : nothing
        }
        ${amountView.get()?.renderAmountField(
          c,
          s.fieldMeta('amount', 'amount', t('nameYourPrice'), {
            required: true,
            help: amountView.get()?.amountRange(c),
          }),
          d.amount,
          (v) => s.edit('amount', { amount: v }),
          () => void s.commitAmount(),
        )}
        ${stepperView.get()?.renderQuantityStepper(
          c,
          s.fieldMeta('quantity', 'quantity', t('quantity'), { required: true }),
          d.quantity,
          (v) => s.edit('quantity', { quantity: v }),
          (to) => void s.commitQuantity(to),
        )}
        ${
          c.trial
            ? (trialView.get()?.renderTrialSummary(c, c.trial, s.savingCount > 0) ?? nothing)
            : renderOrderSummary(c, s.savingCount > 0)
        }
      </section>
      <form class="panel" novalidate @submit=${pay} aria-labelledby="details-title">
        <h2 id="details-title" class="section-title">${t('yourDetails')}</h2>
        ${renderTextField(s.fieldMeta('customer_email', 'customer_email', t('email'), { required: true }), {
          key: 'customer_email',
          type: 'email',
          autocomplete: 'email',
          maxLength: CUSTOMER_EMAIL_MAX_LENGTH,
          value: d.email,
          onInput: (v) => s.edit('customer_email', { email: v }),
        })}
        ${renderTextField(s.fieldMeta('customer_name', 'customer_name', t('name'), { required: false }), {
          key: 'customer_name',
          type: 'text',
          autocomplete: 'name',
          maxLength: CUSTOMER_NAME_MAX_LENGTH,
          value: d.name,
          onInput: (v) => s.edit('customer_name', { name: v }),
        })}
        ${[...c.product.attached_custom_fields]
          .sort((a, b) => a.order - b.order)
          .map((a) => {
            const key = `custom_field_data.${a.custom_field.slug}`;
            return customFieldView
              .get()
              ?.renderCustomField(a, d.fields[a.custom_field.slug], s.notes(key), (slug, value) =>
                s.edit(key, { fields: { ...s.draft.fields, [slug]: value } }),
              );
          })}
        ${billingView.get()?.renderBillingAddress(
          c,
          d.address,
          (key, label, required) => s.fieldMeta(`billing_address.${key}`, `billing_${key}`, label, { required }),
          (key, value) => s.editAddress(key, value),
        )}
        ${discountView.get()?.renderDiscountSection({
          checkout: c,
          code: d.discountCode,
          busy: s.savingDiscount,
          meta: s.notes('discount_code'),
          onInput: (v) => s.edit('discount_code', { discountCode: v }),
          onApply: () => s.applyDiscount(),
          onRemove: () => s.removeDiscount(),
        })}
        ${
          c.is_payment_required || c.trial
            ? renderCardField(
                s.fieldMeta('card_number', 'card_number', t('cardNumber'), { required: true }),
                d.card,
                (v) => s.edit('card_number', { card: v }),
              )
            : html`<p class="free-note">${t('noPayment')}</p>`
        }
        ${c.trial ? html`<p class="free-note">${t('trialCard')}</p>` : nothing}
        ${s.formError ? html`<p class="form-error" role="alert">${s.formError}</p>` : nothing}
        <button type="submit" class="button primary pay" aria-disabled=${s.paying ? 'true' : 'false'}
          aria-busy=${s.paying ? 'true' : 'false'}>
          ${s.paying ? html`<span class="spinner" aria-hidden="true"></span> ${t('processing')}` : payLabel(c)}
        </button>
        <p class="fineprint">
          <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false"><rect x="5" y="10" width="14" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 10V7a4 4 0 018 0v3" fill="none" stroke="currentColor" stroke-width="2"/></svg>
          ${t('securePayments')} ${c.product.recurring_interval ? t('cancelAnytime') : ''}
        </p>
      </form>
    </div>`;
}

import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { CheckoutPublic } from '../../shared/schemas/checkout.ts';
import type { EditHost } from '../edit-host.ts';
import { formatMoney } from '../money.ts';
import { t } from '../strings.ts';
import { ariaInvalid, describedBy, type FieldMeta, fieldNotes } from './field.ts';
import { discountLabel } from './order-summary.ts';

export interface DiscountSectionProps {
  checkout: CheckoutPublic;
  code: string;
  busy: boolean;
  meta: Pick<FieldMeta, 'error' | 'dropped'>;
  onInput: (code: string) => void;
  onApply: () => void;
  onRemove: () => void;
}

/**
 * The discount: an applied one (preset by the link or entered) shows as a
 * chip with its reduction; a code field appears only where the link allows
 * codes. Enter in the field applies the code rather than paying.
 */
export function renderDiscountSection(p: DiscountSectionProps) {
  const c = p.checkout;
  if (!c.allow_discount_codes && !c.discount) return nothing;
  if (c.discount) {
    return html`<div class="field discount-applied" data-field="discount_code">
      <span class="label">${t('discount')}</span>
      <div class="chip" role="group" aria-label=${t('appliedDiscount')}>
        <span class="chip-text">
          ${c.discount.code ? html`<span class="code">${c.discount.code}</span>` : html`<span>${c.discount.name}</span>`}
          <span class="muted">${t('discountApplied', { discount: discountLabel(c.discount) })}</span>
        </span>
        ${
          c.allow_discount_codes && c.discount.code
            ? html`<button type="button" class="link-button" ?disabled=${p.busy} @click=${p.onRemove}
                aria-label=${t('removeCode', { code: c.discount.code })}>${t('remove')}</button>`
            : nothing
        }
      </div>
      ${fieldNotes({ id: 'discount_code', label: '', ...p.meta })}
    </div>`;
  }
  const meta: FieldMeta = { id: 'discount_code', label: t('discountCode'), ...p.meta };
  return html`<div class="field" data-field="discount_code" ?data-invalid=${Boolean(meta.error)}>
    <label class="label" for="discount_code">${t('discountCode')} <span class="optional">${t('optional')}</span></label>
    <div class="inline-group">
      <input type="text" id="discount_code" name="discount_code" autocomplete="off" autocapitalize="characters"
        spellcheck="false" .value=${live(p.code)} aria-describedby=${ifDefined(describedBy(meta))}
        aria-invalid=${ariaInvalid(meta)}
        @input=${(e: Event) => p.onInput((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            p.onApply();
          }
        }}>
      <button type="button" class="button secondary" ?disabled=${p.busy} aria-busy=${p.busy ? 'true' : 'false'}
        @click=${p.onApply}>${t('apply')}</button>
    </div>
    ${fieldNotes(meta)}
  </div>`;
}

/** The controller's `applyDiscount`, here with the view that calls it (its chunk). */
export async function applyDiscount(s: EditHost) {
  const code = s.draft.discountCode.trim();
  if (!code) {
    s.setError('discount_code', t('enterCodeFirst'));
    return;
  }
  s.clearError('discount_code');
  s.set({ touched: new Set(s.touched).add('discount_code'), savingDiscount: true });
  const ok = await s.save({ discount_code: code });
  s.set({ savingDiscount: false });
  if (ok) {
    const c = s.checkout!;
    s.set({ draft: { ...s.draft, discountCode: '' } });
    s.announce(t('discountAddedTotal', { total: formatMoney(c.total_amount, c.currency) }));
    await s.focus('.discount-applied button');
  }
}

/** The controller's `removeDiscount`, here with the view that calls it (its chunk). */
export async function removeDiscount(s: EditHost) {
  s.clearError('discount_code');
  s.set({ savingDiscount: true });
  const ok = await s.save({ discount_code: null });
  s.set({ savingDiscount: false });
  if (ok) {
    const c = s.checkout!;
    s.announce(t('discountRemovedTotal', { total: formatMoney(c.total_amount, c.currency) }));
    await s.focus('#discount_code');
  }
}

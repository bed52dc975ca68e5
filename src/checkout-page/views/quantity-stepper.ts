import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { CheckoutPublic } from '../../shared/schemas/checkout.ts';
import { parseQuantity } from '../draft.ts';
import type { EditHost } from '../edit-host.ts';
import { formatMoney } from '../money.ts';
import { t } from '../strings.ts';
import { ariaInvalid, describedBy, type FieldMeta, field } from './field.ts';

/**
 * The quantity, where the link lets the customer choose it: − and + step
 * it, typing and leaving the field (or Enter) saves it; the amounts shown
 * are the server's answer. Nothing for a product bought one at a time.
 * At a bound the button stays focusable (`aria-disabled`), so focus never
 * drops to the page under a keyboard user's feet.
 */
export function renderQuantityStepper(
  c: CheckoutPublic,
  meta: FieldMeta,
  value: string,
  onInput: (value: string) => void,
  onCommit: (quantity?: number) => void,
) {
  const bounds = c.adjustable_quantity;
  if (!bounds) return nothing;
  const withHelp: FieldMeta = { ...meta, help: t('quantityRange', { min: bounds.minimum, max: bounds.maximum }) };
  // From the quantity on screen, so quick clicks add up before the server answers each.
  const current = parseQuantity(value) ?? c.quantity;
  const step = (by: number) => {
    const next = Math.min(bounds.maximum, Math.max(bounds.minimum, current + by));
    if (next !== current) onCommit(next);
  };
  return field(
    withHelp,
    html`<div class="stepper">
      <button type="button" class="button secondary step" aria-label=${t('fewer')} aria-controls="quantity"
        aria-disabled=${current <= bounds.minimum ? 'true' : 'false'} @click=${() => step(-1)}>−</button>
      <input type="text" inputmode="numeric" id="quantity" name="quantity" autocomplete="off" required
        .value=${live(value)} aria-describedby=${ifDefined(describedBy(withHelp))} aria-invalid=${ariaInvalid(withHelp)}
        @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
        @change=${() => onCommit()}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onCommit();
          }
        }}>
      <button type="button" class="button secondary step" aria-label=${t('more')} aria-controls="quantity"
        aria-disabled=${current >= bounds.maximum ? 'true' : 'false'} @click=${() => step(1)}>+</button>
    </div>`,
    'quantity-field',
  );
}

/** The controller's `commitQuantity`, here with the view that calls it (its chunk). */
export async function commitQuantity(s: EditHost, to?: number) {
  const c = s.checkout!;
  const quantity = to ?? parseQuantity(s.draft.quantity);
  if (quantity === null) {
    s.setError('quantity', t('wholeQuantity'));
    return;
  }
  s.set({ draft: { ...s.draft, quantity: String(quantity) } });
  if (quantity === c.quantity && !s.errors.has('quantity')) return;
  s.clearError('quantity');
  if (await s.save({ quantity })) {
    const now = s.checkout!;
    // A later step is on its way: its own answer settles the field.
    if (s.draft.quantity !== String(quantity)) return;
    s.announce(t('quantityTotal', { quantity: now.quantity, total: formatMoney(now.total_amount, now.currency) }));
  }
}

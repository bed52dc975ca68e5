import { html, nothing } from 'lit';
import type { BillingAddress } from '../../shared/schemas/link-options.ts';
import { formatDateTime } from '../core/format.ts';

let regionNames: Intl.DisplayNames | undefined;

/** A billing address on one line, its country named in the browser's language ("1 rue de la Paix, 75002 Paris, France"). */
export function billingAddressLine(a: BillingAddress | null) {
  if (!a) return nothing;
  regionNames ??= new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' });
  const place = [a.postal_code, a.city].join(' ');
  const parts = [a.line1, a.line2, place, a.state, regionNames.of(a.country) ?? a.country].filter(Boolean);
  return html`<div class="muted small" data-billing-address>${parts.join(', ')}</div>`;
}

/** "× 3" after a product bought more than once. */
export const quantityNote = (quantity: number) =>
  quantity > 1 ? html` <span class="muted" data-quantity>× ${quantity}</span>` : nothing;

/** A subscription still in its free trial, and until when. */
export const trialNote = (s: { status: string; trial_end: string | null }) =>
  s.status === 'trialing' && s.trial_end
    ? html`<div class="muted small"><span class="badge badge-info">Trial</span> until ${formatDateTime(s.trial_end)}</div>`
    : nothing;

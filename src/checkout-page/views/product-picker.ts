import { html, nothing } from 'lit';
import type { Product } from '../../shared/schemas/product.ts';
import type { EditHost } from '../edit-host.ts';
import { currentPrice, formatMoney, intervalSuffix, priceLabel, toDecimalInput } from '../money.ts';
import { t } from '../strings.ts';

/**
 * The products of the link as a native radio group inside a fieldset: arrow
 * keys move between options, and screen readers announce "1 of 3" and the
 * legend, with nothing re-implemented. Each option shows its price and
 * interval; the summary beside it shows the server's totals.
 */
export function renderProductPicker(
  products: readonly Product[],
  selectedId: string,
  onSelect: (productId: string) => void,
  note: string | null,
) {
  return html`<fieldset class="products" aria-describedby=${note ? 'products-dropped' : nothing}>
    <legend class="label">${t('chooseOption')}</legend>
    ${products.map((p) => {
      const id = `product-${p.id}`;
      return html`<label class="product-option" for=${id}>
        <input type="radio" name="product" id=${id} value=${p.id} .checked=${p.id === selectedId}
          @change=${() => onSelect(p.id)}>
        <span class="product-text">
          <span class="product-name">${p.name}</span>
          ${p.description ? html`<span class="product-desc">${p.description}</span>` : nothing}
        </span>
        <span class="product-price">${priceLabel(p, currentPrice(p))}</span>
      </label>`;
    })}
    ${note ? html`<p class="note" id="products-dropped">${note}</p>` : nothing}
  </fieldset>`;
}

/** The controller's `selectProduct`, here with the view that calls it (its chunk). */
export async function selectProduct(s: EditHost, productId: string) {
  if (productId === s.draft.productId) return;
  s.set({ draft: { ...s.draft, productId } });
  s.clearError('product_id');
  const saved = await s.save({ product_id: productId });
  // A newer choice was made meanwhile: its own answer will settle the screen.
  if (s.draft.productId !== productId) return;
  const c = s.checkout!;
  if (!saved) {
    s.set({ draft: { ...s.draft, productId: c.product_id } });
    return;
  }
  s.clearError('amount');
  s.clearError('quantity');
  s.set({ draft: { ...s.draft, quantity: String(c.quantity) } });
  if (c.product_price.amount_type === 'custom')
    s.set({ draft: { ...s.draft, amount: toDecimalInput(c.amount, c.currency) } });
  s.announce(
    t('productSelected', {
      product: c.product.name,
      total: formatMoney(c.total_amount, c.currency) + intervalSuffix(c.product),
    }),
  );
}

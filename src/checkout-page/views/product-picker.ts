import { html, nothing } from 'lit';
import type { Product } from '../../shared/schemas/product.ts';
import { currentPrice, priceLabel } from '../money.ts';
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

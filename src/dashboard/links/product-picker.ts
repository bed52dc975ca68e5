import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Product } from '../../shared/schemas/product.ts';
import { describePrice } from '../core/format.ts';
import { fieldError } from '../ui/fields.ts';
import { LightElement, uid } from '../ui/light-element.ts';

/**
 * Chooses a link's products: a checkbox per active product, then the chosen
 * ones in checkout order with move up/down (the first is preselected).
 * Fires `products-change` with the ordered ids.
 */
@customElement('dash-product-picker')
export class ProductPicker extends LightElement {
  /** Products that can be offered (archived ones are left out by the caller). */
  @property({ attribute: false }) products: Product[] = [];
  /** Chosen product ids, in order. */
  @property({ attribute: false }) selected: string[] = [];
  /** Messages by position (`'0'`) and for the whole list (`''`). */
  @property({ attribute: false }) errors: [string, string][] = [];
  readonly #id = uid('products');

  private emit(selected: string[]) {
    this.selected = selected;
    this.dispatchEvent(new CustomEvent<string[]>('products-change', { detail: selected }));
  }

  private toggle(id: string, on: boolean) {
    this.emit(on ? [...this.selected, id] : this.selected.filter((s) => s !== id));
  }

  private async move(index: number, by: -1 | 1) {
    const next = [...this.selected];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + by, 0, item);
    this.emit(next);
    await this.updateComplete;
    // Keep the keyboard on the item that moved.
    this.querySelector<HTMLButtonElement>(`[data-move="${item}:${by}"]`)?.focus();
  }

  override render() {
    const name = (id: string) => this.products.find((p) => p.id === id)?.name ?? 'Unknown product';
    const whole = this.errors.filter(([k]) => k === '').map(([, m]) => m);
    return html`<fieldset class="fieldset" aria-describedby=${`${this.#id}-hint`}>
      <legend>Products</legend>
      <p class="hint" id=${`${this.#id}-hint`}>Select one or several. With several, customers can switch between them on the checkout page; the first one is preselected.</p>
      ${
        this.products.length === 0
          ? html`<p class="muted">No active products. Create a product first.</p>`
          : html`<ul class="plain-list product-choices">${this.products.map(
              (p) => html`<li><label class="check">
                <input type="checkbox" .checked=${this.selected.includes(p.id)} @change=${(e: Event) => this.toggle(p.id, (e.target as HTMLInputElement).checked)} />
                <span>${p.name}</span> <span class="muted small">${describePrice(p.prices[0], p.recurring_interval)}</span></label></li>`,
            )}</ul>`
      }
      ${
        this.selected.length > 1
          ? html`<div class="order-box"><p class="small strong">Order on the checkout</p><ol class="product-order">${this.selected.map(
              (id, i) => {
                const msgs = this.errors.filter(([k]) => k === String(i)).map(([, m]) => m);
                return html`<li>
                <span>${name(id)}${i === 0 ? html` <span class="badge">Preselected</span>` : nothing}</span>
                <span class="order-actions">
                  <button type="button" class="btn btn-small btn-ghost" data-move=${`${id}:-1`} ?disabled=${i === 0} @click=${() => this.move(i, -1)} aria-label=${`Move ${name(id)} up`}>↑</button>
                  <button type="button" class="btn btn-small btn-ghost" data-move=${`${id}:1`} ?disabled=${i === this.selected.length - 1} @click=${() => this.move(i, 1)} aria-label=${`Move ${name(id)} down`}>↓</button>
                </span>
                ${fieldError(`${this.#id}-${i}-error`, msgs)}
              </li>`;
              },
            )}</ol></div>`
          : this.selected.length === 1
            ? fieldError(
                `${this.#id}-0-error`,
                this.errors.filter(([k]) => k === '0').map(([, m]) => `${name(this.selected[0] ?? '')}: ${m}`),
              )
            : nothing
      }
      ${fieldError(`${this.#id}-error`, whole)}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dash-product-picker': ProductPicker;
  }
}

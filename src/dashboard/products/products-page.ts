import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CustomField } from '../../shared/schemas/custom-field.ts';
import type { Product } from '../../shared/schemas/product.ts';
import { href, navigate } from '../app/route.ts';
import type { ManagementApi } from '../core/api.ts';
import { describeBilling, describePrice } from '../core/format.ts';
import { confirmAction } from '../ui/confirm.ts';
import { emptyState, errorState, loadingState } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';
import { productsTabs } from './tabs.ts';
import './product-form.ts';

/** Products: the list (with archived ones on demand), and the create/edit form at `#/products/{new|id}`. */
@customElement('dash-products-page')
export class ProductsPage extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  /** `new`, a product id, or null for the list. */
  @property({ attribute: false }) itemId: string | null = null;
  @state() private products: Product[] | null = null;
  @state() private customFields: CustomField[] = [];
  @state() private error: string | null = null;
  @state() private showArchived = false;

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  private async load() {
    this.error = null;
    try {
      const [products, customFields] = await Promise.all([
        this.api.listAll<Product>('/products'),
        this.api.listAll<CustomField>('/custom-fields'),
      ]);
      this.products = products;
      this.customFields = customFields;
    } catch (err) {
      this.error = `Could not load products: ${err instanceof Error ? err.message : err}`;
    }
  }

  private async setArchived(product: Product, archived: boolean) {
    if (archived) {
      const ok = await confirmAction({
        title: `Archive “${product.name}”?`,
        body: 'Customers can no longer buy it: it is removed from every checkout link, and a link left without products stops serving. Orders keep pointing at it, and you can unarchive it later.',
        confirmLabel: 'Archive product',
      });
      if (!ok) return;
    }
    try {
      if (archived) await this.api.delete(`/products/${product.id}`);
      else await this.api.patch(`/products/${product.id}`, { is_archived: false });
      await this.load();
    } catch (err) {
      this.error = `Could not ${archived ? 'archive' : 'unarchive'} “${product.name}”: ${err instanceof Error ? err.message : err}`;
    }
  }

  private renderList(products: Product[]) {
    const visible = products.filter((p) => this.showArchived || !p.is_archived);
    const archivedCount = products.filter((p) => p.is_archived).length;
    return html`
      <div class="toolbar">
        <label class="check"><input type="checkbox" .checked=${this.showArchived}
          @change=${(e: Event) => (this.showArchived = (e.target as HTMLInputElement).checked)} /> Show archived (${archivedCount})</label>
      </div>
      ${
        visible.length === 0
          ? emptyState('No products yet', html`<p>Create a product to sell it through a checkout link.</p>`)
          : html`<div class="table-wrap card"><table>
          <thead><tr><th scope="col">Product</th><th scope="col">Price</th><th scope="col">Billing</th><th scope="col">Custom fields</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>${visible.map(
            (p) => html`<tr class=${p.is_archived ? 'is-archived' : ''}>
              <td data-label="Product"><a href=${href('products', p.id)} class="strong">${p.name}</a>
                ${p.is_archived ? html` <span class="badge badge-muted">Archived</span>` : nothing}
                ${p.description ? html`<div class="muted small">${p.description}</div>` : nothing}</td>
              <td data-label="Price">${describePrice(p.prices[0], p.recurring_interval)}</td>
              <td data-label="Billing">${describeBilling(p)}</td>
              <td data-label="Custom fields">${
                p.attached_custom_fields.length
                  ? p.attached_custom_fields.map(
                      (a) => html`<span class="chip">${a.custom_field.name}${a.required ? ' · required' : ''}</span>`,
                    )
                  : html`<span class="muted">None</span>`
              }</td>
              <td class="actions-cell">
                <a class="btn btn-small" href=${href('products', p.id)}>Edit<span class="visually-hidden"> ${p.name}</span></a>
                ${
                  p.is_archived
                    ? html`<button type="button" class="btn btn-small" @click=${() => this.setArchived(p, false)}>Unarchive<span class="visually-hidden"> ${p.name}</span></button>`
                    : html`<button type="button" class="btn btn-small btn-ghost-danger" @click=${() => this.setArchived(p, true)}>Archive<span class="visually-hidden"> ${p.name}</span></button>`
                }
              </td>
            </tr>`,
          )}</tbody></table></div>`
      }`;
  }

  override render() {
    const editing = this.itemId !== null;
    const product = editing && this.itemId !== 'new' ? this.products?.find((p) => p.id === this.itemId) : undefined;
    return html`
      <div class="page-head">
        <h1 tabindex="-1">Products</h1>
        ${editing ? nothing : html`<a class="btn btn-primary" href=${href('products', 'new')}>New product</a>`}
      </div>
      ${productsTabs('products')}
      ${this.error ? errorState(this.error, () => this.load()) : nothing}
      ${
        this.products === null
          ? this.error
            ? nothing
            : loadingState('products')
          : editing
            ? this.itemId !== 'new' && !product
              ? errorState('This product does not exist (or belongs to another organization).')
              : html`<dash-product-form .api=${this.api} .product=${product ?? null} .customFields=${this.customFields}
                  @saved=${async () => {
                    await this.load();
                    navigate('products');
                  }}></dash-product-form>`
            : this.renderList(this.products)
      }`;
  }
}

import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { CustomField } from '../../shared/schemas/custom-field.ts';
import type { Product } from '../../shared/schemas/product.ts';
import { href } from '../app/route.ts';
import { describeBilling, describePrice } from '../core/format.ts';
import { CrudPage, type CrudPageResource } from '../crud/crud-page.ts';
import { confirmAction } from '../ui/confirm.ts';
import { productsTabs } from './tabs.ts';
import './product-form.ts';

/**
 * Products: the list (with archived ones on demand), and the create/edit form
 * at `#/products/{new|id}`. Products are archived, not deleted: orders point at them.
 */
@customElement('dash-products-page')
export class ProductsPage extends CrudPage<Product> {
  @state() private customFields: CustomField[] = [];
  @state() private showArchived = false;

  protected readonly resource: CrudPageResource<Product> = {
    section: 'products',
    path: '/products',
    title: 'Products',
    plural: 'products',
    newLabel: 'New product',
    missing: 'This product does not exist (or belongs to another organization).',
    empty: { title: 'No products yet', body: html`<p>Create a product to sell it through a checkout link.</p>` },
    rowClass: (p) => (p.is_archived ? 'is-archived' : ''),
    columns: [
      {
        header: 'Product',
        cell: (p) => html`<a href=${href('products', p.id)} class="strong">${p.name}</a>
          ${p.is_archived ? html` <span class="badge badge-muted">Archived</span>` : nothing}
          ${p.description ? html`<div class="muted small">${p.description}</div>` : nothing}`,
      },
      { header: 'Price', cell: (p) => describePrice(p.prices[0], p.recurring_interval) },
      { header: 'Billing', cell: describeBilling },
      {
        header: 'Custom fields',
        cell: (p) =>
          p.attached_custom_fields.length
            ? p.attached_custom_fields.map(
                (a) => html`<span class="chip">${a.custom_field.name}${a.required ? ' · required' : ''}</span>`,
              )
            : html`<span class="muted">None</span>`,
      },
    ],
  };

  /** The products, and the custom fields their form offers to attach. */
  protected override async fetchItems() {
    const [products, customFields] = await Promise.all([
      this.api.listAll<Product>('/products'),
      this.api.listAll<CustomField>('/custom-fields'),
    ]);
    this.customFields = customFields;
    return products;
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
    await this.change(product, archived ? 'archive' : 'unarchive', () =>
      archived
        ? this.api.delete(`/products/${product.id}`)
        : this.api.patch(`/products/${product.id}`, { is_archived: false }),
    );
  }

  protected override renderActions(p: Product) {
    return html`${super.renderActions(p)}
      ${
        p.is_archived
          ? html`<button type="button" class="btn btn-small" @click=${() => this.setArchived(p, false)}>Unarchive<span class="visually-hidden"> ${p.name}</span></button>`
          : html`<button type="button" class="btn btn-small btn-ghost-danger" @click=${() => this.setArchived(p, true)}>Archive<span class="visually-hidden"> ${p.name}</span></button>`
      }`;
  }

  protected override renderList(products: Product[]) {
    const archivedCount = products.filter((p) => p.is_archived).length;
    return html`
      <div class="toolbar">
        <label class="check"><input type="checkbox" .checked=${this.showArchived}
          @change=${(e: Event) => (this.showArchived = (e.target as HTMLInputElement).checked)} /> Show archived (${archivedCount})</label>
      </div>
      ${super.renderList(products.filter((p) => this.showArchived || !p.is_archived))}`;
  }

  protected override renderSubhead() {
    return productsTabs('products');
  }

  protected renderForm(product: Product | null, saved: (e: Event) => Promise<void>) {
    return html`<dash-product-form .api=${this.api} .record=${product} .customFields=${this.customFields}
      @saved=${saved}></dash-product-form>`;
  }
}

import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Discount } from '../../shared/schemas/discount.ts';
import { href, navigate } from '../app/route.ts';
import type { ManagementApi } from '../core/api.ts';
import { describeDiscount } from '../core/format.ts';
import { confirmAction } from '../ui/confirm.ts';
import { emptyState, errorState, loadingState } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';
import './discount-form.ts';

/** Discounts: list, create, edit, delete. */
@customElement('dash-discounts-page')
export class DiscountsPage extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  @property({ attribute: false }) itemId: string | null = null;
  @state() private discounts: Discount[] | null = null;
  @state() private error: string | null = null;

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  private async load() {
    this.error = null;
    try {
      this.discounts = await this.api.listAll<Discount>('/discounts');
    } catch (err) {
      this.error = `Could not load discounts: ${err instanceof Error ? err.message : err}`;
    }
  }

  private async confirmDelete(d: Discount) {
    const ok = await confirmAction({
      title: `Delete “${d.name}”?`,
      body: 'Its code stops working, and links that preset it no longer apply it. Orders keep the discount they had.',
      confirmLabel: 'Delete discount',
    });
    if (!ok) return;
    try {
      await this.api.delete(`/discounts/${d.id}`);
      await this.load();
    } catch (err) {
      this.error = `Could not delete “${d.name}”: ${err instanceof Error ? err.message : err}`;
    }
  }

  private renderList(discounts: Discount[]) {
    if (!discounts.length)
      return emptyState(
        'No discounts yet',
        html`<p>Create a code customers can enter, or a discount to preset on a link.</p>`,
      );
    return html`<div class="table-wrap card"><table>
      <thead><tr><th scope="col">Name</th><th scope="col">Code</th><th scope="col">Discount</th><th scope="col">Redemptions</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${discounts.map(
        (d) => html`<tr>
          <td data-label="Name" class="strong">${d.name}</td>
          <td data-label="Code">${d.code ? html`<code>${d.code}</code>` : html`<span class="muted">Preset only</span>`}</td>
          <td data-label="Discount">${describeDiscount(d)}</td>
          <td data-label="Redemptions">${d.redemptions_count}${d.max_redemptions ? ` / ${d.max_redemptions}` : ''}</td>
          <td class="actions-cell">
            <a class="btn btn-small" href=${href('discounts', d.id)}>Edit<span class="visually-hidden"> ${d.name}</span></a>
            <button type="button" class="btn btn-small btn-ghost-danger" @click=${() => this.confirmDelete(d)}>Delete<span class="visually-hidden"> ${d.name}</span></button>
          </td>
        </tr>`,
      )}</tbody></table></div>`;
  }

  override render() {
    const editing = this.itemId !== null;
    const discount = editing && this.itemId !== 'new' ? this.discounts?.find((d) => d.id === this.itemId) : undefined;
    return html`<div class="page-head">
        <h1 tabindex="-1">Discounts</h1>
        ${editing ? nothing : html`<a class="btn btn-primary" href=${href('discounts', 'new')}>New discount</a>`}
      </div>
      ${this.error ? errorState(this.error, () => this.load()) : nothing}
      ${
        this.discounts === null
          ? this.error
            ? nothing
            : loadingState('discounts')
          : editing
            ? this.itemId !== 'new' && !discount
              ? errorState('This discount does not exist.')
              : html`<dash-discount-form .api=${this.api} .discount=${discount ?? null} @saved=${async () => {
                  await this.load();
                  navigate('discounts');
                }}></dash-discount-form>`
            : this.renderList(this.discounts)
      }`;
  }
}

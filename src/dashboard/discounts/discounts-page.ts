import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Discount } from '../../shared/schemas/discount.ts';
import { describeDiscount } from '../core/format.ts';
import { CrudPage, type CrudPageResource } from '../crud/crud-page.ts';
import './discount-form.ts';

/** Discounts: list, create, edit, delete. */
@customElement('dash-discounts-page')
export class DiscountsPage extends CrudPage<Discount> {
  protected readonly resource: CrudPageResource<Discount> = {
    section: 'discounts',
    path: '/discounts',
    title: 'Discounts',
    plural: 'discounts',
    newLabel: 'New discount',
    missing: 'This discount does not exist.',
    empty: {
      title: 'No discounts yet',
      body: html`<p>Create a code customers can enter, or a discount to preset on a link.</p>`,
    },
    columns: [
      { header: 'Name', strong: true, cell: (d) => d.name },
      {
        header: 'Code',
        cell: (d) => (d.code ? html`<code>${d.code}</code>` : html`<span class="muted">Preset only</span>`),
      },
      { header: 'Discount', cell: describeDiscount },
      {
        header: 'Redemptions',
        cell: (d) => `${d.redemptions_count}${d.max_redemptions ? ` / ${d.max_redemptions}` : ''}`,
      },
    ],
    confirmDelete: (d) => ({
      title: `Delete “${d.name}”?`,
      body: 'Its code stops working, and links that preset it no longer apply it. Orders keep the discount they had.',
      confirmLabel: 'Delete discount',
    }),
  };

  protected renderForm(discount: Discount | null, saved: (e: Event) => Promise<void>) {
    return html`<dash-discount-form .api=${this.api} .record=${discount} @saved=${saved}></dash-discount-form>`;
  }
}

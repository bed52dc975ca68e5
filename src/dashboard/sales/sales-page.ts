import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Checkout } from '../../shared/schemas/checkout.ts';
import type { ListResource } from '../../shared/schemas/common.ts';
import type { Order, Subscription } from '../../shared/schemas/order.ts';
import type { ManagementApi } from '../core/api.ts';
import { formatDateTime, formatMoney, relativeTime } from '../core/format.ts';
import { emptyState, errorState, loadingState } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';

const PAGE = 25;

/** Key/value pairs as chips (metadata, custom field answers); text only. */
function pairs(data: Record<string, unknown>, empty = '—') {
  const entries = Object.entries(data).filter(([, v]) => v !== null && v !== '');
  if (!entries.length) return html`<span class="muted">${empty}</span>`;
  return html`<span class="chips">${entries.map(([k, v]) => html`<span class="chip chip-code">${k}: ${String(v)}</span>`)}</span>`;
}

const STATUS_CLASS: Record<string, string> = {
  succeeded: 'badge-success',
  open: 'badge-info',
  confirmed: 'badge-info',
  expired: 'badge-muted',
  failed: 'badge-danger',
};

/**
 * Sales: the newest orders, subscriptions and checkouts, each with the
 * metadata it carried (from its link) and the customer's custom field answers.
 */
@customElement('dash-sales-page')
export class SalesPage extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  @state() private orders: ListResource<Order> | null = null;
  @state() private subscriptions: ListResource<Subscription> | null = null;
  @state() private checkouts: ListResource<Checkout> | null = null;
  @state() private error: string | null = null;
  @state() private loading = false;

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  private async load() {
    this.error = null;
    this.loading = true;
    try {
      [this.orders, this.subscriptions, this.checkouts] = await Promise.all([
        this.api.listPage<Order>('/orders', PAGE),
        this.api.listPage<Subscription>('/subscriptions', PAGE),
        this.api.listPage<Checkout>('/checkouts', PAGE),
      ]);
    } catch (err) {
      this.error = `Could not load sales: ${err instanceof Error ? err.message : err}`;
    } finally {
      this.loading = false;
    }
  }

  private count(list: ListResource<unknown>) {
    const total = list.pagination.total_count;
    return total > list.items.length ? `${list.items.length} newest of ${total}` : String(total);
  }

  private renderOrders(list: ListResource<Order>) {
    if (!list.items.length)
      return emptyState('No orders yet', html`<p>Orders appear here when a one-time purchase succeeds.</p>`);
    return html`<div class="table-wrap card"><table class="sales-table">
      <thead><tr><th scope="col">Date</th><th scope="col">Customer</th><th scope="col">Product</th><th scope="col">Total</th><th scope="col">Metadata</th><th scope="col">Custom fields</th></tr></thead>
      <tbody>${list.items.map(
        (o) => html`<tr>
          <td data-label="Date">${formatDateTime(o.created_at)}</td>
          <td data-label="Customer">${o.customer_email}${o.customer_name ? html`<div class="muted small">${o.customer_name}</div>` : nothing}</td>
          <td data-label="Product">${o.product_name}</td>
          <td data-label="Total">${formatMoney(o.total_amount, o.currency)}${o.discount_amount ? html`<div class="muted small">−${formatMoney(o.discount_amount, o.currency)} discount</div>` : nothing}</td>
          <td data-label="Metadata">${pairs(o.metadata)}</td>
          <td data-label="Custom fields">${pairs(o.custom_field_data)}</td>
        </tr>`,
      )}</tbody></table></div>`;
  }

  private renderSubscriptions(list: ListResource<Subscription>) {
    if (!list.items.length)
      return emptyState(
        'No subscriptions yet',
        html`<p>Recurring products create a subscription when their checkout succeeds.</p>`,
      );
    return html`<div class="table-wrap card"><table class="sales-table">
      <thead><tr><th scope="col">Started</th><th scope="col">Customer</th><th scope="col">Product</th><th scope="col">Price</th><th scope="col">Current period ends</th><th scope="col">Metadata</th><th scope="col">Custom fields</th></tr></thead>
      <tbody>${list.items.map(
        (s) => html`<tr>
          <td data-label="Started">${formatDateTime(s.created_at)}</td>
          <td data-label="Customer">${s.customer_email}${s.customer_name ? html`<div class="muted small">${s.customer_name}</div>` : nothing}</td>
          <td data-label="Product">${s.product_name}</td>
          <td data-label="Price">${formatMoney(s.total_amount, s.currency)} / ${s.recurring_interval}</td>
          <td data-label="Period ends">${formatDateTime(s.current_period_end)}</td>
          <td data-label="Metadata">${pairs(s.metadata)}</td>
          <td data-label="Custom fields">${pairs(s.custom_field_data)}</td>
        </tr>`,
      )}</tbody></table></div>`;
  }

  private renderCheckouts(list: ListResource<Checkout>) {
    if (!list.items.length)
      return emptyState('No checkouts yet', html`<p>Each visit to a checkout link starts a checkout session.</p>`);
    return html`<div class="table-wrap card"><table class="sales-table">
      <thead><tr><th scope="col">Created</th><th scope="col">Status</th><th scope="col">Product</th><th scope="col">Total</th><th scope="col">Customer</th><th scope="col">Expires</th><th scope="col">Metadata</th></tr></thead>
      <tbody>${list.items.map(
        (c) => html`<tr>
          <td data-label="Created">${formatDateTime(c.created_at)}</td>
          <td data-label="Status"><span class="badge ${STATUS_CLASS[c.status] ?? ''}">${c.status}</span></td>
          <td data-label="Product">${c.product.name}</td>
          <td data-label="Total">${formatMoney(c.total_amount, c.currency)}</td>
          <td data-label="Customer">${c.customer_email ?? html`<span class="muted">—</span>`}</td>
          <td data-label="Expires">${c.status === 'open' ? html`<time datetime=${c.expires_at} title=${formatDateTime(c.expires_at)}>${relativeTime(c.expires_at)}</time>` : html`<span class="muted">${formatDateTime(c.expires_at)}</span>`}</td>
          <td data-label="Metadata">${pairs(c.metadata)}</td>
        </tr>`,
      )}</tbody></table></div>`;
  }

  override render() {
    const ready = this.orders && this.subscriptions && this.checkouts;
    return html`<div class="page-head">
        <h1 tabindex="-1">Sales</h1>
        <button type="button" class="btn" ?disabled=${this.loading} @click=${this.load}>${this.loading ? 'Refreshing…' : 'Refresh'}</button>
      </div>
      ${this.error ? errorState(this.error, () => this.load()) : nothing}
      ${
        !ready
          ? this.error
            ? nothing
            : loadingState('sales')
          : html`
            <section aria-labelledby="orders-title"><h2 id="orders-title" class="section-title">Orders <span class="count">${this.count(this.orders!)}</span></h2>${this.renderOrders(this.orders!)}</section>
            <section aria-labelledby="subscriptions-title"><h2 id="subscriptions-title" class="section-title">Subscriptions <span class="count">${this.count(this.subscriptions!)}</span></h2>${this.renderSubscriptions(this.subscriptions!)}</section>
            <section aria-labelledby="checkouts-title"><h2 id="checkouts-title" class="section-title">Recent checkouts <span class="count">${this.count(this.checkouts!)}</span></h2>
              <p class="hint">A checkout session is short-lived: it expires unless the purchase completes. Your link URL does not.</p>
              ${this.renderCheckouts(this.checkouts!)}</section>`
      }`;
  }
}

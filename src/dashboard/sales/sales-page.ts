import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Checkout } from '../../shared/schemas/checkout.ts';
import type { ListResource } from '../../shared/schemas/common.ts';
import type { OrderWithReceipt, Receipt, SubscriptionWithReceipt } from '../../shared/schemas/receipt.ts';
import { hrefWithQuery } from '../app/route.ts';
import type { ManagementApi } from '../core/api.ts';
import { formatDateTime, formatMoney, relativeTime } from '../core/format.ts';
import { emptyState, errorState, loadingState } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';
import { PagedList } from './paged-list.ts';
import { pager } from './pager.ts';
import { billingAddressLine, quantityNote, trialNote } from './purchase-details.ts';

const PAGE = 25;

/** A page number from the URL (`orders=2`): a positive integer, else 1. */
function pageParam(query: URLSearchParams, key: string): number {
  const n = Number(query.get(key));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** Key/value pairs as chips (metadata, custom field answers); text only. */
function pairs(data: Record<string, unknown>, empty = '—') {
  const entries = Object.entries(data).filter(([, v]) => v !== null && v !== '');
  if (!entries.length) return html`<span class="muted">${empty}</span>`;
  return html`<span class="chips">${entries.map(([k, v]) => html`<span class="chip chip-code">${k}: ${String(v)}</span>`)}</span>`;
}

const EXPAND_RECEIPT = { expand: 'receipt' };

const RECEIPT_LABEL: Record<Receipt['status'], { text: string; badge: string }> = {
  queued: { text: 'Queued', badge: 'badge-info' },
  retrying: { text: 'Retrying', badge: 'badge-info' },
  sent: { text: 'Sent', badge: 'badge-success' },
  written: { text: 'Saved to file', badge: 'badge-muted' },
  failed: { text: 'Failed', badge: 'badge-danger' },
};

/** Why a receipt reads as it does, for its tooltip: the error, the next try, where it went. */
function receiptDetail(r: Receipt) {
  if (r.status === 'written') return `Not sent: the server has no SMTP_URL, so it saved the email as a file.`;
  const parts = [`To ${r.to}`, `${r.attempts} attempt${r.attempts === 1 ? '' : 's'}`];
  if (r.last_error) parts.push(r.last_error);
  if (r.next_attempt_at) parts.push(`next try ${formatDateTime(r.next_attempt_at)}`);
  return parts.join(' · ');
}

const STATUS_CLASS: Record<string, string> = {
  succeeded: 'badge-success',
  open: 'badge-info',
  confirmed: 'badge-info',
  expired: 'badge-muted',
  failed: 'badge-danger',
};

/** An open session's time left; an expired one's date; a completed one never expires, so no date at all. */
function expiry(c: Checkout) {
  if (c.status === 'open')
    return html`<time datetime=${c.expires_at} title=${formatDateTime(c.expires_at)}>${relativeTime(c.expires_at)}</time>`;
  if (c.status === 'expired') return html`<span class="muted">${formatDateTime(c.expires_at)}</span>`;
  return html`<span class="muted">—<span class="visually-hidden">does not expire</span></span>`;
}

/**
 * Sales: orders, subscriptions and checkout sessions, newest first, 25 a
 * page with Previous / Next (the pages are in the URL,
 * `#/sales?orders=2&subscriptions=3&checkouts=2`, so reload, Back and coming
 * back from another section keep them); each with the metadata it carried
 * (from its link) and the customer's custom field answers.
 */
@customElement('dash-sales-page')
export class SalesPage extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  /** The route's view state: `orders`, `subscriptions` and `checkouts` page numbers. */
  @property({ attribute: false }) query = '';
  @state() private error: string | null = null;
  @state() private refreshing = false;
  /** Purchases whose receipt is being resent, and the outcome to announce. */
  @state() private resending = new Set<string>();
  @state() private resendNote: string | null = null;
  private readonly orders = new PagedList<OrderWithReceipt>(this, '/orders', PAGE, EXPAND_RECEIPT);
  private readonly subscriptions = new PagedList<SubscriptionWithReceipt>(this, '/subscriptions', PAGE, EXPAND_RECEIPT);
  private readonly checkouts = new PagedList<Checkout>(this, '/checkouts', PAGE);
  /** Each list by its key in the URL (`checkouts=2`), which also names it in its pager. */
  private readonly paged = {
    orders: this.orders,
    subscriptions: this.subscriptions,
    checkouts: this.checkouts,
  } as const;

  override willUpdate(changed: Map<string, unknown>) {
    if (!changed.has('query') && !changed.has('api')) return;
    const query = new URLSearchParams(this.query);
    for (const [key, list] of Object.entries(this.paged)) {
      const page = pageParam(query, key);
      // page is 0 before the first load, and when `api` changes every list loads again.
      if (changed.has('api') || page !== list.page) this.run(this.showPage(key as keyof typeof this.paged, list, page));
    }
  }

  /** Loads a page; past the last one (an old URL, or the total shrank), goes to the last instead. */
  private async showPage(key: keyof typeof this.paged, list: PagedList<unknown>, page: number) {
    if (!(await list.load(this.api, page)) || page <= list.maxPage) return;
    location.replace(this.pageHref(key, list.maxPage));
  }

  private async run(loading: Promise<unknown>) {
    this.error = null;
    try {
      await loading;
    } catch (err) {
      this.error = `Could not load sales: ${err instanceof Error ? err.message : err}`;
    }
  }

  /** Every list again, at the pages on screen. */
  private async refresh() {
    this.refreshing = true;
    await Promise.all(Object.values(this.paged).map((list) => this.run(list.load(this.api))));
    this.refreshing = false;
  }

  /** The URL of `page` of one list, the other lists' pages kept. */
  private pageHref(key: keyof typeof this.paged, page: number) {
    const query = new URLSearchParams(this.query);
    if (page > 1) query.set(key, String(page));
    else query.delete(key);
    return hrefWithQuery('sales', query);
  }

  /** Emails a purchase's receipt again (or now, when it waits for a retry), then shows its new status. */
  private async resend(kind: 'orders' | 'subscriptions', id: string) {
    this.resending = new Set(this.resending).add(id);
    this.resendNote = null;
    try {
      const receipt = await this.api.post<Receipt>(`/${kind}/${id}/receipt`, {});
      this.resendNote = `Receipt to ${receipt.to} queued.`;
      await this.run(this.paged[kind].load(this.api));
    } catch (err) {
      this.resendNote = `Could not resend the receipt: ${err instanceof Error ? err.message : err}`;
    } finally {
      const next = new Set(this.resending);
      next.delete(id);
      this.resending = next;
    }
  }

  private renderReceipt(
    kind: 'orders' | 'subscriptions',
    p: { id: string; customer_email: string; receipt: Receipt | null },
  ) {
    const r = p.receipt;
    const busy = this.resending.has(p.id);
    return html`${
      r
        ? html`<span class="badge ${RECEIPT_LABEL[r.status].badge}" title=${receiptDetail(r)} data-receipt-status=${r.status}>${RECEIPT_LABEL[r.status].text}</span>`
        : html`<span class="muted">—</span>`
    }
      <button type="button" class="btn btn-small" ?disabled=${busy} @click=${() => this.resend(kind, p.id)}
        aria-label=${`Resend the receipt to ${p.customer_email}`}>${busy ? 'Sending…' : 'Resend'}</button>`;
  }

  private renderOrders(list: ListResource<OrderWithReceipt>) {
    if (!list.items.length)
      return emptyState('No orders yet', html`<p>Orders appear here when a one-time purchase succeeds.</p>`);
    return html`<div class="table-wrap card"><table class="sales-table">
      <thead><tr><th scope="col">Date</th><th scope="col">Customer</th><th scope="col">Product</th><th scope="col">Total</th><th scope="col">Receipt</th><th scope="col">Metadata</th><th scope="col">Custom fields</th></tr></thead>
      <tbody>${list.items.map(
        (o) => html`<tr>
          <td data-label="Date" class="date">${formatDateTime(o.created_at)}</td>
          <td data-label="Customer">${o.customer_email}${o.customer_name ? html`<div class="muted small">${o.customer_name}</div>` : nothing}${billingAddressLine(o.billing_address)}</td>
          <td data-label="Product">${o.product_name}${quantityNote(o.quantity)}</td>
          <td data-label="Total">${formatMoney(o.total_amount, o.currency)}${o.discount_amount ? html`<div class="muted small">−${formatMoney(o.discount_amount, o.currency)} discount</div>` : nothing}</td>
          <td data-label="Receipt">${this.renderReceipt('orders', o)}</td>
          <td data-label="Metadata">${pairs(o.metadata)}</td>
          <td data-label="Custom fields">${pairs(o.custom_field_data)}</td>
        </tr>`,
      )}</tbody></table></div>`;
  }

  private renderSubscriptions(list: ListResource<SubscriptionWithReceipt>) {
    if (!list.items.length)
      return emptyState(
        'No subscriptions yet',
        html`<p>Recurring products create a subscription when their checkout succeeds.</p>`,
      );
    return html`<div class="table-wrap card"><table class="sales-table">
      <thead><tr><th scope="col">Started</th><th scope="col">Customer</th><th scope="col">Product</th><th scope="col">Price</th><th scope="col">Current period ends</th><th scope="col">Receipt</th><th scope="col">Metadata</th><th scope="col">Custom fields</th></tr></thead>
      <tbody>${list.items.map(
        (s) => html`<tr>
          <td data-label="Started" class="date">${formatDateTime(s.created_at)}</td>
          <td data-label="Customer">${s.customer_email}${s.customer_name ? html`<div class="muted small">${s.customer_name}</div>` : nothing}${billingAddressLine(s.billing_address)}</td>
          <td data-label="Product">${s.product_name}${trialNote(s)}</td>
          <td data-label="Price">${formatMoney(s.total_amount, s.currency)} / ${s.recurring_interval}</td>
          <td data-label="Period ends" class="date">${formatDateTime(s.current_period_end)}</td>
          <td data-label="Receipt">${this.renderReceipt('subscriptions', s)}</td>
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
          <td data-label="Created" class="date">${formatDateTime(c.created_at)}</td>
          <td data-label="Status"><span class="badge ${STATUS_CLASS[c.status] ?? ''}">${c.status}</span></td>
          <td data-label="Product">${c.product.name}</td>
          <td data-label="Total">${formatMoney(c.total_amount, c.currency)}</td>
          <td data-label="Customer">${c.customer_email ?? html`<span class="muted">—</span>`}</td>
          <td data-label="Expires" class="date">${expiry(c)}</td>
          <td data-label="Metadata">${pairs(c.metadata)}</td>
        </tr>`,
      )}</tbody></table></div>`;
  }

  /** One paged list's section: heading with the total, an optional hint, the table, the pager under it. */
  private renderPaged<T>(
    key: keyof typeof this.paged,
    title: string,
    list: PagedList<T>,
    table: (result: ListResource<T>) => unknown,
    hint?: string,
  ) {
    const result = list.result!;
    return html`<section aria-labelledby=${`${key}-title`} aria-busy=${list.loading ? 'true' : 'false'}>
      <h2 id=${`${key}-title`} class="section-title">${title} <span class="count">${result.pagination.total_count}</span></h2>
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
      ${table(result)}
      ${pager({ what: key, page: list.page, maxPage: list.maxPage, go: (page) => (location.hash = this.pageHref(key, page)) })}
    </section>`;
  }

  override render() {
    const ready = this.orders.result && this.subscriptions.result && this.checkouts.result;
    return html`<div class="page-head">
        <h1 tabindex="-1">Sales</h1>
        <button type="button" class="btn" ?disabled=${this.refreshing} @click=${this.refresh}>${this.refreshing ? 'Refreshing…' : 'Refresh'}</button>
      </div>
      ${this.error ? errorState(this.error, () => this.refresh()) : nothing}
      ${this.resendNote ? html`<div class="banner banner-info" role="status">${this.resendNote}</div>` : nothing}
      ${
        !ready
          ? this.error
            ? nothing
            : loadingState('sales')
          : html`
            ${this.renderPaged('orders', 'Orders', this.orders, (r) => this.renderOrders(r))}
            ${this.renderPaged('subscriptions', 'Subscriptions', this.subscriptions, (r) => this.renderSubscriptions(r))}
            ${this.renderPaged(
              'checkouts',
              'Checkout sessions',
              this.checkouts,
              (r) => this.renderCheckouts(r),
              'A checkout session is short-lived: it expires unless the purchase completes. Your link URL does not.',
            )}`
      }`;
  }
}

import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CheckoutLink } from '../../shared/schemas/checkout-link.ts';
import type { Discount } from '../../shared/schemas/discount.ts';
import type { LinkStatsSummary } from '../../shared/schemas/link-stats.ts';
import type { Organization } from '../../shared/schemas/organization.ts';
import type { Product } from '../../shared/schemas/product.ts';
import { href, navigate } from '../app/route.ts';
import type { ManagementApi } from '../core/api.ts';
import { describeDiscount, formatMoney } from '../core/format.ts';
import { productsTabs } from '../products/tabs.ts';
import { formatRate, lastDays } from '../stats/stats-range.ts';
import { confirmAction } from '../ui/confirm.ts';
import { emptyState, errorState, loadingState } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';
import { linkStateBadge } from './availability-fields.ts';
import type { LinkSavedEvent } from './link-form.ts';
import './embed-panel.ts';
import './link-form.ts';
import '../ui/copy-field.ts';

/** A link's discount setting in words. */
function discountSetting(link: CheckoutLink) {
  const codes = link.allow_discount_codes ? 'Codes allowed' : 'Codes disabled';
  return link.discount ? `${codes} · preset ${link.discount.name}` : codes;
}

/**
 * The Checkout Links tab: the list (with each link's last 30 days), New
 * Link, a link's Share and embed panel (`#/links/{id}`), its stats
 * (`#/links/{id}/stats`) and its edit form (`#/links/{id}/edit`).
 */
@customElement('dash-links-page')
export class LinksPage extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  @property({ attribute: false }) organization!: Organization;
  /** `new`, a link id, or null for the list. */
  @property({ attribute: false }) itemId: string | null = null;
  /** `edit` or null. */
  @property({ attribute: false }) action: string | null = null;
  @state() private links: CheckoutLink[] | null = null;
  @state() private products: Product[] = [];
  @state() private discounts: Discount[] = [];
  @state() private error: string | null = null;
  @state() private notice: string | null = null;
  /** Each link's last 30 days, by id; null until loaded (or when it failed: the list shows without it). */
  @state() private recent: Map<string, LinkStatsSummary['items'][number]> | null = null;
  /** Set once the stats view's module (with its chart library) is loaded: only that view fetches it. */
  @state() private statsViewLoaded = false;

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  private async load() {
    this.error = null;
    try {
      const [links, products, discounts] = await Promise.all([
        this.api.listAll<CheckoutLink>('/checkout-links'),
        this.api.listAll<Product>('/products', { is_archived: 'false' }),
        this.api.listAll<Discount>('/discounts'),
      ]);
      this.links = links;
      // Catalog order (oldest first), so New Link preselects the shop's first product, not the latest experiment.
      this.products = [...products].sort((a, b) => a.created_at.localeCompare(b.created_at));
      this.discounts = discounts;
    } catch (err) {
      this.error = `Could not load checkout links: ${err instanceof Error ? err.message : err}`;
    }
    this.loadRecent();
  }

  private async loadRecent() {
    const { from, to } = lastDays(30);
    try {
      const summary = await this.api.get<LinkStatsSummary>(`/checkout-links/stats?from=${from}&to=${to}`);
      this.recent = new Map(summary.items.map((i) => [i.checkout_link_id, i]));
    } catch {
      this.recent = null;
    }
  }

  private renderRecent(link: CheckoutLink) {
    const s = this.recent?.get(link.id);
    if (!s) return nothing;
    const revenue = s.revenue.map((r) => formatMoney(r.amount, r.currency)).join(' + ');
    return html`<div><dt>Last 30 days</dt><dd class="link-stats-line" data-link-stats=${link.id}>
      <a href=${href('links', link.id, 'stats')}>${s.sessions} ${s.sessions === 1 ? 'session' : 'sessions'} · ${s.succeeded} ${s.succeeded === 1 ? 'sale' : 'sales'} · ${formatRate(s.conversion_rate)} conversion${revenue ? ` · ${revenue}` : ''}</a>
    </dd></div>`;
  }

  protected override updated() {
    if (this.action === 'stats' && !this.statsViewLoaded)
      import('../stats/link-stats-view.ts').then(
        () => (this.statsViewLoaded = true),
        (err) => (this.error = `Could not load the stats view: ${err instanceof Error ? err.message : err}`),
      );
  }

  private async confirmDelete(link: CheckoutLink) {
    const ok = await confirmAction({
      title: `Delete “${link.label ?? 'Untitled link'}”?`,
      body: 'Its URL stops working at once, everywhere it was shared or embedded. Checkouts already open can still be completed. This cannot be undone.',
      confirmLabel: 'Delete link',
    });
    if (!ok) return;
    try {
      await this.api.delete(`/checkout-links/${link.id}`);
      this.notice = `Deleted “${link.label ?? 'Untitled link'}”.`;
      await this.load();
      navigate('links');
    } catch (err) {
      this.error = `Could not delete the link: ${err instanceof Error ? err.message : err}`;
    }
  }

  private async saved(e: LinkSavedEvent, created: boolean) {
    this.notice = created ? `Created “${e.link.label ?? 'Untitled link'}”. Share or embed it below.` : 'Link saved.';
    await this.load();
    navigate('links', e.link.id);
  }

  private renderList(links: CheckoutLink[]) {
    if (!links.length)
      return emptyState(
        'No checkout links yet',
        html`<p>A checkout link is a URL that never expires: share it or embed it as a buy button.</p>
          <a class="btn btn-primary" href=${href('links', 'new')}>New Link</a>`,
      );
    return html`<ul class="link-cards">${links.map(
      (l) => html`<li class="card link-card">
        <div class="link-card-head">
          <h2 class="h3"><a href=${href('links', l.id)}>${l.label ?? 'Untitled link'}</a></h2>
          <div class="actions-cell">
            <a class="btn btn-small" href=${href('links', l.id)}>Share and embed<span class="visually-hidden"> ${l.label ?? ''}</span></a>
            <a class="btn btn-small" href=${href('links', l.id, 'stats')}>Stats<span class="visually-hidden"> ${l.label ?? ''}</span></a>
            <a class="btn btn-small" href=${href('links', l.id, 'edit')}>Edit<span class="visually-hidden"> ${l.label ?? ''}</span></a>
            <button type="button" class="btn btn-small btn-ghost-danger" @click=${() => this.confirmDelete(l)}>Delete<span class="visually-hidden"> ${l.label ?? ''}</span></button>
          </div>
        </div>
        <dl class="facts">
          <div><dt>State</dt><dd>${linkStateBadge(l)}</dd></div>
          <div><dt>Products</dt><dd>${
            l.products.length
              ? l.products.map((p) => html`<span class="chip">${p.name}</span>`)
              : html`<span class="badge badge-danger">No products: this link does not serve</span>`
          }</dd></div>
          <div><dt>Discount</dt><dd>${discountSetting(l)}</dd></div>
          ${this.renderRecent(l)}
          ${Object.keys(l.metadata).length ? html`<div><dt>Metadata</dt><dd>${Object.entries(l.metadata).map(([k, v]) => html`<span class="chip chip-code">${k}: ${String(v)}</span>`)}</dd></div>` : nothing}
        </dl>
        <dash-copy-field label=${`URL of ${l.label ?? 'Untitled link'}`} hide-label .value=${l.url}></dash-copy-field>
      </li>`,
    )}</ul>`;
  }

  private renderDetail(link: CheckoutLink) {
    return html`<div class="detail-head">
        <div>
          <p class="crumb"><a href=${href('links')}>Checkout Links</a> /</p>
          <h2>${link.label ?? 'Untitled link'}</h2>
          <p class="muted small">${link.products.map((p) => p.name).join(' · ')} — ${discountSetting(link)}${link.discount ? ` (${describeDiscount(link.discount)})` : ''}</p>
        </div>
        <div class="actions-cell">
          <a class="btn btn-small" href=${href('links', link.id, 'stats')}>Stats</a>
          <a class="btn btn-small" href=${href('links', link.id, 'edit')}>Edit</a>
          <button type="button" class="btn btn-small btn-ghost-danger" @click=${() => this.confirmDelete(link)}>Delete</button>
        </div>
      </div>
      <h3 class="section-title">Share and embed</h3>
      <dash-embed-panel .api=${this.api} .link=${link} .organization=${this.organization}></dash-embed-panel>`;
  }

  private renderBody(links: CheckoutLink[]) {
    if (this.itemId === null) return this.renderList(links);
    if (this.itemId === 'new')
      return html`<dash-link-form .api=${this.api} .products=${this.products} .discounts=${this.discounts}
        @saved=${(e: LinkSavedEvent) => this.saved(e, true)}></dash-link-form>`;
    const link = links.find((l) => l.id === this.itemId);
    if (!link) return errorState('This checkout link does not exist (it may have been deleted).');
    if (this.action === 'edit')
      return html`<dash-link-form .api=${this.api} .link=${link} .products=${this.products} .discounts=${this.discounts}
        @saved=${(e: LinkSavedEvent) => this.saved(e, false)}></dash-link-form>`;
    if (this.action === 'stats') return this.renderStats(link);
    return this.renderDetail(link);
  }

  private renderStats(link: CheckoutLink) {
    return html`<div class="detail-head">
        <div>
          <p class="crumb"><a href=${href('links')}>Checkout Links</a> / <a href=${href('links', link.id)}>${link.label ?? 'Untitled link'}</a> /</p>
          <h2>Stats: ${link.label ?? 'Untitled link'}</h2>
        </div>
        <div class="actions-cell"><a class="btn btn-small" href=${href('links', link.id)}>Share and embed</a></div>
      </div>
      ${this.statsViewLoaded ? html`<dash-link-stats .api=${this.api} .link=${link}></dash-link-stats>` : loadingState('stats')}`;
  }

  override render() {
    return html`
      <div class="page-head">
        <h1 tabindex="-1">Products</h1>
        ${this.itemId === null ? html`<a class="btn btn-primary" href=${href('links', 'new')}>New Link</a>` : nothing}
      </div>
      ${productsTabs('links')}
      ${this.notice ? html`<div class="banner banner-success" role="status">${this.notice} <button type="button" class="btn-link" @click=${() => (this.notice = null)}>Dismiss</button></div>` : nothing}
      ${this.error ? errorState(this.error, () => this.load()) : nothing}
      ${this.links === null ? (this.error ? nothing : loadingState('checkout links')) : this.renderBody(this.links)}`;
  }
}

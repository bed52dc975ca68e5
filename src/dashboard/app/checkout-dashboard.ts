import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Organization } from '../../shared/schemas/organization.ts';
import { ManagementApi } from '../core/api.ts';
import { clearToken, readToken, saveToken } from '../core/token-store.ts';
import { LightElement } from '../ui/light-element.ts';
import type { OrganizationChangedEvent } from './organization-changed.ts';
import { hrefOf, hrefWithQuery, parseRoute, type Route, type Section, sameView } from './route.ts';
import type { SignedInEvent } from './sign-in.ts';
import { UnsavedChanges } from './unsaved-changes.ts';
import './sign-in.ts';
import '../products/products-page.ts';
import '../links/links-page.ts';
import '../discounts/discounts-page.ts';
import '../custom-fields/custom-fields-page.ts';
import '../sales/sales-page.ts';
import '../settings/settings-page.ts';

const NAV: { section: Section; label: string }[] = [
  { section: 'products', label: 'Products' },
  { section: 'discounts', label: 'Discounts' },
  { section: 'custom-fields', label: 'Custom fields' },
  { section: 'sales', label: 'Sales' },
  { section: 'settings', label: 'Settings' },
];

/**
 * The merchant dashboard: sign-in, then a sidebar (a top bar on narrow
 * screens) over the sections. It holds the session (token + organization)
 * and the route; each page loads its own data through the same API client.
 */
@customElement('checkout-dashboard')
export class CheckoutDashboard extends LightElement {
  @state() private api: ManagementApi | null = null;
  @state() private organization: Organization | null = null;
  @state() private route: Route = parseRoute(location.hash);
  @state() private restoring = false;
  @state() private notice: string | null = null;

  /** Each section's last view state, so leaving Sales on page 3 and coming back finds page 3. */
  readonly #queries = new Map<Section, string>();

  readonly #unsaved = new UnsavedChanges(this);

  readonly #onHash = async () => {
    const previous = this.route;
    const next = parseRoute(location.hash);
    if (!sameView(previous, next) && this.#unsaved.dirty) {
      const url = location.href;
      if (!(await this.#unsaved.mayLeave())) {
        // Stay: the form is still on screen; put its address back without another hashchange.
        history.replaceState(history.state, '', hrefOf(previous));
        return;
      }
      // Another navigation happened while the dialog was open: that one decides.
      if (location.href !== url) return;
    }
    this.#unsaved.clear();
    this.route = next;
    this.#queries.set(this.route.section, this.route.query);
    // Move focus to the new view's heading, as a page load would for a screen reader; a change of
    // view state only (next page) leaves focus where it is (on the control that asked for it).
    if (!sameView(previous, this.route))
      this.updateComplete.then(() => this.querySelector<HTMLElement>('main h1')?.focus());
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHash);
    this.#queries.set(this.route.section, this.route.query);
    this.addEventListener('signed-in', (e) => this.signIn(e as SignedInEvent));
    this.addEventListener('organization-changed', (e) => {
      this.organization = (e as OrganizationChangedEvent).organization;
    });
    const token = readToken();
    if (token) this.restore(token);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHash);
  }

  private makeApi(token: string) {
    return new ManagementApi(token, () =>
      this.signOut('Your access token was refused (it may have been revoked). Sign in again.'),
    );
  }

  private async restore(token: string) {
    this.restoring = true;
    const api = this.makeApi(token);
    try {
      this.organization = await api.get<Organization>('/organizations/current');
      this.api = api;
    } catch (err) {
      if (this.api === null) this.notice = err instanceof Error ? err.message : String(err);
    } finally {
      this.restoring = false;
    }
  }

  private signIn(e: SignedInEvent) {
    saveToken(e.token);
    this.api = this.makeApi(e.token);
    this.organization = e.organization;
    this.notice = null;
  }

  private signOut(notice: string | null = null) {
    clearToken();
    this.api = null;
    this.organization = null;
    this.notice = notice;
  }

  private renderPage(api: ManagementApi, org: Organization) {
    const { section, id, action, query } = this.route;
    switch (section) {
      case 'products':
        return html`<dash-products-page .api=${api} .itemId=${id}></dash-products-page>`;
      case 'links':
        return html`<dash-links-page .api=${api} .organization=${org} .itemId=${id} .action=${action}></dash-links-page>`;
      case 'discounts':
        return html`<dash-discounts-page .api=${api} .itemId=${id}></dash-discounts-page>`;
      case 'custom-fields':
        return html`<dash-custom-fields-page .api=${api} .itemId=${id}></dash-custom-fields-page>`;
      case 'sales':
        return html`<dash-sales-page .api=${api} .query=${query}></dash-sales-page>`;
      case 'settings':
        return html`<dash-settings-page .api=${api} .organization=${org}></dash-settings-page>`;
    }
  }

  override render() {
    if (this.restoring) return html`<div class="state" role="status">Signing in…</div>`;
    if (!this.api || !this.organization) return html`<dash-sign-in .notice=${this.notice}></dash-sign-in>`;
    const current = this.route.section === 'links' ? 'products' : this.route.section;
    return html`<div class="layout">
      <header class="topbar">
        <div class="brand"><span class="brand-mark" aria-hidden="true"></span> checkout-link</div>
        <div class="org">
          <span class="org-name" title="Organization">${this.organization.name}</span>
          <button type="button" class="btn btn-small btn-ghost" @click=${() => this.signOut()}>Sign out</button>
        </div>
      </header>
      <nav class="sidebar" aria-label="Sections">
        <ul>
          ${NAV.map(
            (n) =>
              html`<li><a href=${hrefWithQuery(n.section, this.#queries.get(n.section) ?? '')} aria-current=${n.section === current ? 'page' : nothing}>${n.label}</a></li>`,
          )}
        </ul>
      </nav>
      <main class="content">${this.renderPage(this.api, this.organization)}</main>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'checkout-dashboard': CheckoutDashboard;
  }
}

import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CheckoutLink } from '../../shared/schemas/checkout-link.ts';
import type { Organization } from '../../shared/schemas/organization.ts';
import { OrganizationChangedEvent } from '../app/organization-changed.ts';
import type { ManagementApi } from '../core/api.ts';
import { LightElement } from '../ui/light-element.ts';
import { loadEmbedScript } from './embed-script.ts';
import { elementSnippet, prefilledUrl, queryParamDocs, scriptTagSnippet } from './embed-snippets.ts';
import '../ui/copy-field.ts';

const PREVIEW_EVENTS = [
  'checkout-link:open',
  'checkout-link:loaded',
  'checkout-link:success',
  'checkout-link:close',
  'checkout-link:error',
];

/**
 * Share and embed: the link URL, the code to paste (script tag, element,
 * query parameters with this link's real custom field slugs) and a live
 * preview button wired by the real `/embed.js`.
 */
@customElement('dash-embed-panel')
export class EmbedPanel extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  @property({ attribute: false }) link!: CheckoutLink;
  @property({ attribute: false }) organization!: Organization;
  @state() private scriptState: 'loading' | 'ready' | 'missing' = 'loading';
  @state() private allowing = false;
  @state() private allowError: string | null = null;
  @state() private lastEvent = '';
  @state() private qrError: string | null = null;

  readonly #onWidgetEvent = (e: Event) => {
    const detail = (e as CustomEvent<{ message?: string; code?: string } | null>).detail;
    const name = e.type.replace('checkout-link:', '');
    this.lastEvent = detail?.code ? `${name}: ${detail.code}${detail.message ? ` (${detail.message})` : ''}` : name;
  };

  override connectedCallback() {
    super.connectedCallback();
    loadEmbedScript().then((ok) => (this.scriptState = ok ? 'ready' : 'missing'));
    this.loadQr();
    for (const type of PREVIEW_EVENTS) this.addEventListener(type, this.#onWidgetEvent);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const type of PREVIEW_EVENTS) this.removeEventListener(type, this.#onWidgetEvent);
  }

  /** The QR code is its own chunk with its encoder, fetched as this panel opens: the dashboard's first load stays as it was. */
  private async loadQr() {
    try {
      await import('./link-qr-panel.ts');
    } catch (err) {
      this.qrError = `Could not load the QR code: ${err instanceof Error ? err.message : err}`;
    }
  }

  private get previewAllowed() {
    return this.organization.embed_origins.includes(location.origin);
  }

  private async allowPreviews() {
    this.allowing = true;
    this.allowError = null;
    try {
      const organization = await this.api.patch<Organization>('/organizations/current', {
        embed_origins: [...this.organization.embed_origins, location.origin],
      });
      this.dispatchEvent(new OrganizationChangedEvent(organization));
    } catch (err) {
      this.allowError = err instanceof Error ? err.message : String(err);
    } finally {
      this.allowing = false;
    }
  }

  private renderPreview() {
    return html`<section class="card embed-section" aria-labelledby="preview-title">
      <h3 id="preview-title">Live preview</h3>
      <p class="hint">This button is wired by the real <code>embed.js</code>, exactly like on your site. Clicking it creates a real checkout session.</p>
      ${
        this.previewAllowed
          ? nothing
          : html`<div class="banner banner-info">
              <p>The overlay frames the checkout only on sites listed in your organization's embed origins, and this dashboard (<code>${location.origin}</code>) is not one of them. Until it is, the button opens the checkout in this tab instead: the same fallback your customers get.</p>
              <button type="button" class="btn btn-small" ?disabled=${this.allowing} @click=${this.allowPreviews}>${this.allowing ? 'Allowing…' : 'Allow previews from this dashboard'}</button>
              ${this.allowError ? html`<p class="field-error" role="alert">${this.allowError}</p>` : nothing}
            </div>`
      }
      <div class="preview-stage">
        <a class="preview-buy" href=${this.link.url} data-checkout-link=${this.link.url}>Buy</a>
      </div>
      <p class="small muted" role="status" aria-live="polite">
        ${this.scriptState === 'loading' ? 'Loading embed.js…' : this.scriptState === 'missing' ? 'embed.js is not built on this server (npm run build): the button is a plain link.' : this.lastEvent ? `Last event: ${this.lastEvent}` : 'embed.js loaded.'}
      </p>
    </section>`;
  }

  override render() {
    const origin = location.origin;
    const docs = queryParamDocs(this.link);
    return html`
      <div class="banner banner-warning" role="note">
        <strong>Share only the link URL.</strong> It keeps working for as long as the link exists. Each visit creates a short-lived checkout session (its URL starts with <code>${origin}/checkout/</code>): that session URL expires, so never copy it from your browser's address bar.
      </div>
      <section class="card embed-section" aria-labelledby="share-title">
        <h3 id="share-title">Link URL</h3>
        <dash-copy-field label="Link URL" hide-label .value=${this.link.url}></dash-copy-field>
      </section>
      ${this.qrError ? html`<p class="field-error" role="alert">${this.qrError}</p>` : html`<dash-link-qr .url=${this.link.url}></dash-link-qr>`}
      <section class="card embed-section" aria-labelledby="script-title">
        <h3 id="script-title">Script tag</h3>
        <p class="hint">Paste once per page, then mark any link or button with <code>data-checkout-link</code>. Without JavaScript it is a plain link.</p>
        <dash-copy-field label="Script tag snippet" hide-label multiline .value=${scriptTagSnippet(origin, this.link)}></dash-copy-field>
      </section>
      <section class="card embed-section" aria-labelledby="element-title">
        <h3 id="element-title"><code>&lt;checkout-link&gt;</code> element</h3>
        <p class="hint">A web component for any framework; style it with CSS custom properties and <code>::part</code>.</p>
        <dash-copy-field label="Checkout link element snippet" hide-label multiline .value=${elementSnippet(origin, this.link)}></dash-copy-field>
      </section>
      <section class="card embed-section" aria-labelledby="query-title">
        <h3 id="query-title">Query parameters</h3>
        <p class="hint">Add these to the link URL to prefill the checkout (the script tag and the element also pass on the page's own query). A value that does not fit is ignored, never a broken link.</p>
        <div class="table-wrap"><table class="params">
          <thead><tr><th scope="col">Parameter</th><th scope="col">Example</th><th scope="col">What it does</th></tr></thead>
          <tbody>${docs.map((d) => html`<tr><td data-label="Parameter"><code>${d.name}</code></td><td data-label="Example"><code>${d.example}</code></td><td data-label="What it does">${d.description}</td></tr>`)}</tbody>
        </table></div>
        <dash-copy-field label="Example URL with every parameter" .value=${prefilledUrl(this.link, docs)}></dash-copy-field>
      </section>
      ${this.renderPreview()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dash-embed-panel': EmbedPanel;
  }
}

import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../ui/light-element.ts';
import { type LinkQr, linkQr, qrTargetUrl } from './link-qr.ts';

/**
 * Share and embed's QR code of the link URL (optionally tagged
 * `utm_source=qr`), shown and downloadable as SVG and PNG. Its own chunk
 * with the encoder: the embed panel loads it as it opens.
 */
@customElement('dash-link-qr')
export class LinkQrPanel extends LightElement {
  /** The link URL to encode. */
  @property({ attribute: false }) url = '';
  @state() private tagged = true;
  @state() private qr: LinkQr | null = null;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('url') || changed.has('tagged' as keyof LinkQrPanel))
      this.qr = this.url ? linkQr(qrTargetUrl(this.url, this.tagged)) : null;
  }

  override render() {
    const qr = this.qr;
    return html`<section class="card embed-section" aria-labelledby="qr-title">
      <h3 id="qr-title">QR code</h3>
      <p class="hint">For print and screens: scanning it opens the link URL${this.tagged ? html`, tagged <code>utm_source=qr</code> so its sessions show apart in the link's stats` : nothing}.</p>
      <label class="checkbox"><input type="checkbox" .checked=${this.tagged} @change=${(e: Event) => {
        this.tagged = (e.target as HTMLInputElement).checked;
      }}> Add <code>utm_source=qr</code></label>
      ${
        qr
          ? html`<figure class="qr-code" role="img" aria-label=${`QR code of ${qr.url}`} data-url=${qr.url}>${qr.svg}</figure>
            <p class="small muted"><code>${qr.url}</code></p>
            <div class="actions-cell">
              <a class="btn btn-small" href=${qr.svgFile} download="checkout-link-qr.svg">Download SVG</a>
              <a class="btn btn-small" href=${qr.pngFile} download="checkout-link-qr.png">Download PNG</a>
            </div>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dash-link-qr': LinkQrPanel;
  }
}

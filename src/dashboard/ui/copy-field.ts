import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement, uid } from './light-element.ts';

/**
 * A read-only value (a URL, a snippet) with a Copy button. The field itself
 * is selectable too, for browsers that refuse clipboard access.
 */
@customElement('dash-copy-field')
export class CopyField extends LightElement {
  /** Visible label of the field. */
  @property() label = '';
  /** The text to copy. */
  @property() value = '';
  /** Render a multi-line code box instead of a one-line input. */
  @property({ type: Boolean }) multiline = false;
  /** Hide the label visually (kept for screen readers). */
  @property({ type: Boolean, attribute: 'hide-label' }) hideLabel = false;
  @state() private status = '';
  readonly #id = uid('copy');

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.value);
      this.status = 'Copied';
    } catch {
      const field = this.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
      field?.select();
      this.status = 'Press Ctrl+C to copy';
    }
  }

  override render() {
    const rows = Math.min(12, this.value.split('\n').length);
    return html`<div class="copy-field">
      <label for=${this.#id} class=${this.hideLabel ? 'visually-hidden' : 'label'}>${this.label}</label>
      <div class="copy-row">
        ${
          this.multiline
            ? html`<textarea id=${this.#id} class="code" readonly rows=${rows} .value=${this.value} spellcheck="false"></textarea>`
            : html`<input id=${this.#id} class="code" readonly .value=${this.value} spellcheck="false" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />`
        }
        <button type="button" class="btn btn-small" aria-label=${`Copy ${this.label}`} @click=${this.copy}>Copy</button>
      </div>
      <span class="copy-status" role="status" aria-live="polite">${this.status}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dash-copy-field': CopyField;
  }
}

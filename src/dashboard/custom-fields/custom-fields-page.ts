import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CustomField } from '../../shared/schemas/custom-field.ts';
import { href, navigate } from '../app/route.ts';
import type { ManagementApi } from '../core/api.ts';
import { confirmAction } from '../ui/confirm.ts';
import { emptyState, errorState, loadingState } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';
import './custom-field-form.ts';

/** Custom fields: list, create, edit, delete. */
@customElement('dash-custom-fields-page')
export class CustomFieldsPage extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  @property({ attribute: false }) itemId: string | null = null;
  @state() private fields: CustomField[] | null = null;
  @state() private error: string | null = null;

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  private async load() {
    this.error = null;
    try {
      this.fields = await this.api.listAll<CustomField>('/custom-fields');
    } catch (err) {
      this.error = `Could not load custom fields: ${err instanceof Error ? err.message : err}`;
    }
  }

  private async confirmDelete(f: CustomField) {
    const ok = await confirmAction({
      title: `Delete “${f.name}”?`,
      body: 'It is removed from every product; answers already given stay on their orders.',
      confirmLabel: 'Delete field',
    });
    if (!ok) return;
    try {
      await this.api.delete(`/custom-fields/${f.id}`);
      await this.load();
    } catch (err) {
      this.error = `Could not delete “${f.name}”: ${err instanceof Error ? err.message : err}`;
    }
  }

  private renderList(fields: CustomField[]) {
    if (!fields.length)
      return emptyState(
        'No custom fields yet',
        html`<p>Ask customers for a company name, a date, terms to accept…</p>`,
      );
    return html`<div class="table-wrap card"><table>
      <thead><tr><th scope="col">Name</th><th scope="col">Slug</th><th scope="col">Type</th><th scope="col">Label on the checkout</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${fields.map(
        (f) => html`<tr>
          <td data-label="Name" class="strong">${f.name}</td>
          <td data-label="Slug"><code>${f.slug}</code></td>
          <td data-label="Type">${f.type}</td>
          <td data-label="Label">${f.properties.form_label ?? html`<span class="muted">—</span>`}</td>
          <td class="actions-cell">
            <a class="btn btn-small" href=${href('custom-fields', f.id)}>Edit<span class="visually-hidden"> ${f.name}</span></a>
            <button type="button" class="btn btn-small btn-ghost-danger" @click=${() => this.confirmDelete(f)}>Delete<span class="visually-hidden"> ${f.name}</span></button>
          </td>
        </tr>`,
      )}</tbody></table></div>`;
  }

  override render() {
    const editing = this.itemId !== null;
    const field = editing && this.itemId !== 'new' ? this.fields?.find((f) => f.id === this.itemId) : undefined;
    return html`<div class="page-head">
        <h1 tabindex="-1">Custom fields</h1>
        ${editing ? nothing : html`<a class="btn btn-primary" href=${href('custom-fields', 'new')}>New custom field</a>`}
      </div>
      ${this.error ? errorState(this.error, () => this.load()) : nothing}
      ${
        this.fields === null
          ? this.error
            ? nothing
            : loadingState('custom fields')
          : editing
            ? this.itemId !== 'new' && !field
              ? errorState('This custom field does not exist.')
              : html`<dash-custom-field-form .api=${this.api} .field=${field ?? null} @saved=${async () => {
                  await this.load();
                  navigate('custom-fields');
                }}></dash-custom-field-form>`
            : this.renderList(this.fields)
      }`;
  }
}

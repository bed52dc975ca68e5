import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { CustomField } from '../../shared/schemas/custom-field.ts';
import { CrudPage, type CrudPageResource } from '../crud/crud-page.ts';
import './custom-field-form.ts';

/** Custom fields: list, create, edit, delete. */
@customElement('dash-custom-fields-page')
export class CustomFieldsPage extends CrudPage<CustomField> {
  protected readonly resource: CrudPageResource<CustomField> = {
    section: 'custom-fields',
    path: '/custom-fields',
    title: 'Custom fields',
    plural: 'custom fields',
    newLabel: 'New custom field',
    missing: 'This custom field does not exist.',
    empty: {
      title: 'No custom fields yet',
      body: html`<p>Ask customers for a company name, a date, terms to accept…</p>`,
    },
    columns: [
      { header: 'Name', strong: true, cell: (f) => f.name },
      { header: 'Slug', cell: (f) => html`<code>${f.slug}</code>` },
      { header: 'Type', cell: (f) => f.type },
      {
        header: 'Label on the checkout',
        label: 'Label',
        cell: (f) => f.properties.form_label ?? html`<span class="muted">—</span>`,
      },
    ],
    confirmDelete: (f) => ({
      title: `Delete “${f.name}”?`,
      body: 'It is removed from every product; answers already given stay on their orders.',
      confirmLabel: 'Delete field',
    }),
  };

  protected renderForm(field: CustomField | null, saved: (e: Event) => Promise<void>) {
    return html`<dash-custom-field-form .api=${this.api} .record=${field} @saved=${saved}></dash-custom-field-form>`;
  }
}

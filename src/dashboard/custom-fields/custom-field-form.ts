import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { CustomField, CustomFieldType } from '../../shared/schemas/custom-field.ts';
import { checkWith } from '../core/check.ts';
import { type Built, CrudForm } from '../crud/crud-form.ts';
import { fieldError, inputField } from '../ui/fields.ts';

const TYPE_LABELS: Record<CustomFieldType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  checkbox: 'Checkbox',
  select: 'Select (options)',
};
/** Every type, in the schema's order (`CUSTOM_FIELD_TYPES`, not imported: its module builds zod schemas). */
const TYPES = Object.keys(TYPE_LABELS) as CustomFieldType[];

/** `value: Label` per line, the way a person writes a list of options. */
const parseOptions = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [value = '', ...rest] = l.split(':');
      return { value: value.trim(), label: (rest.join(':').trim() || value).trim() };
    });

/**
 * Create or edit a custom field: the question a checkout asks. Its slug is
 * the key of the answer in `custom_field_data` and of the
 * `custom_field_data.{slug}` prefill parameter; the type is fixed once created.
 */
@customElement('dash-custom-field-form')
export class CustomFieldForm extends CrudForm<CustomField> {
  protected readonly resource = {
    section: 'custom-fields',
    path: '/custom-fields',
    newTitle: 'New custom field',
    noun: 'field',
    fields: ['name', 'slug', 'type', 'properties'],
  } as const;
  @state() private name = '';
  @state() private slug = '';
  @state() private slugTouched = false;
  @state() private type: CustomFieldType = 'text';
  @state() private formLabel = '';
  @state() private helpText = '';
  @state() private options = '';

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('record') && this.record) {
      const f = this.record;
      this.name = f.name;
      this.slug = f.slug;
      this.slugTouched = true;
      this.type = f.type;
      this.formLabel = f.properties.form_label ?? '';
      this.helpText = f.properties.form_help_text ?? '';
      if (f.type === 'select') this.options = f.properties.options.map((o) => `${o.value}: ${o.label}`).join('\n');
    }
  }

  private body() {
    const properties: Record<string, unknown> = {
      ...(this.record?.properties ?? {}),
      form_label: this.formLabel.trim() || undefined,
      form_help_text: this.helpText.trim() || undefined,
    };
    if (this.type === 'select') properties.options = parseOptions(this.options);
    for (const k of Object.keys(properties)) if (properties[k] === undefined) delete properties[k];
    return this.record
      ? { name: this.name, slug: this.slug, properties }
      : { name: this.name, slug: this.slug, type: this.type, properties };
  }

  protected async build(): Promise<Built> {
    const body = this.body();
    return { body, errors: await checkWith((s) => (this.record ? s.customFieldUpdate : s.customFieldCreate), body) };
  }

  protected renderFields() {
    const e = this.errors;
    return html`
      ${inputField({
        id: 'field-name',
        label: 'Name',
        value: this.name,
        required: true,
        errors: e.under('name'),
        onInput: (v) => {
          this.name = v;
          if (!this.slugTouched)
            this.slug = v
              .toLowerCase()
              .replace(/[^a-z0-9_-]+/g, '_')
              .replace(/^_+|_+$/g, '');
        },
      })}
      ${inputField({
        id: 'field-slug',
        label: 'Slug',
        value: this.slug,
        required: true,
        errors: e.under('slug'),
        hint: html`Lower-case letters, digits, <code>_</code> and <code>-</code>. Prefill it with <code>custom_field_data.${this.slug || '{slug}'}</code>.`,
        onInput: (v) => {
          this.slug = v;
          this.slugTouched = true;
        },
      })}
      <div class="field field-narrow">
        <label for="field-type">Type</label>
        <select id="field-type" ?disabled=${this.record !== null} aria-describedby="field-type-hint"
          @change=${(ev: Event) => (this.type = (ev.target as HTMLSelectElement).value as CustomFieldType)}>
          ${TYPES.map((t) => html`<option value=${t} ?selected=${this.type === t}>${TYPE_LABELS[t]}</option>`)}
        </select>
        <p class="hint" id="field-type-hint">${this.record ? 'The type cannot change: stored answers depend on it.' : 'Fixed once created.'}</p>
        ${fieldError('field-type-error', e.under('type'))}
      </div>
      ${inputField({
        id: 'field-form-label',
        label: 'Label on the checkout',
        value: this.formLabel,
        errors: e.under('properties.form_label'),
        hint: html`Defaults to the name. A link is written <code>[text](https://…)</code> and opens in a new tab (https only); nothing else is formatted.`,
        onInput: (v) => (this.formLabel = v),
      })}
      ${inputField({ id: 'field-help', label: 'Help text', value: this.helpText, errors: e.under('properties.form_help_text'), onInput: (v) => (this.helpText = v) })}
      ${
        this.type === 'select'
          ? html`<div class="field">
              <label for="field-options">Options</label>
              <textarea id="field-options" rows="4" class="code" .value=${this.options} aria-describedby="field-options-hint"
                aria-invalid=${e.under('properties.options').length ? 'true' : 'false'}
                @input=${(ev: Event) => (this.options = (ev.target as HTMLTextAreaElement).value)}></textarea>
              <p class="hint" id="field-options-hint">One per line, as <code>value: Label</code>.</p>
              ${fieldError('field-options-error', e.under('properties.options'))}
            </div>`
          : nothing
      }
      ${fieldError('field-properties-error', e.at('properties'))}
`;
  }
}

import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  CUSTOM_FIELD_TYPES,
  type CustomField,
  type CustomFieldType,
  customFieldCreate,
  customFieldUpdate,
} from '../../shared/schemas/custom-field.ts';
import { href } from '../app/route.ts';
import type { ManagementApi } from '../core/api.ts';
import { FormErrors } from '../core/form-errors.ts';
import { checkWithSchema } from '../core/validate.ts';
import { fieldError, formBanner, inputField } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';

const KNOWN = ['name', 'slug', 'type', 'properties'];
const TYPE_LABELS: Record<CustomFieldType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  checkbox: 'Checkbox',
  select: 'Select (options)',
};

/** `value: Label` per line, the way a person writes a list of options. */
const parseOptions = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [value, ...rest] = l.split(':');
      return { value: value.trim(), label: (rest.join(':').trim() || value).trim() };
    });

/**
 * Create or edit a custom field: the question a checkout asks. Its slug is
 * the key of the answer in `custom_field_data` and of the
 * `custom_field_data.{slug}` prefill parameter; the type is fixed once created.
 */
@customElement('dash-custom-field-form')
export class CustomFieldForm extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  @property({ attribute: false }) field: CustomField | null = null;
  @state() private name = '';
  @state() private slug = '';
  @state() private slugTouched = false;
  @state() private type: CustomFieldType = 'text';
  @state() private formLabel = '';
  @state() private helpText = '';
  @state() private options = '';
  @state() private errors = FormErrors.none;
  @state() private busy = false;

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('field') && this.field) {
      const f = this.field;
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
      ...(this.field?.properties ?? {}),
      form_label: this.formLabel.trim() || undefined,
      form_help_text: this.helpText.trim() || undefined,
    };
    if (this.type === 'select') properties.options = parseOptions(this.options);
    for (const k of Object.keys(properties)) if (properties[k] === undefined) delete properties[k];
    return this.field
      ? { name: this.name, slug: this.slug, properties }
      : { name: this.name, slug: this.slug, type: this.type, properties };
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const body = this.body();
    const errors = checkWithSchema(this.field ? customFieldUpdate : customFieldCreate, body);
    if (errors) {
      this.errors = errors;
      return;
    }
    this.busy = true;
    try {
      if (this.field) await this.api.patch(`/custom-fields/${this.field.id}`, body);
      else await this.api.post('/custom-fields', body);
      this.errors = FormErrors.none;
      this.dispatchEvent(new Event('saved'));
    } catch (err) {
      this.errors = FormErrors.from(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const e = this.errors;
    return html`<form class="card form" @submit=${this.submit} novalidate>
      <h2>${this.field ? `Edit “${this.field.name}”` : 'New custom field'}</h2>
      ${formBanner(e.message, e.unclaimed(KNOWN))}
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
        <select id="field-type" ?disabled=${this.field !== null} aria-describedby="field-type-hint"
          @change=${(ev: Event) => (this.type = (ev.target as HTMLSelectElement).value as CustomFieldType)}>
          ${CUSTOM_FIELD_TYPES.map((t) => html`<option value=${t} ?selected=${this.type === t}>${TYPE_LABELS[t]}</option>`)}
        </select>
        <p class="hint" id="field-type-hint">${this.field ? 'The type cannot change: stored answers depend on it.' : 'Fixed once created.'}</p>
        ${fieldError('field-type-error', e.under('type'))}
      </div>
      ${inputField({ id: 'field-form-label', label: 'Label on the checkout', value: this.formLabel, errors: e.under('properties.form_label'), onInput: (v) => (this.formLabel = v) })}
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
      <div class="form-actions">
        <a class="btn" href=${href('custom-fields')}>Cancel</a>
        <button class="btn btn-primary" ?disabled=${this.busy}>${this.busy ? 'Saving…' : this.field ? 'Save field' : 'Create field'}</button>
      </div>
    </form>`;
  }
}

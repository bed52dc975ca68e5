import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { AttachedCustomField } from '../../shared/schemas/product.ts';
import type { FieldAnswer } from '../field-answers.ts';
import { t } from '../strings.ts';
import { ariaInvalid, checkboxField, describedBy, type FieldMeta, field } from './field.ts';

/** The DOM id of a custom field's control (slugs are `[a-z0-9_-]`, safe as ids). */
export const customFieldId = (slug: string) => `cf-${slug}`;

/**
 * One attached custom field, rendered by type with its label, help text,
 * placeholder and required mark. `onAnswer` gets the raw answer; the server
 * checks it (`detail` locations come back as `meta.error`).
 */
export function renderCustomField(
  attached: AttachedCustomField,
  answer: FieldAnswer | undefined,
  notes: Pick<FieldMeta, 'dropped' | 'error'>,
  onAnswer: (slug: string, value: FieldAnswer) => void,
) {
  const f = attached.custom_field;
  const props = f.properties;
  const meta: FieldMeta = {
    id: customFieldId(f.slug),
    label: props.form_label || f.name,
    required: attached.required,
    help: props.form_help_text ?? null,
    ...notes,
  };
  const text = typeof answer === 'string' ? answer : '';
  const onInput = (e: Event) => onAnswer(f.slug, (e.target as HTMLInputElement).value);
  const common = {
    describedby: describedBy(meta),
    invalid: ariaInvalid(meta),
  };

  switch (f.type) {
    case 'checkbox':
      return checkboxField(
        meta,
        html`<input type="checkbox" id=${meta.id} name=${f.slug}
          .checked=${live(answer === true)} ?required=${attached.required}
          aria-describedby=${ifDefined(common.describedby)} aria-invalid=${common.invalid}
          @change=${(e: Event) => onAnswer(f.slug, (e.target as HTMLInputElement).checked)}>`,
      );
    case 'select':
      return field(
        meta,
        html`<select id=${meta.id} name=${f.slug} ?required=${attached.required}
          aria-describedby=${ifDefined(common.describedby)} aria-invalid=${common.invalid} @change=${onInput}>
          <option value="" ?selected=${text === ''}>${props.form_placeholder || t('choose')}</option>
          ${f.properties.options.map((o) => html`<option value=${o.value} ?selected=${o.value === text}>${o.label}</option>`)}
        </select>`,
      );
    case 'text':
      if (f.properties.textarea)
        return field(
          meta,
          html`<textarea id=${meta.id} name=${f.slug} rows="3" .value=${live(text)} ?required=${attached.required}
            placeholder=${ifDefined(props.form_placeholder)} maxlength=${ifDefined(f.properties.max_length)}
            aria-describedby=${ifDefined(common.describedby)} aria-invalid=${common.invalid}
            @input=${onInput}></textarea>`,
        );
      return field(
        meta,
        html`<input type="text" id=${meta.id} name=${f.slug} .value=${live(text)} ?required=${attached.required}
          placeholder=${ifDefined(props.form_placeholder)} maxlength=${ifDefined(f.properties.max_length)}
          aria-describedby=${ifDefined(common.describedby)} aria-invalid=${common.invalid} @input=${onInput}>`,
      );
    case 'number':
      return field(
        meta,
        html`<input type="number" inputmode="numeric" step="1" id=${meta.id} name=${f.slug} .value=${live(text)}
          ?required=${attached.required} placeholder=${ifDefined(props.form_placeholder)}
          min=${ifDefined(f.properties.ge)} max=${ifDefined(f.properties.le)}
          aria-describedby=${ifDefined(common.describedby)} aria-invalid=${common.invalid} @input=${onInput}>`,
      );
    case 'date':
      return field(
        meta,
        html`<input type="date" id=${meta.id} name=${f.slug} .value=${live(text)} ?required=${attached.required}
          min=${ifDefined(f.properties.ge)} max=${ifDefined(f.properties.le)}
          aria-describedby=${ifDefined(common.describedby)} aria-invalid=${common.invalid} @input=${onInput}>`,
      );
  }
}

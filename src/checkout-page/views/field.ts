import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { t } from '../strings.ts';
import { labelWithLinks } from './label-links.ts';

/** What a field shows around its control: label, required mark, help, a dropped-prefill note, an error. */
export interface FieldMeta {
  /** The control's id; the help, note and error ids derive from it. */
  id: string;
  label: string;
  required?: boolean;
  help?: string | null;
  /** Why a prefilled value for this field was not used (from `prefill_dropped`), as a sentence. */
  dropped?: string | null;
  error?: string | null;
}

/** `aria-describedby` for the control: help, note and error, in reading order. */
export function describedBy(meta: FieldMeta): string | undefined {
  const ids = [
    meta.help ? `${meta.id}-help` : '',
    meta.dropped ? `${meta.id}-dropped` : '',
    meta.error ? `${meta.id}-error` : '',
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The common ARIA attributes of a control, spread with `...` into a template. */
export const ariaInvalid = (meta: FieldMeta) => (meta.error ? 'true' : 'false');

const requiredMark = (meta: FieldMeta) =>
  meta.required
    ? html`<span class="required" aria-hidden="true">*</span>`
    : html`<span class="optional">${t('optional')}</span>`;

/** Help, dropped note and error under a control. Text bindings only: nothing here becomes HTML. */
export function fieldNotes(meta: FieldMeta) {
  return html`${meta.help ? html`<p class="help" id="${meta.id}-help">${meta.help}</p>` : nothing}
  ${meta.dropped ? html`<p class="note" id="${meta.id}-dropped">${meta.dropped}</p>` : nothing}
  ${
    meta.error
      ? html`<p class="error" id="${meta.id}-error"><span aria-hidden="true">!</span> ${meta.error}</p>`
      : nothing
  }`;
}

/** A labelled field: label above, control, then its notes. */
export function field(meta: FieldMeta, control: TemplateResult, extraClass = '') {
  return html`<div class="field ${extraClass}" data-field=${ifDefined(meta.id)} ?data-invalid=${Boolean(meta.error)}>
    <label class="label" for=${meta.id}>${labelWithLinks(meta.label)} ${requiredMark(meta)}</label>
    ${control} ${fieldNotes(meta)}
  </div>`;
}

/** A checkbox field: the box with its label beside it, notes below. */
export function checkboxField(meta: FieldMeta, control: TemplateResult) {
  return html`<div class="field field-check" ?data-invalid=${Boolean(meta.error)}>
    <div class="check-row">
      ${control}
      <label for=${meta.id}>${labelWithLinks(meta.label)} ${meta.required ? requiredMark(meta) : nothing}</label>
    </div>
    ${fieldNotes(meta)}
  </div>`;
}

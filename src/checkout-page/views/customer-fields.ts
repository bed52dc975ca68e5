import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { t } from '../strings.ts';
import { ariaInvalid, describedBy, type FieldMeta, field } from './field.ts';

export interface TextFieldProps {
  key: 'customer_email' | 'customer_name';
  type: string;
  autocomplete: string;
  maxLength: number;
  value: string;
  onInput: (value: string) => void;
}

/** The customer's email or name. */
export function renderTextField(meta: FieldMeta, p: TextFieldProps) {
  return field(
    meta,
    html`<input type=${p.type} id=${p.key} name=${p.key} autocomplete=${p.autocomplete} .value=${live(p.value)}
        ?required=${Boolean(meta.required)} aria-describedby=${ifDefined(describedBy(meta))} aria-invalid=${ariaInvalid(meta)}
        maxlength=${p.maxLength} spellcheck="false"
        @input=${(e: Event) => p.onInput((e.target as HTMLInputElement).value)}>`,
  );
}

/** The card number, under its section title, with the test cards as help. */
export function renderCardField(meta: Omit<FieldMeta, 'help'>, value: string, onInput: (value: string) => void) {
  const withHelp: FieldMeta = { ...meta, help: t('testCards') };
  return html`<h2 class="section-title">${t('payment')}</h2>
      ${field(
        withHelp,
        html`<div class="affix-input card-input">
          <svg class="affix" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><rect x="2.5" y="5" width="19" height="14" rx="2.5" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M2.5 9.5h19" stroke="currentColor" stroke-width="1.8"/></svg>
          <input type="text" inputmode="numeric" id="card_number" name="card_number" autocomplete="cc-number"
            placeholder="1234 1234 1234 1234" maxlength="23" required .value=${live(value)}
            aria-describedby=${ifDefined(describedBy(withHelp))} aria-invalid=${ariaInvalid(withHelp)}
            @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}>
        </div>`,
      )}`;
}

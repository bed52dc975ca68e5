import { html, nothing } from 'lit';

/**
 * The message(s) under a field. `id` is what the input's
 * `aria-describedby` points at, so screen readers read the error with it.
 */
export function fieldError(id: string, messages: string[]) {
  if (!messages.length) return nothing;
  return html`<p class="field-error" id=${id}>${messages.join(' · ')}</p>`;
}

/** The banner for a failure that names no field (or names one this form does not show). */
export function formBanner(message: string | null, extra: string[] = []) {
  if (!message && !extra.length) return nothing;
  return html`<div class="banner banner-error" role="alert" tabindex="-1">
    ${message ? html`<strong>${message}</strong>` : nothing}
    ${extra.length ? html`<ul>${extra.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
  </div>`;
}

export const loadingState = (what: string) =>
  html`<div class="state" role="status" aria-live="polite"><span class="spinner" aria-hidden="true"></span> Loading ${what}…</div>`;

export const emptyState = (title: string, body: unknown = nothing) =>
  html`<div class="state state-empty"><p class="state-title">${title}</p>${body}</div>`;

export const errorState = (message: string, retry?: () => void) =>
  html`<div class="banner banner-error" role="alert">
    <strong>${message}</strong>
    ${retry ? html`<button type="button" class="btn btn-small" @click=${retry}>Try again</button>` : nothing}
  </div>`;

export interface InputFieldOptions {
  /** Document-unique id of the input (its error gets `${id}-error`). */
  id: string;
  label: string;
  value: string;
  errors?: string[];
  hint?: unknown;
  type?: 'text' | 'url' | 'number' | 'email' | 'datetime-local';
  inputmode?: 'decimal' | 'numeric' | 'text' | 'url';
  placeholder?: string;
  required?: boolean;
  /** Extra class on the wrapper (`field-narrow`). */
  className?: string;
  onInput: (value: string) => void;
}

/** A labelled input with its hint and its error wired through `aria-describedby`. */
export function inputField(o: InputFieldOptions) {
  const errors = o.errors ?? [];
  const describedBy = [o.hint ? `${o.id}-hint` : '', errors.length ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field ${o.className ?? ''}">
    <label for=${o.id}>${o.label}${o.required ? nothing : html` <span class="optional">(optional)</span>`}</label>
    <input
      id=${o.id}
      type=${o.type ?? 'text'}
      inputmode=${o.inputmode ?? nothing}
      placeholder=${o.placeholder ?? nothing}
      .value=${o.value}
      aria-invalid=${errors.length ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
    />
    ${o.hint ? html`<p class="hint" id=${`${o.id}-hint`}>${o.hint}</p>` : nothing}
    ${fieldError(`${o.id}-error`, errors)}
  </div>`;
}

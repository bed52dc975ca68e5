import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { href, type Section } from '../app/route.ts';
import type { ManagementApi } from '../core/api.ts';
import { preloadSchemas } from '../core/check.ts';
import { FormErrors } from '../core/form-errors.ts';
import { formBanner } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';
import type { NamedRecord } from './named-record.ts';

/** The words and the endpoint of a {@link CrudForm}. */
export interface CrudFormResource {
  /** Where Cancel goes back to (`#/discounts`). */
  section: Section;
  /** The management API collection: `POST {path}` creates, `PATCH {path}/{id}` saves. */
  path: string;
  /** The heading of the create form ("New discount"); editing says `Edit “{name}”`. */
  newTitle: string;
  /** The noun on the submit button ("Create discount", "Save discount"). */
  noun: string;
  /** Error keys (prefixes) the form shows next to a field; any other error goes to the banner. */
  fields: readonly string[];
}

/** A request body, or the errors that keep it from being sent. */
export type Built = { body: unknown; errors: FormErrors | null };

/** Errors found before any schema runs (a number that is not one), as `[key, message]` with dotted keys. */
export function localErrors(found: [string, string][]): FormErrors | null {
  if (!found.length) return null;
  return new FormErrors(
    'Some fields need your attention.',
    found.map(([key, msg]) => ({ loc: key.split('.'), msg })),
  );
}

/**
 * The local errors and the schema's, all at once (an empty form names every
 * field to fill on the first submit); the schema's word on a field the local
 * check already named is left out.
 */
export function combineErrors(found: [string, string][], schema: FormErrors | null): FormErrors | null {
  const own = new Set(found.map(([key]) => key));
  return localErrors([...found, ...(schema?.entries().filter(([key]) => !own.has(key)) ?? [])]);
}

/** Fired by a {@link CrudForm} once the API accepted the record. */
export class CrudSavedEvent extends Event {
  constructor(
    /** The saved record's name, as the API answered it. */
    readonly name: string,
    /** Whether it was created (else edited). */
    readonly created: boolean,
  ) {
    super('saved');
  }
}

/**
 * A create/edit form card: heading, error banner, the subclass's fields, and
 * Cancel / Create (or Save). On submit it asks the subclass for the body and
 * its client-side errors (the API's own schema, see `checkWithSchema`), sends
 * it, keeps the server's errors the same way, and fires `saved` once accepted.
 * Each message is shown next to the field its `loc` names (the fields pass
 * `errors.under(key)` to `inputField`), so no message is ever swallowed.
 *
 * @event saved - The API accepted the record.
 */
export abstract class CrudForm<T extends NamedRecord> extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  /** The record to edit; null creates one. */
  @property({ attribute: false }) record: T | null = null;
  @state() protected errors = FormErrors.none;
  @state() protected busy = false;

  protected abstract readonly resource: CrudFormResource;

  /** The body to send, from the form's state, checked before it leaves the browser (see `checkWith`). */
  protected abstract build(): Promise<Built>;

  /** The fields between the banner and the buttons. */
  protected abstract renderFields(): unknown;

  /** Errors were just shown: take the keyboard to the first field to fix (or the banner when no field is named). */
  protected async showedErrors(): Promise<void> {
    await this.updateComplete;
    (
      this.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.querySelector<HTMLElement>('.banner-error')
    )?.focus();
  }

  override connectedCallback() {
    super.connectedCallback();
    // A failure is reported by the submit that needs the schemas.
    preloadSchemas().catch(() => {});
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    let built: Built;
    try {
      built = await this.build();
    } catch (err) {
      this.errors = FormErrors.from(err);
      return this.showedErrors();
    }
    const { body, errors } = built;
    if (errors) {
      this.errors = errors;
      return this.showedErrors();
    }
    this.busy = true;
    try {
      const saved = this.record
        ? await this.api.patch<T>(`${this.resource.path}/${this.record.id}`, body)
        : await this.api.post<T>(this.resource.path, body);
      this.errors = FormErrors.none;
      this.dispatchEvent(new CrudSavedEvent(saved.name, !this.record));
    } catch (err) {
      this.errors = FormErrors.from(err);
      this.showedErrors();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const o = this.resource;
    const r = this.record;
    return html`<form class="card form" @submit=${this.submit} novalidate>
      <h2>${r ? `Edit “${r.name}”` : o.newTitle}</h2>
      ${formBanner(this.errors.message, this.errors.unclaimed([...o.fields]))}
      ${this.renderFields()}
      <div class="form-actions">
        <a class="btn" href=${href(o.section)}>Cancel</a>
        <button class="btn btn-primary" ?disabled=${this.busy}>${this.busy ? 'Saving…' : `${r ? 'Save' : 'Create'} ${o.noun}`}</button>
      </div>
    </form>`;
  }
}

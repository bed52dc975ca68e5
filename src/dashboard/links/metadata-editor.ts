import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { METADATA_MAX_KEY_LENGTH, METADATA_MAX_KEYS, METADATA_MAX_VALUE_LENGTH } from '../../shared/metadata-limits.ts';
import { fieldError } from '../ui/fields.ts';
import { LightElement, uid } from '../ui/light-element.ts';

export interface MetadataRow {
  key: string;
  value: string;
}

/** What is wrong with each row, by the limits the API enforces (the same constants). */
export function metadataRowErrors(rows: MetadataRow[]): { key: string[]; value: string[] }[] {
  const seen = new Map<string, number>();
  return rows.map((row, i) => {
    const key: string[] = [];
    const value: string[] = [];
    const k = row.key.trim();
    if (!k && row.value) key.push('Enter a key for this value.');
    if (k.length > METADATA_MAX_KEY_LENGTH)
      key.push(`Keys are at most ${METADATA_MAX_KEY_LENGTH} characters (this one has ${k.length}).`);
    if (k && seen.has(k)) key.push(`“${k}” is already used on row ${seen.get(k)! + 1}.`);
    if (k) seen.set(k, seen.get(k) ?? i);
    if (row.value.length > METADATA_MAX_VALUE_LENGTH)
      value.push(`Values are at most ${METADATA_MAX_VALUE_LENGTH} characters (this one has ${row.value.length}).`);
    return { key, value };
  });
}

/** Rows to the wire object; empty rows are ignored. Values stay strings: what the merchant typed. */
export const rowsToMetadata = (rows: MetadataRow[]) =>
  Object.fromEntries(rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), r.value]));

export const metadataToRows = (metadata: Record<string, unknown>): MetadataRow[] =>
  Object.entries(metadata).map(([key, value]) => ({ key, value: String(value) }));

/**
 * A key/value editor held to the metadata limits (50 keys, keys up to 40
 * characters, values up to 500): each row shows its own problem as it is
 * typed, and server errors for `metadata.{key}` land on the row with that key.
 */
@customElement('dash-metadata-editor')
export class MetadataEditor extends LightElement {
  /** The rows; the editor fires `metadata-change` with the new array (it does not own the state). */
  @property({ attribute: false }) rows: MetadataRow[] = [];
  /** Server messages by key (`metadata.{key}`), and for the whole object under `''`. */
  @property({ attribute: false }) serverErrors: [string, string][] = [];
  readonly #id = uid('metadata');

  private emit(rows: MetadataRow[]) {
    this.rows = rows;
    this.dispatchEvent(new CustomEvent<MetadataRow[]>('metadata-change', { detail: rows }));
  }

  private update_(i: number, patch: Partial<MetadataRow>) {
    this.emit(this.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  }

  private async add() {
    this.emit([...this.rows, { key: '', value: '' }]);
    await this.updateComplete;
    this.querySelector<HTMLInputElement>(`#${this.#id}-key-${this.rows.length - 1}`)?.focus();
  }

  private async removeRow(i: number) {
    this.emit(this.rows.filter((_, j) => j !== i));
    await this.updateComplete;
    this.querySelector<HTMLElement>('.metadata-add')?.focus();
  }

  override render() {
    const errors = metadataRowErrors(this.rows);
    const filled = this.rows.filter((r) => r.key.trim()).length;
    const full = this.rows.length >= METADATA_MAX_KEYS;
    return html`
      ${
        this.rows.length
          ? html`<ol class="metadata-rows">${this.rows.map((row, i) => {
              const keyId = `${this.#id}-key-${i}`;
              const valueId = `${this.#id}-value-${i}`;
              const server = this.serverErrors.filter(([k]) => k === row.key.trim()).map(([, m]) => m);
              const rowErrors = errors[i] ?? { key: [], value: [] };
              const keyErrors = [...rowErrors.key, ...server];
              return html`<li class="metadata-row">
                <div class="field">
                  <label for=${keyId}>Key ${i + 1}</label>
                  <input id=${keyId} class="code" .value=${row.key} spellcheck="false" autocomplete="off"
                    aria-invalid=${keyErrors.length ? 'true' : 'false'} aria-describedby=${keyErrors.length ? `${keyId}-error` : nothing}
                    @input=${(e: Event) => this.update_(i, { key: (e.target as HTMLInputElement).value })} />
                  ${fieldError(`${keyId}-error`, keyErrors)}
                </div>
                <div class="field">
                  <label for=${valueId}>Value ${i + 1}</label>
                  <input id=${valueId} .value=${row.value} autocomplete="off"
                    aria-invalid=${rowErrors.value.length ? 'true' : 'false'} aria-describedby=${rowErrors.value.length ? `${valueId}-error` : nothing}
                    @input=${(e: Event) => this.update_(i, { value: (e.target as HTMLInputElement).value })} />
                  ${fieldError(`${valueId}-error`, rowErrors.value)}
                </div>
                <button type="button" class="btn btn-small btn-ghost-danger metadata-remove" @click=${() => this.removeRow(i)}
                  aria-label=${`Remove metadata row ${i + 1}${row.key ? ` (${row.key})` : ''}`}>Remove</button>
              </li>`;
            })}</ol>`
          : nothing
      }
      ${fieldError(
        `${this.#id}-error`,
        this.serverErrors
          .filter(([k]) => k === '' || !this.rows.some((r) => r.key.trim() === k))
          .map(([k, m]) => (k ? `${k}: ${m}` : m)),
      )}
      <div class="metadata-foot">
        <button type="button" class="btn btn-small metadata-add" ?disabled=${full} @click=${this.add}>Add metadata</button>
        <span class="muted small">${filled} of ${METADATA_MAX_KEYS} keys · key up to ${METADATA_MAX_KEY_LENGTH} characters, value up to ${METADATA_MAX_VALUE_LENGTH}</span>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dash-metadata-editor': MetadataEditor;
  }
}

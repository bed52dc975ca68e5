import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { href, navigate, type Section } from '../app/route.ts';
import type { ManagementApi } from '../core/api.ts';
import { confirmAction } from '../ui/confirm.ts';
import { emptyState, errorState, loadingState } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';
import type { CrudSavedEvent } from './crud-form.ts';
import type { NamedRecord } from './named-record.ts';
import { type Column, recordTable } from './record-table.ts';

/** The words and columns that make a {@link CrudPage} a Discounts or a Custom fields page. */
export interface CrudPageResource<T> {
  /** The route section (`#/discounts`, `#/discounts/new`, `#/discounts/{id}`). */
  section: Section;
  /** The management API collection (`/discounts`): listed, and `DELETE {path}/{id}`. */
  path: string;
  /** The page heading. */
  title: string;
  /** Lower-case plural for "Loading discounts…" and "Could not load discounts: …". */
  plural: string;
  /** The create button's label. */
  newLabel: string;
  /** Shown for an id that is not in the list. */
  missing: string;
  /** The empty list's title, and what to do about it. */
  empty: { title: string; body: unknown };
  columns: Column<T>[];
  /** Class of a record's row (`is-archived`). */
  rowClass?: (item: T) => string;
  /**
   * The question asked before deleting a record (the safe answer has focus).
   * Without it the rows offer no Delete (Products archives instead).
   */
  confirmDelete?: (item: T) => { title: string; body: string; confirmLabel: string };
}

/**
 * A section made of a list of records and their create/edit form, routed by
 * `itemId` (null: the list; `new`: an empty form; an id: that record's form).
 * It loads the records, shows the loading, error, empty and not-found states,
 * asks before deleting, and after a save reloads and returns to the list.
 * Subclasses describe the resource and give the form; Products also overrides the
 * loading, the list and the row actions (it archives instead of deleting).
 */
export abstract class CrudPage<T extends NamedRecord> extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  /** `new`, a record id, or null for the list. */
  @property({ attribute: false }) itemId: string | null = null;
  /** The records, or null until the first load succeeds. */
  @state() protected items: T[] | null = null;
  @state() protected error: string | null = null;
  /** What the last save did ("Created “Poster”."), read out by the polite live region. */
  @state() protected notice: string | null = null;

  protected abstract readonly resource: CrudPageResource<T>;

  /** The create (`item` null) or edit form; it calls `saved` with its `CrudSavedEvent` once the API accepted it. */
  protected abstract renderForm(item: T | null, saved: (e: Event) => Promise<void>): unknown;

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // Opening a form starts afresh; the list after a save keeps its notice.
    if (changed.has('itemId') && this.itemId !== null) this.notice = null;
  }

  /** Every record of the collection (Products also fetches what its form offers). */
  protected fetchItems(): Promise<T[]> {
    return this.api.listAll<T>(this.resource.path);
  }

  protected async load() {
    this.error = null;
    try {
      this.items = await this.fetchItems();
    } catch (err) {
      this.error = `Could not load ${this.resource.plural}: ${err instanceof Error ? err.message : err}`;
    }
  }

  /** Runs a change to one record, then reloads; a failure says which record and why. */
  protected async change(item: T, verb: string, request: () => Promise<unknown>) {
    try {
      await request();
      await this.load();
    } catch (err) {
      this.error = `Could not ${verb} “${item.name}”: ${err instanceof Error ? err.message : err}`;
    }
  }

  private async deleteItem(item: T, question: NonNullable<CrudPageResource<T>['confirmDelete']>) {
    if (!(await confirmAction(question(item)))) return;
    await this.change(item, 'delete', () => this.api.delete(`${this.resource.path}/${item.id}`));
  }

  /** The buttons of a row; the record's name completes each label for screen readers. */
  protected renderActions(item: T): unknown {
    const { section, confirmDelete } = this.resource;
    return html`<a class="btn btn-small" href=${href(section, item.id)}>Edit<span class="visually-hidden"> ${item.name}</span></a>
      ${
        confirmDelete
          ? html`<button type="button" class="btn btn-small btn-ghost-danger" @click=${() => this.deleteItem(item, confirmDelete)}>Delete<span class="visually-hidden"> ${item.name}</span></button>`
          : nothing
      }`;
  }

  protected renderList(items: T[]): unknown {
    if (!items.length) return emptyState(this.resource.empty.title, this.resource.empty.body);
    return recordTable(items, this.resource.columns, {
      rowClass: this.resource.rowClass,
      actions: (item) => this.renderActions(item),
    });
  }

  /** Between the heading and the content (Products' tabs). */
  protected renderSubhead(): unknown {
    return nothing;
  }

  private renderContent(items: T[]) {
    const { itemId } = this;
    if (itemId === null) return this.renderList(items);
    const item = itemId === 'new' ? null : items.find((i) => i.id === itemId);
    if (item === undefined) return errorState(this.resource.missing);
    return this.renderForm(item, async (e) => {
      const saved = e as CrudSavedEvent;
      await this.load();
      this.notice = `${saved.created ? 'Created' : 'Saved'} “${saved.name}”.`;
      navigate(this.resource.section);
    });
  }

  override render() {
    const o = this.resource;
    return html`<div class="page-head">
        <h1 tabindex="-1">${o.title}</h1>
        ${this.itemId === null ? html`<a class="btn btn-primary" href=${href(o.section, 'new')}>${o.newLabel}</a>` : nothing}
      </div>
      ${this.renderSubhead()}
      <div class="notice-region" role="status" aria-live="polite">
        ${this.notice ? html`<p class="banner banner-success">${this.notice}</p>` : nothing}
      </div>
      ${this.error ? errorState(this.error, () => this.load()) : nothing}
      ${this.items === null ? (this.error ? nothing : loadingState(o.plural)) : this.renderContent(this.items)}`;
  }
}

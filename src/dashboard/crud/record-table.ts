import { html, nothing } from 'lit';

/** One column of a {@link recordTable}. */
export interface Column<T> {
  /** The column heading. */
  header: string;
  /** The cell's caption in the stacked layout of narrow screens (`data-label`); defaults to `header`. */
  label?: string;
  /** The cell's content for one record (text or a template; never raw HTML). */
  cell: (item: T) => unknown;
  /** Emphasize the cell (the record's name). */
  strong?: boolean;
}

export interface RecordTableOptions<T> {
  /** Class of the `<table>` (`sales-table`). */
  className?: string;
  /** Class of a record's row (`is-archived`). */
  rowClass?: (item: T) => string;
  /** The buttons of a record's last cell; without it the table has no actions column. */
  actions?: (item: T) => unknown;
}

/**
 * The dashboard's table of records: real `<th scope="col">` headings for
 * screen readers, and a `data-label` per cell that the narrow-screen CSS
 * shows when rows stack into cards.
 */
export function recordTable<T>(items: T[], columns: Column<T>[], options: RecordTableOptions<T> = {}) {
  const { actions, rowClass } = options;
  return html`<div class="table-wrap card"><table class=${options.className ?? nothing}>
    <thead><tr>${columns.map((c) => html`<th scope="col">${c.header}</th>`)}${
      actions ? html`<th scope="col"><span class="visually-hidden">Actions</span></th>` : nothing
    }</tr></thead>
    <tbody>${items.map(
      (item) =>
        html`<tr class=${rowClass?.(item) || nothing}>${columns.map(
          (c) =>
            html`<td data-label=${c.label ?? c.header} class=${c.strong ? 'strong' : nothing}>${c.cell(item)}</td>`,
        )}${actions ? html`<td class="actions-cell">${actions(item)}</td>` : nothing}</tr>`,
    )}</tbody></table></div>`;
}

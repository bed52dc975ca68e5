import { html, nothing } from 'lit';

export interface PagerOptions {
  /** What is paged, in the plural ("orders"): names the navigation and completes the button labels. */
  what: string;
  page: number;
  maxPage: number;
  /** Shows another page (the caller puts it in the URL). */
  go: (page: number) => void;
}

/**
 * Previous / "Page N of M" / Next under a paged table. Buttons, not links:
 * on the first or last page they stay focusable with `aria-disabled`, so a
 * keyboard user paging with Enter or Space never has focus dropped to the
 * document. The page number is a polite live region, so the page asked for
 * is announced; the caller marks the table `aria-busy` until it arrives.
 * Nothing is rendered for a single page.
 */
export function pager(o: PagerOptions) {
  if (o.maxPage <= 1 && o.page <= 1) return nothing;
  const first = o.page <= 1;
  const last = o.page >= o.maxPage;
  return html`<nav class="pager" aria-label=${`Pages of ${o.what}`}>
    <button type="button" class="btn btn-small" aria-disabled=${first ? 'true' : 'false'}
      @click=${() => !first && o.go(o.page - 1)}>Previous<span class="visually-hidden"> page of ${o.what}</span></button>
    <span class="pager-status" role="status">Page ${o.page} of ${o.maxPage}</span>
    <button type="button" class="btn btn-small" aria-disabled=${last ? 'true' : 'false'}
      @click=${() => !last && o.go(o.page + 1)}>Next<span class="visually-hidden"> page of ${o.what}</span></button>
  </nav>`;
}

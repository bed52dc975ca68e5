import type { ReactiveControllerHost } from 'lit';
import type { ListResource } from '../../shared/schemas/common.ts';
import type { ManagementApi } from '../core/api.ts';

/**
 * One paged list of a management API collection (`/orders`): the page asked
 * for, and what the API answered for the page on screen. Only the answer to
 * the latest request is kept, so paging quickly never shows an older page
 * under a newer page number.
 */
export class PagedList<T> {
  /** The page asked for, from 1 (0 until the first load). */
  page = 0;
  /** The API's answer for the page on screen; null until the first one. */
  result: ListResource<T> | null = null;
  /** A request is under way (the old page stays on screen meanwhile). */
  loading = false;
  #latest = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly path: string,
    readonly limit: number,
    /** Query parameters sent with every page (`expand=receipt`). */
    readonly params: Record<string, string> = {},
  ) {}

  /** Number of pages, as the API last said (at least 1). */
  get maxPage(): number {
    return this.result?.pagination.max_page ?? 1;
  }

  /** Loads `page`; resolves false when a later request superseded this one (its answer is dropped). */
  async load(api: ManagementApi, page = this.page || 1): Promise<boolean> {
    this.page = page;
    const request = ++this.#latest;
    this.loading = true;
    this.host.requestUpdate();
    try {
      const result = await api.listPage<T>(this.path, this.limit, page, this.params);
      if (request !== this.#latest) return false;
      this.result = result;
      return true;
    } catch (err) {
      if (request !== this.#latest) return false;
      throw err;
    } finally {
      if (request === this.#latest) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }
}

import type { ErrorDetail, ListResource } from '../../shared/schemas/common.ts';

/**
 * A failed management API call, carrying the server's `detail` so a form can
 * show each message next to the field it names. Network failures use status 0.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail: ErrorDetail[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * The dashboard's only way to the backend: same-origin `/v1/...` calls with
 * the organization token in the Authorization header (never in a URL).
 */
export class ManagementApi {
  readonly #token: string;
  readonly #onUnauthorized: () => void;

  /** `onUnauthorized` runs when a token that once worked is refused (revoked meanwhile). */
  constructor(token: string, onUnauthorized: () => void = () => {}) {
    this.#token = token;
    this.#onUnauthorized = onUnauthorized;
  }

  async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`/v1${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.#token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.', []);
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: a proxy page or a crash; reported below with the status.
    }
    if (!response.ok) {
      const error = new ApiError(
        response.status,
        json?.error ?? 'http_error',
        json?.message ?? `The server answered ${response.status} ${response.statusText}.`,
        Array.isArray(json?.detail) ? json.detail : [],
      );
      if (response.status === 401) this.#onUnauthorized();
      throw error;
    }
    return json as T;
  }

  get<T>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T>(path: string, body: unknown) {
    return this.request<T>('POST', path, body);
  }
  patch<T>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = void>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Every item of a list endpoint, page by page (100 at a time, the API's maximum). */
  async listAll<T>(path: string, params: Record<string, string> = {}, maxPages = 20): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; page <= maxPages; page++) {
      const query = new URLSearchParams({ ...params, page: String(page), limit: '100' });
      const result = await this.get<ListResource<T>>(`${path}?${query}`);
      items.push(...result.items);
      if (page >= result.pagination.max_page) break;
    }
    return items;
  }

  /** One page (from 1) of a list, newest first as the API sorts it; `pagination` says how many there are. */
  listPage<T>(path: string, limit = 25, page = 1, params: Record<string, string> = {}) {
    const query = new URLSearchParams({ ...params, page: String(page), limit: String(limit) });
    return this.get<ListResource<T>>(`${path}?${query}`);
  }
}

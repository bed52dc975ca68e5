/**
 * Routes live in the hash (`#/links/new`, `#/sales?orders=2`): the server
 * serves one page at `/dashboard`, reloads and Back keep the view, and the
 * token never enters a URL.
 */
export type Section = 'products' | 'links' | 'discounts' | 'custom-fields' | 'sales' | 'settings';

export interface Route {
  section: Section;
  /** `new`, a record id, or null for the list. */
  id: string | null;
  /** `edit` for a link's form (its bare id shows Share and embed). */
  action: string | null;
  /** View state after `?` (`orders=2&subscriptions=3`), empty when none; the page reads it. */
  query: string;
}

const SECTIONS: Section[] = ['products', 'links', 'discounts', 'custom-fields', 'sales', 'settings'];

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [section, id, action] = path.split('/');
  if (!SECTIONS.includes(section as Section)) return { section: 'products', id: null, action: null, query: '' };
  return { section: section as Section, id: id || null, action: action || null, query };
}

/** Whether two routes show the same view (they may differ in view state, such as a page number). */
export const sameView = (a: Route, b: Route) => a.section === b.section && a.id === b.id && a.action === b.action;

export const href = (section: Section, id?: string, action?: string) =>
  `#/${[section, id, action].filter(Boolean).join('/')}`;

/** A section's list with view state: `#/sales?orders=2`. */
export function hrefWithQuery(section: Section, query: URLSearchParams | string) {
  const q = query.toString();
  return q ? `${href(section)}?${q}` : href(section);
}

/** The address of a route, view state included. */
export function hrefOf(r: Route) {
  const base = href(r.section, r.id ?? undefined, r.action ?? undefined);
  return r.query ? `${base}?${r.query}` : base;
}

export function navigate(section: Section, id?: string, action?: string) {
  location.hash = href(section, id, action);
}

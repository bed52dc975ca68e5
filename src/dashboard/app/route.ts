/**
 * Routes live in the hash (`#/links/new`): the server serves one page at
 * `/dashboard`, reloads keep the view, and the token never enters a URL.
 */
export type Section = 'products' | 'links' | 'discounts' | 'custom-fields' | 'sales' | 'settings';

export interface Route {
  section: Section;
  /** `new`, a record id, or null for the list. */
  id: string | null;
  /** `edit` for a link's form (its bare id shows Share and embed). */
  action: string | null;
}

const SECTIONS: Section[] = ['products', 'links', 'discounts', 'custom-fields', 'sales', 'settings'];

export function parseRoute(hash: string): Route {
  const [section, id, action] = hash.replace(/^#\/?/, '').split('/');
  if (!SECTIONS.includes(section as Section)) return { section: 'products', id: null, action: null };
  return { section: section as Section, id: id || null, action: action || null };
}

export const href = (section: Section, id?: string, action?: string) =>
  `#/${[section, id, action].filter(Boolean).join('/')}`;

export function navigate(section: Section, id?: string, action?: string) {
  location.hash = href(section, id, action);
}

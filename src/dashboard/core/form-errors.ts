import type { ErrorDetail } from '../../shared/schemas/common.ts';
import { ApiError } from './api.ts';

/** The API's terse phrasing (written for developers) as sentences for people; everything else gets a capital and a full stop. */
const FOR_PEOPLE: Record<string, string> = {
  'use only a-z, 0-9, _ and -': 'Use only lowercase letters, digits, hyphens and underscores.',
  'use only letters, digits, _ and -': 'Use only letters, digits, hyphens and underscores.',
  'must be after starts_at': 'Must be after the start date.',
  'must be at least minimum_amount': 'Must be at least the minimum amount.',
  'must be at most maximum_amount': 'Must be at most the maximum amount.',
  'must be an absolute http(s) URL': 'Enter a full address starting with https:// (or http://).',
  'must be an origin like https://shop.example (no path)':
    'Enter an origin such as https://shop.example, with no path.',
  'must be a three-letter ISO 4217 currency code': 'Enter a three-letter currency code, such as USD.',
};

export function forPeople(msg: string): string {
  const known = FOR_PEOPLE[msg];
  if (known) return known;
  const s = msg.trim();
  if (!s) return s;
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;
}

/**
 * Server (or client-side schema) errors keyed by the field they concern.
 * `loc` such as `['body', 'metadata', 'campaign']` or `['products', 0]` becomes
 * `metadata.campaign` / `products.0`; a form asks for the keys it renders and
 * shows everything else in one banner, so no message is ever swallowed.
 */
export class FormErrors {
  readonly message: string | null;
  readonly #byKey = new Map<string, string[]>();

  constructor(message: string | null = null, detail: ErrorDetail[] = []) {
    this.message = message;
    for (const d of detail) {
      const loc = d.loc[0] === 'body' || d.loc[0] === 'query' ? d.loc.slice(1) : d.loc;
      const key = loc.join('.');
      this.#byKey.set(key, [...(this.#byKey.get(key) ?? []), forPeople(d.msg)]);
    }
  }

  static none = new FormErrors();

  /** From anything thrown by an API call. */
  static from(error: unknown): FormErrors {
    if (error instanceof ApiError) return new FormErrors(error.message, error.detail);
    return new FormErrors(error instanceof Error ? error.message : String(error));
  }

  get any(): boolean {
    return this.message !== null || this.#byKey.size > 0;
  }

  /** Every message with its dotted key. */
  entries(): [string, string][] {
    return [...this.#byKey].flatMap(([k, msgs]) => msgs.map((m) => [k, m] as [string, string]));
  }

  /** Messages for exactly `key`. */
  at(key: string): string[] {
    return this.#byKey.get(key) ?? [];
  }

  /** Messages for `key` and everything under it (`prices` covers `prices.0.price_amount`). */
  under(key: string): string[] {
    return [...this.#byKey].filter(([k]) => k === key || k.startsWith(`${key}.`)).flatMap(([, m]) => m);
  }

  /** Entries under `key`, with the rest of their path (for list editors: `['0', 'msg']`). */
  entriesUnder(key: string): [string, string][] {
    return [...this.#byKey]
      .filter(([k]) => k.startsWith(`${key}.`))
      .flatMap(([k, msgs]) => msgs.map((m) => [k.slice(key.length + 1), m] as [string, string]));
  }

  /** Messages whose key is not claimed by any of `known` (prefixes), with their path spelled out. */
  unclaimed(known: string[]): string[] {
    return [...this.#byKey]
      .filter(([k]) => !known.some((p) => k === p || k.startsWith(`${p}.`)))
      .flatMap(([k, msgs]) => msgs.map((m) => (k ? `${k}: ${m}` : m)));
  }
}

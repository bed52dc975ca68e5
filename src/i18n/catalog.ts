import type { en } from './catalogs/en.ts';

/** A key of the checkout's strings: the English catalog's keys are the one key set. */
export type MessageKey = keyof typeof en;

/** One locale's strings: every key, each a non-empty template with the English one's `{placeholders}`. */
export type Catalog = { readonly [K in MessageKey]: string };

/** Keys only the server's problem pages use: the checkout page is not sent them. */
export const PROBLEM_PAGE_KEYS = [
  'linkNotFoundTitle',
  'linkNotFoundBody',
  'linkUnavailableTitle',
  'linkUnavailableBody',
  'rateLimitedTitle',
  'rateLimitedBody',
  'checkoutNotFoundTitle',
  'checkoutNotFoundBody',
  'inactiveTitle',
  'inactiveBody',
  'notStartedTitle',
  'notStartedBody',
  'endedTitle',
  'endedBody',
  'limitReachedTitle',
  'limitReachedBody',
  'backToShop',
  'useBackButton',
] as const satisfies readonly MessageKey[];

/** Keys of the overlay's card, which the widget endpoint sends (server/http/card-words.ts), not the page. */
export const CARD_KEYS = [
  'cardRetry',
  'cardStillLoading',
  'cardOpenPage',
  'cardUnreachable',
  'cardNotShown',
  'cardServerFault',
  'cardClose',
] as const satisfies readonly MessageKey[];

/** What the checkout page is sent: its locale's catalog without the problem pages' and the card's keys. */
export type PageCatalog = Omit<Catalog, (typeof PROBLEM_PAGE_KEYS)[number] | (typeof CARD_KEYS)[number]>;

/** The `{name}` placeholders of a template, in order. */
export const placeholdersOf = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

import type { en } from './catalogs/en.ts';

/** A key of the checkout's strings: the English catalog's keys are the one key set. */
export type MessageKey = keyof typeof en;

/** One locale's strings: every key, each a non-empty template with the English one's `{placeholders}`. */
export type Catalog = { readonly [K in MessageKey]: string };

/** The `{name}` placeholders of a template, in order. */
export const placeholdersOf = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

/**
 * State shared by every copy of the widget on a page. The snippet and the
 * element bundle each carry their own copy of these modules; keeping the
 * open overlay on one global means only one overlay is ever open.
 */
export interface SharedState {
  /** Closes the overlay that is open, if any. */
  close?: () => void;
  /** Set once the snippet has wired the page's clicks (safe to load twice). */
  wired?: boolean;
}

/** Lazy, so importing the widget in Node (SSR) touches no browser global. */
export const sharedState = (): SharedState => ((globalThis as { __checkoutLink?: SharedState }).__checkoutLink ??= {});

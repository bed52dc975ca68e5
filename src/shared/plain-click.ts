/**
 * Whether a click keeps its link behaviour (new tab, window, download): a
 * modified, non-primary or already handled click is not the buy button's.
 */
export const keepsLinkBehaviour = (e: MouseEvent) =>
  e.defaultPrevented || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey;

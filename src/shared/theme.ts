/**
 * The themes a checkout takes, as plain data (the snippet, the element, the
 * page and the server all read it): `auto`, or none, follows the customer's
 * system; `light` and `dark` are fixed.
 */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
export type FixedTheme = Exclude<Theme, 'auto'>;

/** Whether `theme` is one a checkout takes. */
export const isTheme = (theme: unknown): theme is Theme => (THEMES as readonly unknown[]).includes(theme);

/** Whether `theme` fixes the colour scheme rather than following the system. */
export const isFixedTheme = (theme: unknown): theme is FixedTheme => theme === 'light' || theme === 'dark';

/**
 * The locales the checkout speaks, each named in its own language (the
 * switcher lists them so). Plain data: the page, the server and the tests
 * share it.
 */
export const LOCALE_NAMES = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  nl: 'Nederlands',
  'pt-BR': 'Português (Brasil)',
  pl: 'Polski',
  sv: 'Svenska',
  ja: '日本語',
  'zh-CN': '简体中文',
  ar: 'العربية',
} as const;

export type Locale = keyof typeof LOCALE_NAMES;

export const LOCALES = Object.keys(LOCALE_NAMES) as Locale[];

export const DEFAULT_LOCALE: Locale = 'en';

/** Written right to left. */
export const isRtl = (locale: string) => locale === 'ar';

/** The cookie the page's switcher sets, read by the server when nothing stronger names a locale. */
export const LOCALE_COOKIE = 'checkout_locale';

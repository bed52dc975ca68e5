import { LOCALE_COOKIE, type Locale } from '../i18n/locales.ts';
import { useMoneyFormats } from './money.ts';
import type { PageData } from './page-data.ts';
import { useStrings } from './strings.ts';

/**
 * The switcher's choice, taken in place: the page's words and money
 * formats for `locale` from the server, the document's language and
 * direction, the choice kept in a cookie (the server reads it on the next
 * page) and in the address, which would otherwise name the old `locale`.
 */
export async function switchLanguage(secret: string, locale: Locale): Promise<boolean> {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Safari and Firefox.
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; SameSite=Lax`;
  const url = new URL(location.href);
  url.searchParams.set('locale', locale);
  history.replaceState(history.state, '', url);
  const res = await fetch(`/checkout/${encodeURIComponent(secret)}/strings?locale=${encodeURIComponent(locale)}`, {
    credentials: 'same-origin',
  }).catch(() => null);
  if (!res?.ok) return false;
  const data = (await res.json()) as Required<Pick<PageData, 'strings' | 'money_formats'>> & { locale: Locale };
  useStrings(data.strings);
  useMoneyFormats(data.money_formats);
  const root = document.documentElement;
  root.lang = data.locale;
  if (data.locale === 'ar') root.dir = 'rtl';
  else root.removeAttribute('dir');
  return true;
}

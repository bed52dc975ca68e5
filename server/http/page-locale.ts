import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { LOCALE_COOKIE } from '../../src/i18n/locales.ts';
import { customerLocale } from '../core/locale-negotiation.ts';

/**
 * What a page request says of the customer's language: the `locale` the
 * link passed on, the switcher's cookie, then `Accept-Language`; null when
 * none names a locale we speak (the organization's default comes next).
 */
export const requestLocale = (c: Context) =>
  customerLocale({
    prefill: c.req.query('locale'),
    cookie: getCookie(c, LOCALE_COOKIE),
    acceptLanguage: c.req.header('accept-language'),
  });

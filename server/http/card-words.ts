import { catalogFor } from '../../src/i18n/catalogs/index.ts';
import { isRtl, type Locale } from '../../src/i18n/locales.ts';
import type { CardWords } from '../../src/shared/schemas/index.ts';
import { DomainError, LinkUnavailableError } from '../core/errors.ts';
import { negotiateLocale } from '../core/locale-negotiation.ts';
import { type ProblemCode, problemWords } from './problem-page.ts';

const PROBLEMS = new Set<string>(['link_not_found', 'link_unavailable', 'rate_limited']);

/**
 * The overlay card's words in `locale`, sent with each answer of the widget
 * endpoint. `error`: the failure being answered, which `failed` names as the
 * link's problem page would (the merchant's own inactive message included),
 * and a server fault as one. Without one, `failed` is what the card says
 * should the session's page refuse the frame.
 */
export function cardWords(locale: Locale, error?: Error): CardWords {
  const t = catalogFor(locale);
  let failed = t.cardNotShown;
  if (error instanceof DomainError && PROBLEMS.has(error.code)) {
    const unavailable = error instanceof LinkUnavailableError ? error : null;
    const words = problemWords(error.code as ProblemCode, locale, {
      reason: unavailable?.reason,
      message: unavailable?.sentence,
    });
    failed = words.merchantWords ?? words.title;
  } else if (error) failed = ((error as { status?: number }).status ?? 500) < 500 ? t.cardNotShown : t.cardServerFault;
  return {
    lang: locale,
    dir: isRtl(locale) ? 'rtl' : 'ltr',
    retry: t.cardRetry,
    slow: t.cardStillLoading,
    open: t.cardOpenPage,
    unreachable: t.cardUnreachable,
    close: t.cardClose,
    failed,
  };
}

/**
 * The language of a widget endpoint's answer, as the session's page would
 * negotiate it: the `locale` prefill, the browser's `Accept-Language` (a
 * cross-origin request carries no switcher cookie), the organization's default.
 */
export const widgetLocale = (
  prefill: unknown,
  acceptLanguage: string | null | undefined,
  organizationDefault?: string | null,
): Locale =>
  negotiateLocale({ prefill: typeof prefill === 'string' ? prefill : null, acceptLanguage, organizationDefault });

/**
 * The card's words for a failed widget request, in the language its body
 * asked for (when it was read) or its `Accept-Language`: what both the route
 * and the fast path add to the error's JSON body.
 */
export const widgetErrorCard = (error: Error, body: unknown, acceptLanguage: string | undefined) =>
  cardWords(widgetLocale((body as { locale?: unknown } | undefined)?.locale, acceptLanguage), error);

import { type Prefill, prefillFromQuery } from './build-prefill.ts';
import type { CheckoutLinkErrorCode, CheckoutLinkErrorDetail } from './events.ts';
import { warnOnce } from './warn.ts';

/** Throws a failure the widget turns into `checkout-link:error` plus the fallback (a plain object: fewer bytes than a class). */
export function fail(code: CheckoutLinkErrorCode, message: string): never {
  throw { code, message } satisfies CheckoutLinkErrorDetail;
}

/** The error detail of anything thrown while opening a checkout. */
export const toErrorDetail = (thrown: unknown): CheckoutLinkErrorDetail =>
  (thrown as CheckoutLinkErrorDetail)?.code
    ? (thrown as CheckoutLinkErrorDetail)
    : { code: 'server', message: String((thrown as Error)?.message ?? thrown) };

const STATUS_CODES: Record<number, CheckoutLinkErrorCode> = {
  404: 'link_not_found',
  410: 'session_expired',
  429: 'rate_limited',
};

/**
 * Creates a session from the link's JSON endpoint (`…/redirect` → `…/sessions`)
 * and returns the page URL to frame, with `embed=1&embed_origin` (and theme).
 * The link URL's own query joins the prefill (weakest), as on the no-JS path.
 * Throws (see `fail`) on anything short of a frameable session.
 */
export async function createEmbeddedSession(linkUrl: string, prefill: Prefill): Promise<URL> {
  const link = new URL(linkUrl, document.baseURI);
  const endpoint = new URL(link.pathname.replace(/\/redirect\/?$/, '/sessions'), link);
  const body = { ...prefillFromQuery(link.search), ...prefill, embed_origin: location.origin };
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    fail('network', `Could not reach ${link.origin} to open the checkout.`);
  }
  if (!response.ok)
    fail(
      STATUS_CODES[response.status] ?? 'server',
      `The checkout server answered ${response.status} to ${endpoint.pathname}.`,
    );
  const session = (await response.json().catch(() => null)) as {
    url?: unknown;
    dropped?: { field: string }[];
  } | null;
  if (typeof session?.url !== 'string') fail('server', 'The checkout server answered without a session URL.');
  if (session.dropped?.some((d) => d.field === 'embed_origin')) {
    warnOnce(
      'EMBED_ORIGIN',
      `${location.origin} is not in the organization's embed_origins, so the checkout cannot open in an overlay here. Add it in the dashboard (Settings → embed origins).`,
    );
    fail('frame_refused', `The checkout may not be framed by ${location.origin}.`);
  }
  const page = new URL(session.url, link);
  page.searchParams.set('embed', '1');
  page.searchParams.set('embed_origin', location.origin);
  if (prefill.theme) page.searchParams.set('theme', String(prefill.theme));
  return page;
}

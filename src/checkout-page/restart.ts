import type { CheckoutPublic, SessionCreated } from '../shared/schemas/checkout.ts';
import { isFixedTheme } from '../shared/theme.ts';
import { lang, t } from './strings.ts';

/**
 * What a fresh session starts from when the customer starts again: the
 * product, email, name and custom field answers as the page last held them
 * (typed, not only what the link prefilled). Never the card number.
 */
export interface RestartDraft {
  productId: string;
  email: string;
  name: string;
  /** Answers as the API takes them; null (unanswered) is left out. */
  fields: Record<string, string | number | boolean | null>;
}

/** The draft as a prefill object: only what the customer has filled in. */
function prefillOf(d: RestartDraft) {
  const fields = Object.entries(d.fields).filter(([, v]) => v !== null && v !== '') as [
    string,
    string | number | boolean,
  ][];
  return {
    product_id: d.productId,
    ...(d.email.trim() ? { customer_email: d.email.trim() } : {}),
    ...(d.name.trim() ? { customer_name: d.name.trim() } : {}),
    ...(fields.length ? { custom_field_data: Object.fromEntries(fields) } : {}),
  };
}

/**
 * Where "Start again" goes on a full page: the checkout link's own URL,
 * which creates a fresh session (keeping the theme and the language the
 * customer saw) with the draft as its prefill.
 */
export function restartUrl(c: CheckoutPublic, draft: RestartDraft, theme: string | undefined): string | null {
  if (!c.link_url) return null;
  const url = new URL(c.link_url);
  if (isFixedTheme(theme)) url.searchParams.set('theme', theme);
  url.searchParams.set('locale', lang());
  const { custom_field_data, ...simple } = prefillOf(draft);
  for (const [k, v] of Object.entries(simple)) url.searchParams.set(k, v);
  for (const [slug, v] of Object.entries(custom_field_data ?? {}))
    url.searchParams.set(`custom_field_data.${slug}`, String(v));
  return url.toString();
}

/**
 * Framed, the link's redirect would land on a page that is not allowed in
 * the frame (the redirect does not carry `embed_origin` to the page), so the
 * fresh session is made through the JSON endpoint, as the widget does, and
 * the frame moves to the `embed_url` it answers. Same origin as this page:
 * the path alone keeps it within `connect-src 'self'`.
 */
export async function startAgainEmbedded(
  c: CheckoutPublic,
  draft: RestartDraft,
  embedOrigin: string,
  theme: string | undefined,
): Promise<string | { message: string }> {
  const failed = { message: t('restartFailed') };
  if (!c.link_url) return failed;
  const sessions = new URL(c.link_url).pathname.replace(/\/redirect$/, '/sessions');
  // Inline stays inline (no modal card) in the fresh session too.
  const mode = new URLSearchParams(window.location.search).get('embed_mode');
  try {
    const res = await fetch(sessions, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        embed_origin: embedOrigin,
        ...prefillOf(draft),
        ...(isFixedTheme(theme) ? { theme } : {}),
        locale: lang(),
        ...(mode ? { embed_mode: mode } : {}),
      }),
    });
    if (!res.ok) return failed;
    const created = (await res.json()) as SessionCreated;
    if (!created.embed_url) return failed;
    const page = new URL(created.embed_url, window.location.href);
    return page.pathname + page.search;
  } catch {
    return failed;
  }
}

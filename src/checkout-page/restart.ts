import type { CheckoutPublic, SessionCreated } from '../shared/schemas/checkout.ts';

/**
 * Where "Start again" goes on a full page: the checkout link's own URL,
 * which creates a fresh session (keeping the theme the customer saw).
 */
export function restartUrl(c: CheckoutPublic, theme: string | undefined): string | null {
  if (!c.link_url) return null;
  const url = new URL(c.link_url);
  if (theme === 'light' || theme === 'dark') url.searchParams.set('theme', theme);
  url.searchParams.set('product_id', c.product_id);
  if (c.customer_email) url.searchParams.set('customer_email', c.customer_email);
  return url.toString();
}

/**
 * Framed, the link's redirect would land on a page that is not allowed in
 * the frame (the redirect does not carry `embed_origin` to the page), so the
 * fresh session is made through the JSON endpoint, as the widget does, and
 * the frame moves to it in embedded mode. Same origin as this page: the
 * path alone keeps it within `connect-src 'self'`.
 */
export async function startAgainEmbedded(
  c: CheckoutPublic,
  embedOrigin: string,
  theme: string | undefined,
): Promise<string | { message: string }> {
  const failed = { message: 'A new checkout could not be started. Close this window and try again.' };
  if (!c.link_url) return failed;
  const sessions = new URL(c.link_url).pathname.replace(/\/redirect$/, '/sessions');
  try {
    const res = await fetch(sessions, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        embed_origin: embedOrigin,
        product_id: c.product_id,
        ...(c.customer_email ? { customer_email: c.customer_email } : {}),
        ...(c.customer_name ? { customer_name: c.customer_name } : {}),
      }),
    });
    if (!res.ok) return failed;
    const created = (await res.json()) as SessionCreated;
    const page = new URL(created.url, window.location.href);
    page.searchParams.set('embed', '1');
    page.searchParams.set('embed_origin', embedOrigin);
    if (theme === 'light' || theme === 'dark') page.searchParams.set('theme', theme);
    // Inline stays inline (no modal card) in the fresh session too.
    const mode = new URLSearchParams(window.location.search).get('embed_mode');
    if (mode) page.searchParams.set('embed_mode', mode);
    return page.pathname + page.search;
  } catch {
    return failed;
  }
}

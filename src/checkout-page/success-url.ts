/**
 * The merchant's success URL with `{CHECKOUT_ID}` filled in. Only http(s)
 * URLs come back: the server checks them when the link is saved, and this
 * keeps a `javascript:` URL from ever reaching `location`.
 */
export function successUrlFor(template: string | null, checkoutId: string): string | null {
  if (!template) return null;
  const filled = template.replaceAll('{CHECKOUT_ID}', encodeURIComponent(checkoutId));
  try {
    const url = new URL(filled);
    return url.protocol === 'https:' || url.protocol === 'http:' ? filled : null;
  } catch {
    return null;
  }
}

import type { Context } from 'hono';

/**
 * Framing policy: the hosted checkout may be framed only by an origin the
 * organization listed in `embed_origins`, and only when that origin asked for
 * the embedded mode; every other page refuses any frame.
 */
export function frameAncestors(embedOrigin: string | null): string {
  return embedOrigin ? `frame-ancestors ${embedOrigin}` : "frame-ancestors 'none'";
}

/** CSP for pages that run only our own scripts and styles. */
export function pageCsp(embedOrigin: string | null, connectSrc = "'self'"): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Lit and inline style attributes need inline styles; no inline script is allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${connectSrc}`,
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    frameAncestors(embedOrigin),
  ].join('; ');
}

export const COMMON_SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** The headers every HTML page of ours sends: the common ones and the page CSP (framing included). */
export function setPageSecurityHeaders(c: Context, embedOrigin: string | null = null): void {
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) c.header(name, value);
  c.header('Content-Security-Policy', pageCsp(embedOrigin));
}

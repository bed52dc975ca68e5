/**
 * The access token lives in `sessionStorage`: it survives a reload of this tab
 * but not the tab itself, and never appears in a URL, a cookie or a log.
 */
const KEY = 'checkout-link.dashboard.token';

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveToken(token: string) {
  sessionStorage.setItem(KEY, token);
}

export function clearToken() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

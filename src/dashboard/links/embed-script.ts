/**
 * Loads the real `/embed.js` into the dashboard once, from the dashboard's
 * own origin (the page CSP allows same-origin scripts only), so the live
 * preview button behaves exactly as on a merchant's page.
 */
let loading: Promise<boolean> | null = null;

export function loadEmbedScript(): Promise<boolean> {
  loading ??= new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = '/embed.js';
    script.defer = true;
    script.onload = () => resolve(true);
    script.onerror = () => {
      loading = null;
      resolve(false);
    };
    document.head.append(script);
  });
  return loading;
}

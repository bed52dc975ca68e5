/**
 * Every page navigation the widget makes (fallback to the link URL, redirect
 * to the success URL) goes through `navigate`, so tests and hosts can observe
 * or replace it without touching `location`.
 */
export let navigate = (url: string): void => {
  location.assign(url);
};

/** Replaces `navigate` (tests, or a host that routes itself); returns a function restoring the previous one. */
export function setNavigate(fn: (url: string) => void): () => void {
  const previous = navigate;
  navigate = fn;
  return () => {
    navigate = previous;
  };
}

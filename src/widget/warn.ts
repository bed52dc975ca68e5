const warned = new Set<string>();

/**
 * Developer warning in the house template, once per code:
 * `[checkout-link] CODE: what happened. What to do.`
 */
export function warnOnce(code: string, message: string): void {
  if (warned.has(code)) return;
  warned.add(code);
  console.warn(`[checkout-link] ${code}: ${message}`);
}

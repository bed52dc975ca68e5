import type { Discount } from '../../shared/schemas/discount.ts';
import type { Product, ProductPrice } from '../../shared/schemas/product.ts';

/** Digits after the decimal point for a currency (2 for USD, 0 for JPY). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** Integer minor units as money: `2900, 'usd'` → `$29.00`. */
export function formatMoney(minor: number, currency: string): string {
  const code = currency.toUpperCase();
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: code }).format(
      minor / 10 ** currencyDigits(code),
    );
  } catch {
    return `${minor} ${code}`;
  }
}

/** Major units typed by a person (`"29"`, `"29.5"`) to minor units, or null when not a number. */
export function toMinor(input: string, currency: string): number | null {
  const text = input.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Math.round(Number(text) * 10 ** currencyDigits(currency));
}

/** Minor units back to what the amount inputs show. */
export function toMajorInput(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '';
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

export function describePrice(price: ProductPrice | undefined, interval: Product['recurring_interval'] = null): string {
  if (!price) return 'No price';
  const per = interval ? ` / ${interval}` : '';
  if (price.amount_type === 'free') return 'Free';
  if (price.amount_type === 'fixed') return formatMoney(price.price_amount, price.price_currency) + per;
  const min = formatMoney(price.minimum_amount, price.price_currency);
  const max = price.maximum_amount === null ? null : formatMoney(price.maximum_amount, price.price_currency);
  return `Pay what you want, ${max ? `${min} to ${max}` : `from ${min}`}${per}`;
}

export function describeBilling(product: Product): string {
  return product.recurring_interval ? `Every ${product.recurring_interval}` : 'One-time';
}

export function describeDiscount(d: Discount): string {
  const value = d.type === 'percentage' ? `${d.basis_points / 100} %` : formatMoney(d.amount, d.currency);
  const duration =
    d.duration === 'once' ? 'once' : d.duration === 'forever' ? 'forever' : `for ${d.duration_in_months} months`;
  return `${value} off, ${duration}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** "in 23 h", "3 min ago": how far an instant is from now. */
export function relativeTime(iso: string, now = Date.now()): string {
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
  if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), 'hour');
  return rtf.format(Math.round(diff / 86_400_000), 'day');
}

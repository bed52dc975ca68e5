import type { Product, ProductPrice } from '../shared/schemas/product.ts';
import { formatWith, type MoneyFormat } from './money-format.ts';
import { lang as locale, t } from './strings.ts';

/** One currency's formatting, from the server's description or from `Intl`. */
interface Money {
  digits: number;
  symbol: string;
  format(minor: number): string;
}

const monies = new Map<string, Money>();

/**
 * Takes the formats the server inlined with the session (`money_formats`,
 * see money-format.ts), so formatting those currencies never creates an
 * `Intl` object; any other currency still formats, through `Intl`.
 */
export function useMoneyFormats(formats: Record<string, MoneyFormat> | undefined): void {
  // Another locale (the switcher): every currency reads anew.
  monies.clear();
  for (const [code, m] of Object.entries(formats ?? {}))
    monies.set(code.toUpperCase(), { digits: m.digits, symbol: m.symbol, format: (minor) => formatWith(m, minor) });
}

function money(currency: string): Money {
  const code = currency.toUpperCase();
  let m = monies.get(code);
  if (!m) {
    const f = new Intl.NumberFormat(locale(), { style: 'currency', currency: code });
    const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
    m = {
      digits,
      symbol: f.formatToParts(0).find((part) => part.type === 'currency')?.value ?? '',
      format: (minor) => f.format(minor / 10 ** digits),
    };
    monies.set(code, m);
  }
  return m;
}

/** Digits after the decimal point for a currency: 2 for USD, 0 for JPY, 3 for KWD. */
export const fractionDigits = (currency: string) => money(currency).digits;

/** The currency's symbol alone ("$"), for an input's affix. */
export const currencySymbol = (currency: string) => money(currency).symbol;

/** Minor units (cents) as money in the session's currency: 2900 usd → "$29.00". */
export const formatMoney = (minor: number, currency: string) => money(currency).format(minor);

/** Minor units as a plain decimal for an input: 1000 usd → "10.00". */
export const toDecimalInput = (minor: number, currency: string) => {
  const digits = fractionDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
};

/**
 * A typed amount as minor units, or null when it is not a plain amount.
 * Accepts "12", "12.5", "12,50" and a leading currency symbol; never guesses
 * thousands separators (a typo must not become a hundredfold charge).
 */
export function parseDecimalInput(text: string, currency: string): number | null {
  const digits = fractionDigits(currency);
  const cleaned = text.trim().replace(/^[^\d]+/, '');
  const match = /^(\d{1,9})(?:[.,](\d*))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

const PER = { day: 'perDay', week: 'perWeek', month: 'perMonth', year: 'perYear' } as const;

/** " / month" after a recurring price, or nothing. */
export const intervalSuffix = (product: Pick<Product, 'recurring_interval'>) =>
  product.recurring_interval ? ` ${t(PER[product.recurring_interval])}` : '';

/** How a product's price reads in the picker: "$9.00 / month", "From $5.00", "Free". */
export function priceLabel(product: Product, price: ProductPrice | undefined): string {
  if (!price || price.amount_type === 'free') return t('free');
  if (price.amount_type === 'fixed')
    return formatMoney(price.price_amount, price.price_currency) + intervalSuffix(product);
  return t('fromPrice', { price: formatMoney(price.minimum_amount, price.price_currency) + intervalSuffix(product) });
}

/** The price a product charges: the one price that is not archived. */
export const currentPrice = (product: Product): ProductPrice | undefined =>
  product.prices.find((p) => !p.is_archived) ?? product.prices[0];

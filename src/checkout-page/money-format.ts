/**
 * How amounts in one currency read in one locale, as plain data. The server
 * derives it with Node's ICU (`describeMoney`) and inlines it with the
 * session, so the page formats money without `Intl.NumberFormat`: the first
 * `Intl` object a renderer process creates costs 15 to 70 ms (ICU data
 * loading, measured in headless Chromium here), which sat on the path from a
 * click to the checkout being usable.
 */
export interface MoneyFormat {
  /** Digits after the decimal point: 2 for USD, 0 for JPY, 3 for KWD. */
  digits: number;
  /** Everything before the digits ("$", "CHF "). */
  prefix: string;
  /** Everything after the digits ("" in English, " €" in French). */
  suffix: string;
  /** Thousands separator, by groups of three. */
  group: string;
  /** Decimal separator. */
  decimal: string;
  /** The currency's symbol alone, for an input's affix. */
  symbol: string;
}

/** Minor units (cents) as money: 2900 with USD in English → "$29.00". */
export function formatWith(m: MoneyFormat, minor: number): string {
  const [int = '', fraction] = (Math.abs(minor) / 10 ** m.digits).toFixed(m.digits).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, m.group);
  return `${minor < 0 ? '-' : ''}${m.prefix}${grouped}${fraction ? m.decimal + fraction : ''}${m.suffix}`;
}

/** Amounts (in minor units) checked against ICU before a description is trusted. */
const SAMPLES = [0, 5, 99, 2_900, 100_000, 123_456_789, -500];

/**
 * Reads a currency's format off ICU (`formatToParts` of a large amount), or
 * null when the description would not reproduce ICU's output for every
 * sample (a locale grouping otherwise than by threes, say): the page then
 * formats with `Intl` itself.
 */
export function describeMoney(currency: string, locale: string): MoneyFormat | null {
  const f = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  const parts = f.formatToParts(1_234_567 + (digits ? 0.5 : 0));
  const first = parts.findIndex((p) => p.type === 'integer');
  const last = parts.findLastIndex((p) => p.type === 'integer' || p.type === 'fraction');
  const text = (from: number, to?: number) =>
    parts
      .slice(from, to)
      .map((p) => p.value)
      .join('');
  const m: MoneyFormat = {
    digits,
    prefix: text(0, first),
    suffix: text(last + 1),
    group: parts.find((p) => p.type === 'group')?.value ?? '',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    symbol: parts.find((p) => p.type === 'currency')?.value ?? '',
  };
  return SAMPLES.every((minor) => formatWith(m, minor) === f.format(minor / 10 ** digits)) ? m : null;
}

/** One measured figure, beside its reference and budget when it has them. */
export interface Row {
  section: string;
  what: string;
  value: string;
  reference?: string;
  ratio?: string;
  budget?: string;
  /** undefined: informative only. */
  pass?: boolean;
}

export const fmtBytes = (n: number) => `${n.toLocaleString('en-US')} B`;
export const fmtMs = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
export const fmtRps = (n: number) => `${Math.round(n).toLocaleString('en-US')} req/s`;
export const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} %`;
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  if (s.length === 0) return Number.NaN;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Values as the storage rows hold them: ISO text times, JSON text, 0/1 booleans. */
export const iso = (d: Date) => d.toISOString();
export const json = (v: unknown) => JSON.stringify(v);
export const parseJson = <T>(s: string | null | undefined, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);
export const bool = (v: unknown) => v === 1 || v === true || v === '1';

/** Page/limit over a count, Polar's pagination shape. */
export function paginate<T>(items: T[], total: number, limit: number) {
  return { items, pagination: { total_count: total, max_page: Math.max(1, Math.ceil(total / limit)) } };
}

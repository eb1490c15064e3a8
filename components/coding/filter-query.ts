// Client-safe: the inbox filters as a query string, carried from the inbox to an item and back so
// j/k walk the same filtered order.

export const FILTER_KEYS = ["program", "from", "to", "segment", "language", "tag", "sentiment", "uncoded", "source", "q"] as const;
export type FilterValues = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export function filterQuery(filters: FilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

// The screener's filters as URL search parameters: what the address holds is exactly what the API
// is asked, so a link reproduces the view.

export const SIGNAL_FILTERS = [
  "rsi_signal",
  "macd_signal",
  "bbands_signal",
  "stoch_signal",
  "ma_cross_signal",
  "obv_signal",
] as const;
export const NUMBER_FILTERS = ["rsi_gt", "rsi_lt", "score_gte", "score_lte"] as const;
export const BOOLEAN_FILTERS = ["above_sma50", "above_sma200", "synthetic"] as const;
export const LIST_FILTERS = ["market", "category", "signal"] as const;
export const SORTS = ["score", "rsi", "change", "symbol", "name", "as_of"] as const;
export type SortKey = (typeof SORTS)[number];
export const DEFAULT_SORT = "-score";

/** Every parameter the page sends, in a stable order. */
export const ALL_PARAMS = [
  ...LIST_FILTERS,
  ...NUMBER_FILTERS,
  "macd",
  ...BOOLEAN_FILTERS,
  ...SIGNAL_FILTERS,
  "sort",
  "page",
  "page_size",
] as const;

/** The API query from the address: only known, non-empty parameters. */
export function queryFromSearch(search: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of ALL_PARAMS) {
    const value = search.get(name);
    if (value !== null && value !== "") query[name] = value;
  }
  return query;
}

/**
 * The address after changing one filter: an empty value removes it, and any filter change goes
 * back to the first page (the old page may not exist any more).
 */
export function withParam(search: URLSearchParams, name: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(search);
  if (value === null || value === "") next.delete(name);
  else next.set(name, value);
  if (name !== "page") next.delete("page");
  return next;
}

/** The next sort when a column header is clicked: descending first, then ascending. */
export function nextSort(current: string | null, column: SortKey): string {
  const active = current ?? DEFAULT_SORT;
  if (active === `-${column}`) return column;
  return `-${column}`;
}

/** A comma-separated list parameter with `item` toggled. */
export function toggleInList(value: string | null, item: string): string {
  const items = new Set((value ?? "").split(",").filter(Boolean));
  if (items.has(item)) items.delete(item);
  else items.add(item);
  return [...items].join(",");
}

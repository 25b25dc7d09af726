// Symbol search as a query: by symbol and English or Korean name, local assets first.
import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";

export const SEARCH_DEBOUNCE_MS = 300;

export function searchQueryOptions(keywords: string) {
  return {
    queryKey: ["symbol-search", keywords] as const,
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/stocks/api/search/symbols/", {
          params: { query: { keywords, limit: 10 } },
        }),
      ),
    staleTime: 5 * 60_000,
  };
}

export function useSymbolSearch(keywords: string) {
  return useQuery({
    ...searchQueryOptions(keywords),
    enabled: keywords.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

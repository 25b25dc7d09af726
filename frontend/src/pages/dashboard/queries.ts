// The dashboard's server state.
import { useQueries, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";

export const MARKET_SYMBOLS = ["KS11", "KQ11", "US500", "USD-KRW", "BTC-KRW", "GC=F"] as const;

export function useMarketStrip() {
  return useQueries({
    queries: MARKET_SYMBOLS.map((symbol) => ({
      queryKey: ["chart", symbol, "1m", "daily"],
      queryFn: () =>
        unwrap(
          api.GET("/api/v1/stocks/api/chart/{symbol}/", {
            params: { path: { symbol }, query: { period: "1m", type: "daily" } },
          }),
        ),
      staleTime: 60_000,
    })),
  });
}

export function usePopular() {
  return useQuery({
    queryKey: ["popular"],
    queryFn: () => unwrap(api.GET("/api/v1/stocks/api/search/popular/", { params: { query: { limit: 8 } } })),
    staleTime: 5 * 60_000,
  });
}

/** Every screened asset (up to 200): highlights, freshness and the signals on holdings. */
export function useScreenerAll() {
  return useQuery({
    queryKey: ["screener", "dashboard"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/analysis/screener/", { params: { query: { page_size: 200, sort: "-score" } } })),
    staleTime: 5 * 60_000,
  });
}

export function usePortfolioValuations(enabled: boolean) {
  const portfolios = useQuery({
    queryKey: ["portfolios"],
    queryFn: () => unwrap(api.GET("/api/v1/users/portfolios/")),
    enabled,
  });
  const valuations = useQueries({
    queries: (portfolios.data?.results ?? []).map((portfolio) => ({
      queryKey: ["valuation", portfolio.id],
      queryFn: () =>
        unwrap(
          api.GET("/api/v1/users/portfolios/{id}/valuation/", { params: { path: { id: String(portfolio.id) } } }),
        ),
      enabled,
    })),
  });
  return { portfolios, valuations };
}

export function useWatchlists(enabled: boolean) {
  return useQuery({
    queryKey: ["watchlists"],
    queryFn: () => unwrap(api.GET("/api/v1/users/watchlists/")),
    enabled,
  });
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: ["notifications", "list"],
    queryFn: () => unwrap(api.GET("/api/v1/users/notifications/", { params: { query: { page_size: 5 } } })),
    enabled,
  });
}

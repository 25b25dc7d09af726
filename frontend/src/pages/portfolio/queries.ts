// Server state of portfolios: query keys, reads and the mutations that refresh them.
import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";

/** Everything about one portfolio starts with this key, so one invalidation refreshes it all. */
export const portfolioKey = (id: number) => ["portfolio", id] as const;
/** Every portfolio list (this page's and the dashboard's) starts with this key. */
export const PORTFOLIOS_KEY = ["portfolios"] as const;
/** The API's largest page: a portfolio list or holdings page rarely needs a second one. */
export const MAX_PAGE = 200;

export function usePortfolios(enabled = true) {
  return useQuery({
    queryKey: [...PORTFOLIOS_KEY, "all"],
    queryFn: () => unwrap(api.GET("/api/v1/users/portfolios/", { params: { query: { page_size: MAX_PAGE } } })),
    enabled,
  });
}

export function usePortfolio(id: number) {
  return useQuery({
    queryKey: [...portfolioKey(id), "detail"],
    queryFn: () => unwrap(api.GET("/api/v1/users/portfolios/{id}/", { params: { path: { id: String(id) } } })),
  });
}

export function useValuation(id: number) {
  return useQuery({
    queryKey: [...portfolioKey(id), "valuation"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/users/portfolios/{id}/valuation/", { params: { path: { id: String(id) } } })),
  });
}

export function useHoldings(id: number) {
  return useQuery({
    queryKey: [...portfolioKey(id), "holdings"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/users/portfolio/", { params: { query: { portfolio: id, page_size: MAX_PAGE } } })),
  });
}

export function useAllocation(id: number) {
  return useQuery({
    queryKey: [...portfolioKey(id), "allocation"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/users/portfolios/{id}/allocation/", { params: { path: { id: String(id) } } })),
  });
}

export function useHistory(id: number) {
  return useQuery({
    queryKey: [...portfolioKey(id), "history"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/users/portfolios/{id}/history/", { params: { path: { id: String(id) } } })),
  });
}

export function useTransactions(id: number, page: number, enabled: boolean) {
  return useQuery({
    queryKey: [...portfolioKey(id), "transactions", page],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/users/transactions/", {
          params: { query: { portfolio: id, page, page_size: 50 } },
        }),
      ),
    enabled,
  });
}

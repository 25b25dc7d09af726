// The stock page's server state: overview, bars and indicator numbers for one symbol.
import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";
import type { Schemas } from "../../api/client";

export type Period = Schemas["ChartPeriodEnum"];
export type BarType = Schemas["TypeEnum"];
export const PERIODS: readonly Period[] = ["1d", "5d", "1m", "3m", "6m", "1y", "2y", "5y", "max"];

export function useOverview(symbol: string) {
  return useQuery({
    queryKey: ["overview", symbol],
    queryFn: () =>
      unwrap(api.GET("/api/v1/stocks/api/overview/{symbol}/", { params: { path: { symbol } } })),
    staleTime: 60_000,
  });
}

export function useChart(symbol: string, period: Period, type: BarType, enabled = true) {
  return useQuery({
    queryKey: ["chart", symbol, period, type],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/stocks/api/chart/{symbol}/", {
          params: { path: { symbol }, query: { period, type } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 60_000,
  });
}

export function useIndicators(symbol: string, period: Period, type: BarType, enabled = true) {
  return useQuery({
    queryKey: ["indicators", symbol, period, type],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/stocks/api/indicators/{symbol}/", {
          params: { path: { symbol }, query: { period, type, sma: "20,50", ema: "20" } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 60_000,
  });
}

export function useSymbolStatus(symbol: string, enabled = true) {
  return useQuery({
    queryKey: ["symbol-status", symbol],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/users/portfolio/symbol/{symbol}/status/", {
          params: { path: { symbol } },
        }),
      ),
    enabled,
  });
}

export function useProvenance(symbol: string) {
  return useQuery({
    queryKey: ["provenance", symbol],
    queryFn: () =>
      unwrap(api.GET("/api/v1/stocks/api/provenance/{symbol}/", { params: { path: { symbol } } })),
  });
}

// A symbol's collection progress, polled from the status endpoint until it is complete.
import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";

export const STATUS_POLL_MS = 2_000;

export function useCollectionStatus(symbol: string | null, { pollMs = STATUS_POLL_MS } = {}) {
  return useQuery({
    queryKey: ["symbol-status", symbol],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/users/portfolio/symbol/{symbol}/status/", {
          params: { path: { symbol: symbol ?? "" } },
        }),
      ),
    enabled: symbol !== null && symbol !== "",
    // Keep asking while collection runs; stop once complete (or when asking fails).
    refetchInterval: (query) => (query.state.data?.is_complete || query.state.error ? false : pollMs),
    staleTime: 0,
  });
}

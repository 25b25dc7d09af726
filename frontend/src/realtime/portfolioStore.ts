// The latest portfolio values pushed on /ws/portfolio/ (type "portfolio_update"), by portfolio id.
import { useSyncExternalStore } from "react";

/** One portfolio's live figures, in its base currency (decimals as strings, like the REST API). */
export interface LivePortfolio {
  id: number;
  name: string;
  base_currency: string;
  market_value?: string | null;
  cost?: string | null;
  day_change?: string | null;
  day_change_pct?: string | null;
  unrealised_pnl?: string | null;
  unrealised_pnl_pct?: string | null;
  realised_pnl?: string | null;
  synthetic?: boolean;
  error?: string;
  /** When the push was made (ISO). */
  timestamp: string;
}

const values = new Map<number, LivePortfolio>();
const listeners = new Set<() => void>();

export function publishPortfolioUpdate(message: Record<string, unknown>): void {
  const timestamp = typeof message.timestamp === "string" ? message.timestamp : new Date().toISOString();
  if (!Array.isArray(message.portfolios)) return;
  for (const entry of message.portfolios as unknown[]) {
    if (typeof entry !== "object" || entry === null) continue;
    const row = entry as Omit<LivePortfolio, "timestamp">;
    if (typeof row.id !== "number") continue;
    values.set(row.id, { ...row, timestamp });
  }
  listeners.forEach((listener) => listener());
}

export function useLivePortfolio(id: number | undefined): LivePortfolio | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => (id === undefined ? undefined : values.get(id)),
  );
}

/** For tests and sign-out: forget every pushed value. */
export function clearLivePortfolios(): void {
  values.clear();
  listeners.forEach((listener) => listener());
}

import { act, renderHook } from "@testing-library/react";

import type { Bar } from "../components/PriceChart/layers";
import { liveBarFrom } from "./liveBar";
import { quoteFromMessage } from "./LiveWiring";
import { clearLivePortfolios, publishPortfolioUpdate, useLivePortfolio } from "./portfolioStore";

const quote = (price: number, timestamp: string) => ({
  symbol: "AAPL",
  price,
  change: null,
  change_percent: null,
  volume: null,
  timestamp,
});

describe("quoteFromMessage", () => {
  it("reads price updates and snapshots with a price, and nothing else", () => {
    const message = { type: "price_update", symbol: "AAPL", price: 201.5, change: 1.5, change_percent: 0.75, volume: 10, timestamp: "2026-03-02T15:00:00Z", source: "synthetic", synthetic: true };
    expect(quoteFromMessage(message)).toMatchObject({ symbol: "AAPL", price: 201.5, change: 1.5, synthetic: true });
    expect(quoteFromMessage({ type: "snapshot", symbol: "AAPL", price: null })).toBeNull();
    expect(quoteFromMessage({ type: "heartbeat" })).toBeNull();
  });
});

describe("liveBarFrom", () => {
  const bars: Bar[] = [{ time: "2026-03-02", open: 10, high: 12, low: 9, close: 11, volume: 100 }];

  it("moves the last bar's close and stretches its range to the live price", () => {
    expect(liveBarFrom(bars, quote(13, "2026-03-02T15:00:00Z"), true)).toEqual({
      time: "2026-03-02", open: 10, high: 13, low: 9, close: 13, volume: 100,
    });
  });

  it("starts a new daily bar on a later day and ignores an older quote", () => {
    expect(liveBarFrom(bars, quote(8, "2026-03-03T15:00:00Z"), true)).toEqual({
      time: "2026-03-03", open: 8, high: 8, low: 8, close: 8, volume: null,
    });
    expect(liveBarFrom(bars, quote(8, "2026-03-01T15:00:00Z"), true)).toBeNull();
    expect(liveBarFrom([], quote(8, "2026-03-03T15:00:00Z"), true)).toBeNull();
  });
});

describe("portfolio store", () => {
  afterEach(() => clearLivePortfolios());

  it("keeps the latest pushed values per portfolio for the pages", () => {
    const { result, unmount } = renderHook(() => useLivePortfolio(7));
    expect(result.current).toBeUndefined();
    act(() =>
      publishPortfolioUpdate({
        type: "portfolio_update",
        timestamp: "2026-03-02T15:00:00Z",
        portfolios: [{ id: 7, name: "Main", base_currency: "KRW", market_value: "1500000" }, { name: "no id" }],
      }),
    );
    expect(result.current).toMatchObject({ id: 7, market_value: "1500000", timestamp: "2026-03-02T15:00:00Z" });
    unmount();
  });
});

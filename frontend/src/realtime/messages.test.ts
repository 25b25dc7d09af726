import { act, renderHook } from "@testing-library/react";

import { quoteFromMessage } from "./LiveWiring";
import { clearLivePortfolios, publishPortfolioUpdate, useLivePortfolio } from "./portfolioStore";


describe("quoteFromMessage", () => {
  it("reads price updates and snapshots with a price, and nothing else", () => {
    const message = { type: "price_update", symbol: "AAPL", price: 201.5, change: 1.5, change_percent: 0.75, volume: 10, timestamp: "2026-03-02T15:00:00Z", source: "synthetic", synthetic: true };
    expect(quoteFromMessage(message)).toMatchObject({ symbol: "AAPL", price: 201.5, change: 1.5, synthetic: true });
    expect(quoteFromMessage({ type: "snapshot", symbol: "AAPL", price: null })).toBeNull();
    expect(quoteFromMessage({ type: "heartbeat" })).toBeNull();
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

// The chart's forming bar from a live quote: the last stored bar moved to the quote's price, or a
// new daily bar when the quote belongs to a later day than the last one.
import { useMemo } from "react";

import type { Bar } from "../components/PriceChart/layers";
import { useLiveQuote } from "../live";
import type { LiveQuote } from "../live";

/** The bar a live quote makes of the last stored one; null without a quote or bars. */
export function liveBarFrom(bars: readonly Bar[], quote: LiveQuote | undefined, daily: boolean): Bar | null {
  const last = bars[bars.length - 1];
  if (quote === undefined || last === undefined) return null;
  const day = quote.timestamp.slice(0, 10);
  // A quote from before the last stored bar (a late snapshot) says nothing about the chart.
  if (day < last.time.slice(0, 10)) return null;
  if (daily && day > last.time.slice(0, 10)) {
    return { time: day, open: quote.price, high: quote.price, low: quote.price, close: quote.price, volume: null };
  }
  return {
    time: last.time,
    open: last.open,
    high: Math.max(last.high, quote.price),
    low: Math.min(last.low, quote.price),
    close: quote.price,
    volume: last.volume,
  };
}

export function useLiveBar(symbol: string, bars: readonly Bar[], daily: boolean): Bar | null {
  const quote = useLiveQuote(symbol);
  return useMemo(() => liveBarFrom(bars, quote, daily), [bars, quote, daily]);
}

// The live (WebSocket) state the header shows and the pages read. The socket code lives elsewhere
// and feeds this store through setLiveStatus / publishQuote / publishBar; components subscribe.
import { useSyncExternalStore } from "react";

export type LiveState = "off" | "connecting" | "open" | "reconnecting";

export interface LiveStatus {
  state: LiveState;
  /** Seconds until the next reconnect attempt while reconnecting. */
  retryInSeconds?: number;
}

/** The realtime price_update message (see DESIGN.md "Realtime messages"). */
export interface LiveQuote {
  symbol: string;
  price: number;
  change: number | null;
  change_percent: number | null;
  volume: number | null;
  timestamp: string;
  source?: string;
  synthetic?: boolean;
}

type Listener = () => void;

let status: LiveStatus = { state: "off" };
const statusListeners = new Set<Listener>();
const quotes = new Map<string, LiveQuote>();
const quoteListeners = new Set<Listener>();

export function setLiveStatus(next: LiveStatus): void {
  status = next;
  statusListeners.forEach((listener) => listener());
}

export function publishQuote(quote: LiveQuote): void {
  quotes.set(quote.symbol.toUpperCase(), quote);
  quoteListeners.forEach((listener) => listener());
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    () => status,
  );
}

/** The latest live quote for a symbol, or undefined until one arrives. */
export function useLiveQuote(symbol: string | undefined): LiveQuote | undefined {
  return useSyncExternalStore(
    (listener) => {
      quoteListeners.add(listener);
      return () => quoteListeners.delete(listener);
    },
    () => (symbol === undefined ? undefined : quotes.get(symbol.toUpperCase())),
  );
}

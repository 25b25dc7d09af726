// Pure shaping of API numbers into chart layers: the chart component only draws what this returns,
// and indicator values always come from the API (never recomputed here).

export interface Bar {
  time: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
}

export interface Point {
  time: string;
  value: number;
}

export interface LineLayer {
  id: string;
  label: string;
  color: string;
  points: Point[];
  /** 0 is the price pane; panes below are numbered in the order given. */
  pane: number;
  kind: "line" | "histogram";
}

export interface EventMarker {
  time: string;
  direction: "buy" | "sell" | "neutral";
  text: string;
}

export type Overlay = "sma" | "ema" | "bbands";
export type Oscillator = "rsi" | "macd" | "stoch";

export const OVERLAY_COLORS: Record<string, string> = {
  sma: "#e68a00",
  sma_20: "#e68a00",
  sma_50: "#16a085",
  sma_200: "#c0392b",
  ema: "#8e44ad",
  bb_upper: "#7f8c8d",
  bb_middle: "#95a5a6",
  bb_lower: "#7f8c8d",
  rsi: "#8e44ad",
  macd: "#1f77b4",
  macd_signal: "#ff7f0e",
  macd_hist: "#9aa4b2",
  stoch_k: "#1f77b4",
  stoch_d: "#ff7f0e",
};

/** The non-null values of one indicator output aligned to its dates. */
export function toPoints(dates: readonly string[], values: readonly (number | null)[] | undefined): Point[] {
  if (values === undefined) return [];
  const points: Point[] = [];
  values.forEach((value, index) => {
    const time = dates[index];
    if (value !== null && time !== undefined && Number.isFinite(value)) points.push({ time, value });
  });
  return points;
}

/**
 * The lines to draw for the chosen overlays and oscillators. Oscillators get their own pane each,
 * below the price pane, in the order rsi, macd, stoch.
 */
export function buildLayers(
  dates: readonly string[],
  indicators: Record<string, (number | null)[]>,
  overlays: readonly Overlay[],
  oscillators: readonly Oscillator[],
): LineLayer[] {
  const layers: LineLayer[] = [];
  const line = (id: string, label: string, pane: number, kind: LineLayer["kind"] = "line") => {
    const points = toPoints(dates, indicators[id]);
    if (points.length > 0) {
      const family = id.startsWith("sma_") ? "sma" : id.startsWith("ema_") ? "ema" : id;
      const color = OVERLAY_COLORS[id] ?? OVERLAY_COLORS[family] ?? "#888";
      layers.push({ id, label, color, points, pane, kind });
    }
  };
  for (const overlay of overlays) {
    const prefix = overlay === "bbands" ? "bb_" : `${overlay}_`;
    for (const key of Object.keys(indicators).filter((k) => k.startsWith(prefix)).sort()) {
      line(key, key.toUpperCase().replace("_", " "), 0);
    }
  }
  let pane = 1;
  for (const oscillator of (["rsi", "macd", "stoch"] as const).filter((o) => oscillators.includes(o))) {
    if (oscillator === "rsi") line("rsi", "RSI", pane);
    if (oscillator === "macd") {
      line("macd_hist", "MACD hist", pane, "histogram");
      line("macd", "MACD", pane);
      line("macd_signal", "Signal", pane);
    }
    if (oscillator === "stoch") {
      line("stoch_k", "%K", pane);
      line("stoch_d", "%D", pane);
    }
    pane += 1;
  }
  return layers;
}

/** Weekly bars are dated by their week; put each event on the bar it falls in. */
export function snapToBars(markers: readonly EventMarker[], bars: readonly Bar[]): EventMarker[] {
  if (bars.length === 0) return [];
  const first = bars[0]!.time;
  const times = bars.map((bar) => bar.time);
  const out: EventMarker[] = [];
  for (const marker of markers) {
    if (marker.time < first) continue;
    let lo = 0;
    let hi = times.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (times[mid]! <= marker.time) lo = mid;
      else hi = mid - 1;
    }
    out.push({ ...marker, time: times[lo]! });
  }
  return out.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

/**
 * The bar a live quote makes: the forming bar of the quote's day (its open and extremes kept from
 * the stored bar of that day), or a new bar after the last. Null for a quote older than the last
 * bar, which series.update() could not draw. Weekly bars take the quote into the last week.
 */
export function liveBar(
  bars: readonly Bar[],
  quote: { price: number; timestamp: string; volume?: number | null },
  weekly = false,
): Bar | null {
  const last = bars[bars.length - 1];
  const day = quote.timestamp.slice(0, 10);
  if (last === undefined) return null;
  if (day < last.time) return null;
  const sameBar = day === last.time || weekly;
  if (!sameBar) {
    return { time: day, open: quote.price, high: quote.price, low: quote.price, close: quote.price, volume: quote.volume ?? null };
  }
  return {
    time: last.time,
    open: last.open,
    high: Math.max(last.high, quote.price),
    low: Math.min(last.low, quote.price),
    close: quote.price,
    volume: weekly ? last.volume : (quote.volume ?? last.volume),
  };
}

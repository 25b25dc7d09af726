import { buildLayers, liveBar, snapToBars, toPoints } from "./layers";
import type { Bar } from "./layers";

const dates = ["2024-01-01", "2024-01-02", "2024-01-03"];
const indicators = {
  sma_20: [null, 10, 11],
  sma_50: [null, null, 12],
  ema_20: [9, 10, 11],
  bb_upper: [1, 2, 3],
  bb_middle: [1, 2, 3],
  bb_lower: [1, 2, 3],
  rsi: [40, 50, 60],
  macd: [1, 2, 3],
  macd_signal: [1, 1, 1],
  macd_hist: [0, 1, 2],
  stoch_k: [10, 20, 30],
  stoch_d: [10, 15, 20],
};

function bar(time: string): Bar {
  return { time, open: 1, high: 2, low: 0.5, close: 1.5, volume: 100 };
}

describe("chart layers", () => {
  it("drops the warm-up nulls of an indicator", () => {
    expect(toPoints(dates, indicators.sma_20)).toEqual([
      { time: "2024-01-02", value: 10 },
      { time: "2024-01-03", value: 11 },
    ]);
  });

  it("puts overlays on the price pane and each oscillator in its own pane below", () => {
    const layers = buildLayers(dates, indicators, ["sma", "bbands"], ["macd", "rsi"]);
    const byId = Object.fromEntries(layers.map((l) => [l.id, l]));
    expect(byId.sma_20?.pane).toBe(0);
    expect(byId.bb_upper?.pane).toBe(0);
    expect(byId.ema_20).toBeUndefined();
    expect(byId.rsi?.pane).toBe(1);
    expect(byId.macd?.pane).toBe(2);
    expect(byId.macd_hist?.kind).toBe("histogram");
    expect(byId.stoch_k).toBeUndefined();
    expect(byId.sma_20?.color).not.toBe(byId.sma_50?.color);
  });

  it("moves events onto the weekly bar they fall in and drops those before the window", () => {
    const weekly = [bar("2024-01-01"), bar("2024-01-08"), bar("2024-01-15")];
    const snapped = snapToBars(
      [
        { time: "2023-12-20", direction: "buy", text: "" },
        { time: "2024-01-10", direction: "sell", text: "x" },
        { time: "2024-01-16", direction: "buy", text: "" },
      ],
      weekly,
    );
    expect(snapped.map((m) => m.time)).toEqual(["2024-01-08", "2024-01-15"]);
  });
});

describe("liveBar", () => {
  const bars = [bar("2024-01-02"), bar("2024-01-03")];

  it("moves the close and extremes of the day's bar", () => {
    expect(liveBar(bars, { price: 3, timestamp: "2024-01-03T15:00:00Z", volume: 500 })).toEqual({
      time: "2024-01-03",
      open: 1,
      high: 3,
      low: 0.5,
      close: 3,
      volume: 500,
    });
  });

  it("starts a new bar on a new day and ignores a quote older than the last bar", () => {
    expect(liveBar(bars, { price: 2, timestamp: "2024-01-04T01:00:00Z" })?.open).toBe(2);
    expect(liveBar(bars, { price: 2, timestamp: "2024-01-02T01:00:00Z" })).toBeNull();
  });
});

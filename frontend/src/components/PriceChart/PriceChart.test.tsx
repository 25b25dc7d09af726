import { render } from "@testing-library/react";

import { PriceChart } from "./PriceChart";
import type { Bar } from "./layers";

const calls = vi.hoisted(() => ({
  created: 0,
  removed: 0,
  setData: [] as unknown[][],
  update: [] as unknown[],
}));

vi.mock("lightweight-charts", () => {
  const series = () => ({
    setData: (data: unknown[]) => calls.setData.push(data),
    update: (bar: unknown) => calls.update.push(bar),
    applyOptions: () => undefined,
    priceScale: () => ({ applyOptions: () => undefined }),
  });
  return {
    CandlestickSeries: "candles",
    HistogramSeries: "histogram",
    LineSeries: "line",
    ColorType: { Solid: "solid" },
    createSeriesMarkers: () => ({ setMarkers: () => undefined }),
    createChart: () => {
      calls.created += 1;
      return {
        addSeries: series,
        removeSeries: () => undefined,
        applyOptions: () => undefined,
        panes: () => [],
        timeScale: () => ({ fitContent: () => undefined }),
        remove: () => {
          calls.removed += 1;
        },
      };
    },
  };
});

const bars: Bar[] = [
  { time: "2024-01-02", open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 },
  { time: "2024-01-03", open: 1.5, high: 2.5, low: 1, close: 2, volume: 12 },
];

beforeEach(() => {
  calls.created = 0;
  calls.removed = 0;
  calls.setData = [];
  calls.update = [];
});

describe("PriceChart", () => {
  it("creates one chart on mount, draws the bars, and removes it on unmount", () => {
    const view = render(<PriceChart bars={bars} label="AAPL price chart" />);
    expect(calls.created).toBe(1);
    expect(calls.setData[0]).toHaveLength(2);
    expect(view.getByRole("img", { name: "AAPL price chart" })).toHaveAttribute("data-bars", "2");
    view.unmount();
    expect(calls.removed).toBe(1);
  });

  it("draws a live bar with update() and leaves the data alone", () => {
    const view = render(<PriceChart bars={bars} label="chart" />);
    const setDataBefore = calls.setData.length;
    const forming = { ...bars[1]!, close: 2.4, high: 2.5 };
    view.rerender(<PriceChart bars={bars} liveBar={forming} label="chart" />);
    expect(calls.setData.length).toBe(setDataBefore);
    expect(calls.update).toContainEqual(expect.objectContaining({ time: "2024-01-03", close: 2.4 }));
    expect(calls.created).toBe(1);
  });
});

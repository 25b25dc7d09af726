// The one component that owns a lightweight-charts chart: created on mount, removed on unmount.
// Bars replace the data only when the window changes; a live bar goes through series.update().
import {
  CandlestickSeries,
  ColorType,
  HistogramSeries,
  LineSeries,
  createChart,
  createSeriesMarkers,
} from "lightweight-charts";
import type {
  IChartApi,
  ISeriesApi,
  ISeriesMarkersPluginApi,
  SeriesType,
  Time,
} from "lightweight-charts";
import { useEffect, useRef } from "react";

import { useTheme } from "../../theme";
import type { Bar, EventMarker, LineLayer } from "./layers";

interface Props {
  bars: readonly Bar[];
  /** Decimals on the price scale: 0 for KRW, 2 otherwise. */
  precision?: number;
  layers?: readonly LineLayer[];
  markers?: readonly EventMarker[];
  /** The newest bar as it forms (live quotes); drawn with series.update. */
  liveBar?: Bar | null;
  height?: number;
  /** Accessible name of the chart canvas region. */
  label: string;
}

const PANE_HEIGHT = 110;

function palette(dark: boolean) {
  return {
    text: dark ? "#c9d1dc" : "#2b3440",
    grid: dark ? "#222a36" : "#eef1f5",
    up: dark ? "#ff6b6b" : "#d32f2f",
    down: dark ? "#5ea8ff" : "#1565c0",
    volumeUp: dark ? "rgba(255,107,107,0.35)" : "rgba(211,47,47,0.28)",
    volumeDown: dark ? "rgba(94,168,255,0.35)" : "rgba(21,101,192,0.28)",
  };
}

// Business-day strings ("2024-03-29") are what the chart expects for daily bars.
const asTime = (time: string): Time => time;

export function PriceChart({ bars, precision = 2, layers = [], markers = [], liveBar, height = 380, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const candles = useRef<ISeriesApi<"Candlestick"> | null>(null);
  const volume = useRef<ISeriesApi<"Histogram"> | null>(null);
  const markerApi = useRef<ISeriesMarkersPluginApi<Time> | null>(null);
  const layerSeries = useRef<ISeriesApi<SeriesType>[]>([]);
  const { theme } = useTheme();
  const colors = palette(theme === "dark");

  // Lifetime: one chart per mounted component.
  useEffect(() => {
    const element = container.current;
    if (element === null) return undefined;
    const chart = createChart(element, {
      autoSize: true,
      layout: { attributionLogo: true, background: { type: ColorType.Solid, color: "transparent" } },
      rightPriceScale: { borderVisible: false },
      // Keep the visible window when the page reflows (a phone rotating, panes opening).
      timeScale: { borderVisible: false, lockVisibleTimeRangeOnResize: true },
    });
    chartRef.current = chart;
    candles.current = chart.addSeries(CandlestickSeries, { priceLineVisible: true });
    candles.current.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.25 } });
    volume.current = chart.addSeries(HistogramSeries, {
      priceFormat: { type: "volume" },
      priceScaleId: "volume",
      lastValueVisible: false,
      priceLineVisible: false,
    });
    volume.current.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    markerApi.current = createSeriesMarkers(candles.current, []);
    return () => {
      chart.remove();
      chartRef.current = null;
      candles.current = null;
      volume.current = null;
      markerApi.current = null;
      layerSeries.current = [];
    };
  }, []);

  useEffect(() => {
    chartRef.current?.applyOptions({
      layout: { textColor: colors.text },
      grid: { vertLines: { color: colors.grid }, horzLines: { color: colors.grid } },
    });
    candles.current?.applyOptions({
      upColor: colors.up,
      downColor: colors.down,
      borderUpColor: colors.up,
      borderDownColor: colors.down,
      wickUpColor: colors.up,
      wickDownColor: colors.down,
    });
  }, [colors.text, colors.grid, colors.up, colors.down]);

  useEffect(() => {
    candles.current?.applyOptions({
      priceFormat: { type: "price", precision, minMove: 1 / 10 ** precision },
    });
  }, [precision]);

  useEffect(() => {
    candles.current?.setData(
      bars.map((bar) => ({ time: asTime(bar.time), open: bar.open, high: bar.high, low: bar.low, close: bar.close })),
    );
    volume.current?.setData(
      bars.map((bar) => ({
        time: asTime(bar.time),
        value: bar.volume ?? 0,
        color: bar.close >= bar.open ? colors.volumeUp : colors.volumeDown,
      })),
    );
    chartRef.current?.timeScale().fitContent();
    // bench/ui.py reads this mark: the first frame after the bars went in is when they show.
    if (bars.length > 0 && typeof performance.mark === "function") {
      const count = bars.length;
      requestAnimationFrame(() => performance.mark("chart-drawn", { detail: { bars: count } }));
    }
  }, [bars, colors.volumeUp, colors.volumeDown]);

  useEffect(() => {
    const chart = chartRef.current;
    if (chart === null) return;
    for (const series of layerSeries.current) chart.removeSeries(series);
    layerSeries.current = layers.map((layer) => {
      const series =
        layer.kind === "histogram"
          ? chart.addSeries(HistogramSeries, { color: layer.color, priceLineVisible: false, lastValueVisible: false, title: "" }, layer.pane)
          : chart.addSeries(
              LineSeries,
              { color: layer.color, lineWidth: 1, priceLineVisible: false, lastValueVisible: false, crosshairMarkerVisible: false },
              layer.pane,
            );
      series.setData(layer.points.map((point) => ({ time: asTime(point.time), value: point.value })));
      return series;
    });
    // Stretch factors rather than pixel heights, so the split survives the container resizing
    // to make room for the panes: the price pane keeps its height, each pane below gets its own.
    chart.panes().forEach((pane, index) => {
      pane.setStretchFactor(index === 0 ? height / PANE_HEIGHT : 1);
    });
  }, [layers, height]);

  useEffect(() => {
    markerApi.current?.setMarkers(
      markers.map((marker) => ({
        time: asTime(marker.time),
        position: marker.direction === "sell" ? "aboveBar" : "belowBar",
        shape: marker.direction === "sell" ? "arrowDown" : marker.direction === "buy" ? "arrowUp" : "circle",
        size: marker.text ? 1 : 0.6,
        color: marker.direction === "sell" ? colors.down : marker.direction === "buy" ? colors.up : "#888",
        text: marker.text,
      })),
    );
  }, [markers, colors.up, colors.down]);

  useEffect(() => {
    if (liveBar == null || candles.current === null) return;
    const last = bars[bars.length - 1];
    // Only the forming bar or a new one; update() refuses bars older than the last.
    if (last !== undefined && liveBar.time < last.time) return;
    candles.current.update({ time: asTime(liveBar.time), open: liveBar.open, high: liveBar.high, low: liveBar.low, close: liveBar.close });
    if (liveBar.volume !== null) volume.current?.update({ time: asTime(liveBar.time), value: liveBar.volume });
  }, [liveBar, bars]);

  const paneCount = 1 + new Set(layers.filter((l) => l.pane > 0).map((l) => l.pane)).size;
  return (
    <div
      ref={container}
      className="price-chart"
      role="img"
      aria-label={label}
      data-bars={bars.length}
      style={{ height: height + (paneCount - 1) * PANE_HEIGHT }}
    />
  );
}

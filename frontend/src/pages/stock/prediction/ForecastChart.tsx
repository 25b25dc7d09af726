// Closing prices and the forecast fan: the centre line and the 80 % and 95 % interval bounds.
import { ColorType, LineSeries, LineStyle, createChart } from "lightweight-charts";
import { useEffect, useRef } from "react";

import { formatNumber } from "../../../format";
import { useLang } from "../../../i18n";
import { useTheme } from "../../../theme";
import type { SeriesPoint } from "./read";

export function ForecastChart({ history, forecast, label, digits }: { history: SeriesPoint[]; forecast: SeriesPoint[]; label: string; digits: number }) {
  const box = useRef<HTMLDivElement>(null);
  const { theme } = useTheme();
  const { locale } = useLang();
  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const dark = theme === "dark";
    const chart = createChart(element, {
      height: 300,
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: "transparent" }, textColor: dark ? "#c9d1dc" : "#2b3440" },
      grid: { vertLines: { visible: false }, horzLines: { color: dark ? "#222a36" : "#eef1f5" } },
      rightPriceScale: { borderVisible: false },
      localization: { locale, priceFormatter: (value: number) => formatNumber(value, locale, digits) },
      timeScale: { borderVisible: false },
    });
    const line = (color: string, style: LineStyle, width: 1 | 2) =>
      chart.addSeries(LineSeries, { color, lineStyle: style, lineWidth: width, priceLineVisible: false, lastValueVisible: false });
    line(dark ? "#e6e9ee" : "#15181d", LineStyle.Solid, 2).setData(history.map((p) => ({ time: p.time, value: p.value })));
    if (forecast.length > 0) {
      const accent = dark ? "#6ea0ff" : "#1f5fd1";
      line(accent, LineStyle.Solid, 2).setData(forecast.map((p) => ({ time: p.time, value: p.value })));
      for (const [key, style] of [
        ["80", LineStyle.Dashed],
        ["95", LineStyle.Dotted],
      ] as const) {
        for (const side of ["lower", "upper"] as const) {
          const name = `${side}_${key}` as const;
          line(accent, style, 1).setData(
            forecast.filter((p) => p[name] !== undefined).map((p) => ({ time: p.time, value: p[name] as number })),
          );
        }
      }
    }
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [history, forecast, theme, locale, digits]);
  return <div ref={box} className="forecast-chart" role="img" aria-label={label} data-testid="forecast-chart" />;
}

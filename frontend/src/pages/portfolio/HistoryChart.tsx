// The portfolio's daily value (area) and cost (line) over time, drawn with lightweight-charts.
import { AreaSeries, ColorType, LineSeries, createChart } from "lightweight-charts";
import { useEffect, useRef } from "react";

import type { Schemas } from "../../api/client";
import { currencyDigits, formatNumber, toNumber } from "../../format";
import { useLang } from "../../i18n";
import { useTheme } from "../../theme";

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export function HistoryChart({ points, label, currency }: { points: Schemas["HistoryPoint"][]; label: string; currency: string }) {
  const box = useRef<HTMLDivElement>(null);
  const { theme } = useTheme();
  const { locale } = useLang();
  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const chart = createChart(element, {
      height: 260,
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: "transparent" },
        textColor: cssVar("--muted", "#5b6472"),
        attributionLogo: true,
      },
      grid: { vertLines: { visible: false }, horzLines: { color: cssVar("--border", "#d7dce3") } },
      rightPriceScale: { borderVisible: false },
      localization: { locale, priceFormatter: (value: number) => formatNumber(value, locale, currencyDigits(currency)) },
      timeScale: { borderVisible: false },
    });
    const accent = cssVar("--accent", "#1f5fd1");
    const value = chart.addSeries(AreaSeries, {
      lineColor: accent,
      topColor: `${accent}55`,
      bottomColor: `${accent}05`,
      lineWidth: 2,
    });
    const cost = chart.addSeries(LineSeries, { color: cssVar("--muted", "#5b6472"), lineWidth: 1, lineStyle: 2 });
    const rows = points.filter((p) => toNumber(p.total_value) !== null);
    value.setData(rows.map((p) => ({ time: p.date, value: toNumber(p.total_value) ?? 0 })));
    cost.setData(
      rows.filter((p) => toNumber(p.total_cost) !== null).map((p) => ({ time: p.date, value: toNumber(p.total_cost) ?? 0 })),
    );
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [points, theme, locale, currency]);
  return <div ref={box} className="history-chart" role="img" aria-label={label} />;
}

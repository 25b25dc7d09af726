// The price chart with its controls: period, daily/weekly, overlays, oscillator panes, and a text
// summary for those who cannot see the canvas.
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";

import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { PriceChart } from "../../components/PriceChart/PriceChart";
import { buildLayers, liveBar, snapToBars } from "../../components/PriceChart/layers";
import type { Bar, EventMarker, Oscillator, Overlay } from "../../components/PriceChart/layers";
import { SyntheticBadge } from "../../components/SyntheticBadge/SyntheticBadge";
import { formatDate, formatPercent, formatPrice } from "../../format";
import { useLang, useText } from "../../i18n";
import { useLiveQuote } from "../../live";
import { PERIODS, useChart, useIndicators } from "./queries";
import type { BarType, Period } from "./queries";
import { stockText } from "./text";

const OVERLAYS: readonly { id: Overlay; label: string }[] = [
  { id: "sma", label: "SMA 20/50" },
  { id: "ema", label: "EMA 20" },
  { id: "bbands", label: "Bollinger" },
];
const OSCILLATORS: readonly { id: Oscillator; label: string }[] = [
  { id: "rsi", label: "RSI" },
  { id: "macd", label: "MACD" },
  { id: "stoch", label: "Stochastic" },
];
// Moving-average crosses are always marked and named; MACD and stochastic crosses are frequent,
// so they show as small arrows only while their pane is open.
const EVENT_TEXT: Partial<Record<string, "markerGoldenCross" | "markerDeathCross">> = {
  golden_cross: "markerGoldenCross",
  death_cross: "markerDeathCross",
};
const EVENT_PANE: Record<string, Oscillator> = { macd: "macd", stoch: "stoch" };

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function ChartPanel({ symbol, name, currency }: { symbol: string; name: string; currency: string }) {
  const t = useText(stockText);
  const { locale } = useLang();
  const [params, setParams] = useSearchParams();
  const period = (PERIODS as readonly string[]).includes(params.get("period") ?? "") ? (params.get("period") as Period) : "1y";
  const type: BarType = params.get("type") === "weekly" ? "weekly" : "daily";
  const [overlays, setOverlays] = useState<Overlay[]>(["sma"]);
  const [oscillators, setOscillators] = useState<Oscillator[]>([]);
  const chart = useChart(symbol, period, type);
  const indicators = useIndicators(symbol, period, type);

  const setParam = (key: string, value: string, fallback: string) => {
    const copy = new URLSearchParams(params);
    if (value === fallback) copy.delete(key);
    else copy.set(key, value);
    setParams(copy, { replace: true });
  };

  const bars: Bar[] = useMemo(() => chart.data?.bars ?? [], [chart.data]);
  const quote = useLiveQuote(symbol);
  const forming = useMemo(
    () => (quote === undefined ? null : liveBar(bars, quote, type === "weekly")),
    [bars, quote, type],
  );
  const layers = useMemo(() => {
    const data = indicators.data;
    // The previous window's numbers (kept while the new ones load) would misalign with the bars.
    if (data === undefined || indicators.isPlaceholderData) return [];
    return buildLayers(data.dates, data.indicators, overlays, oscillators);
  }, [indicators.data, indicators.isPlaceholderData, overlays, oscillators]);
  const markers: EventMarker[] = useMemo(() => {
    const current = indicators.isPlaceholderData ? undefined : indicators.data;
    const events = (current?.events ?? []).filter((event) => {
      const pane = EVENT_PANE[event.signal];
      return pane === undefined || oscillators.includes(pane);
    });
    return snapToBars(
      events.map((event) => {
        const key = EVENT_TEXT[event.kind];
        return { time: event.date, direction: event.direction, text: key === undefined ? "" : t(key) };
      }),
      bars,
    );
  }, [indicators.data, indicators.isPlaceholderData, bars, oscillators, t]);

  const summary = useMemo(() => {
    const first = bars[0];
    const last = bars[bars.length - 1];
    if (first === undefined || last === undefined) return t("chartEmpty");
    const low = Math.min(...bars.map((b) => b.low));
    const high = Math.max(...bars.map((b) => b.high));
    return t("chartSummary", {
      name,
      interval: type === "weekly" ? t("weekly") : t("daily"),
      n: bars.length,
      first: formatDate(first.time, locale),
      last: formatDate(last.time, locale),
      lastClose: formatPrice(last.close, currency, locale),
      change: formatPercent(first.open === 0 ? null : last.close / first.open - 1, locale, { signed: true }),
      low: formatPrice(low, currency, locale),
      high: formatPrice(high, currency, locale),
    });
  }, [bars, t, name, type, locale, currency]);

  return (
    <section className="card chart-card" aria-labelledby="chart-heading">
      <h2 id="chart-heading" className="visually-hidden">
        {t("chartLabel", { name })}
      </h2>
      <div className="chart-controls">
        <div className="segmented" role="group" aria-label={t("period")}>
          {PERIODS.map((p) => (
            <button key={p} type="button" aria-pressed={p === period} onClick={() => setParam("period", p, "1y")}>
              {p.toUpperCase()}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t("interval")}>
          {(["daily", "weekly"] as const).map((value) => (
            <button key={value} type="button" aria-pressed={value === type} onClick={() => setParam("type", value, "daily")}>
              {t(value)}
            </button>
          ))}
        </div>
        <fieldset className="checks">
          <legend>{t("overlays")}</legend>
          {OVERLAYS.map((o) => (
            <label key={o.id} className="check">
              <input type="checkbox" checked={overlays.includes(o.id)} onChange={() => setOverlays((list) => toggle(list, o.id))} />
              {o.label}
            </label>
          ))}
        </fieldset>
        <fieldset className="checks">
          <legend>{t("panes")}</legend>
          {OSCILLATORS.map((o) => (
            <label key={o.id} className="check">
              <input type="checkbox" checked={oscillators.includes(o.id)} onChange={() => setOscillators((list) => toggle(list, o.id))} />
              {o.label}
            </label>
          ))}
        </fieldset>
        <SyntheticBadge show={chart.data?.synthetic} />
      </div>
      {chart.error ? (
        <ApiErrorMessage error={chart.error} what={t("chart")} onRetry={() => void chart.refetch()} />
      ) : (
        <figure className="chart-figure" aria-busy={chart.isFetching}>
          <PriceChart
            bars={bars}
            liveBar={forming}
            precision={currency === "KRW" ? 0 : 2}
            layers={layers}
            markers={markers}
            label={t("chartLabel", { name })}
          />
          {layers.length > 0 && (
            <ul className="chart-legend" aria-hidden="true">
              {layers
                .filter((layer) => layer.kind === "line")
                .map((layer) => (
                  <li key={layer.id}>
                    <span className="legend-swatch" style={{ background: layer.color }} />
                    {layer.label}
                  </li>
                ))}
            </ul>
          )}
          <figcaption className="chart-summary" data-testid="chart-summary">
            {summary}
          </figcaption>
        </figure>
      )}
      {indicators.error && <ApiErrorMessage error={indicators.error} what={t("indicators")} />}
    </section>
  );
}

// The Prediction tab: the forecast with its interval on a chart, trend probability, risk figures,
// the backtest against the baselines, the model version, and the honest "no model beats the naive
// baseline" state.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";

import { api, unwrap } from "../../../api/client";
import type { Schemas } from "../../../api/client";
import { ApiErrorMessage } from "../../../components/ApiErrorMessage/ApiErrorMessage";
import { SyntheticBadge } from "../../../components/SyntheticBadge/SyntheticBadge";
import { currencyDigits, direction, formatDate, formatNumber, formatPercent, formatPrice } from "../../../format";
import { useLang, useText } from "../../../i18n";
import type { Translate } from "../../../i18n";
import "./prediction.css";
import { entries, field, metricRows, num, points, str } from "./read";
import type { Json } from "./read";
import { predictionText } from "./text";

const ForecastChart = lazy(() => import("./ForecastChart").then((m) => ({ default: m.ForecastChart })));

type ModelType = Schemas["PredictionModelTypeEnum"];
type T = Translate<typeof predictionText.en>;
const TYPES: readonly ModelType[] = ["price_prediction", "trend_analysis", "risk_assessment"];
const HORIZONS = [1, 5, 20] as const;
type Horizon = (typeof HORIZONS)[number];

function Served({ answer, t }: { answer: Schemas["Prediction"]; t: T }) {
  const { locale } = useLang();
  const served = answer.served;
  const model = answer.model;
  return (
    <div className={served.beat_baseline ? "served served-model" : "served served-baseline"} role="note" data-testid="served">
      <strong>{served.beat_baseline ? t("modelServed") : t("baselineServed")}</strong>
      {!served.beat_baseline && <span>{t("baselineServedBody", { baseline: served.name })}</span>}
      {served.message && <span className="muted small">{served.message}</span>}
      <span className="small">
        {model !== null && str(model, "name") !== null ? (
          <>
            {t("modelVersion")}: {t("version", { name: str(model, "name") ?? "", version: num(model, "version") ?? "?", algorithm: str(model, "algorithm") ?? "" })}
            {str(model, "training_window", "start") && (
              <>
                {" · "}
                {t("trainingWindow", {
                  start: formatDate(str(model, "training_window", "start"), locale),
                  end: formatDate(str(model, "training_window", "end"), locale),
                })}
              </>
            )}
          </>
        ) : (
          t("baselineName", { name: served.name })
        )}
      </span>
    </div>
  );
}

function PriceView({ answer, t }: { answer: Schemas["Prediction"]; t: T }) {
  const { locale } = useLang();
  const p = answer.prediction;
  const history = points(answer.series, "history");
  const forecast = points(answer.series, "forecast");
  const predicted = num(p, "predicted_close");
  const expected = num(p, "expected_return");
  const lower = num(p, "intervals", "80", "lower");
  const upper = num(p, "intervals", "80", "upper");
  const price = (v: number | null) => formatPrice(v, answer.currency, locale);
  return (
    <>
      <dl className="figures">
        <div>
          <dt>{t("lastClose")}</dt>
          <dd className="num">{price(answer.last_close)}</dd>
        </div>
        <div>
          <dt>{t("predictedClose")}</dt>
          <dd className="num" data-testid="predicted-close">{price(predicted)}</dd>
        </div>
        <div>
          <dt>{t("expectedReturn")}</dt>
          <dd className={`num ${direction(expected)}`}>{formatPercent(expected, locale, { signed: true })}</dd>
        </div>
        {(["80", "95"] as const).map((level) => (
          <div key={level}>
            <dt>{t("interval", { level })}</dt>
            <dd className="num">
              {price(num(p, "intervals", level, "lower"))} – {price(num(p, "intervals", level, "upper"))}
            </dd>
          </div>
        ))}
      </dl>
      <Suspense fallback={<div className="forecast-chart" />}>
        <ForecastChart
          digits={currencyDigits(answer.currency)}
          history={history}
          forecast={forecast}
          label={t("chartSummary", {
            date: formatDate(answer.as_of, locale),
            target: formatDate(answer.target_date, locale),
            value: price(predicted),
            level: "80",
            lower: price(lower),
            upper: price(upper),
          })}
        />
      </Suspense>
      <ul className="chart-key" aria-hidden="true">
        <li className="key-history">{t("legendHistory")}</li>
        <li className="key-forecast">{t("legendForecast")}</li>
        <li className="key-80">{t("legend80")}</li>
        <li className="key-95">{t("legend95")}</li>
      </ul>
    </>
  );
}

function TrendView({ answer, t }: { answer: Schemas["Prediction"]; t: T }) {
  const { locale } = useLang();
  const p = answer.prediction;
  const up = num(p, "probability_up");
  const label = str(p, "label");
  const features = entries(p, "top_features");
  return (
    <>
      <dl className="figures">
        <div>
          <dt>{t("trendLabel")}</dt>
          <dd data-testid="trend-label">{label === "uptrend" || label === "downtrend" || label === "sideways" ? t(label) : (label ?? "–")}</dd>
        </div>
        <div>
          <dt>{t("probabilityUp")}</dt>
          <dd className="num up">{formatPercent(up, locale, { digits: 1 })}</dd>
        </div>
        <div>
          <dt>{t("probabilityDown")}</dt>
          <dd className="num down">{formatPercent(num(p, "probability_down"), locale, { digits: 1 })}</dd>
        </div>
        <div>
          <dt>{t("strength")}</dt>
          <dd className="num">{formatPercent(num(p, "strength"), locale, { digits: 0 })}</dd>
        </div>
      </dl>
      {up !== null && (
        <div className="prob-bar" role="img" aria-label={`${t("probabilityUp")} ${formatPercent(up, locale, { digits: 1 })}`}>
          <span className="prob-up" style={{ width: `${Math.round(up * 100)}%` }} />
        </div>
      )}
      {str(p, "rule") && (
        <p className="muted small">
          {t("rule")}: {str(p, "rule")}
        </p>
      )}
      {features.length > 0 && (
        <>
          <h3>{t("topFeatures")}</h3>
          <ul className="feature-list">
            {features.map(([name, weight]) => (
              <li key={name}>
                <code>{name}</code> <span className="num">{typeof weight === "number" ? formatNumber(weight, locale, 3) : ""}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function RiskView({ answer, t }: { answer: Schemas["Prediction"]; t: T }) {
  const { locale } = useLang();
  const p = answer.prediction;
  const pct = (v: number | null) => formatPercent(v, locale, { digits: 2 });
  const tails = entries(p, "var_es");
  const beta = field(p, "beta");
  const columns = [
    ["parametric_var_1d", "pVar1d"],
    ["parametric_es_1d", "pEs1d"],
    ["historical_var_1d", "hVar1d"],
    ["historical_es_1d", "hEs1d"],
    ["parametric_var_10d", "pVar10d"],
    ["parametric_es_10d", "pEs10d"],
  ] as const;
  return (
    <>
      <dl className="figures">
        <div>
          <dt>{t("riskLevel")}</dt>
          <dd data-testid="risk-level">{str(p, "risk", "label") ?? str(p, "risk") ?? "–"}</dd>
        </div>
        <div>
          <dt>{t("volatility", { method: str(p, "volatility", "method") ?? "" })}</dt>
          <dd className="num">
            {t("vol1d")} {pct(num(p, "volatility", "1d"))} · {t("vol10d")} {pct(num(p, "volatility", "10d"))}
          </dd>
        </div>
        <div>
          <dt>{t("volYear")}</dt>
          <dd className="num">{pct(num(p, "volatility", "annualised"))}</dd>
        </div>
        <div>
          <dt>{t("maxDrawdown")}</dt>
          <dd className="num">
            {t("drawdownAll")} {pct(num(p, "max_drawdown", "all"))} · {t("drawdownYear")} {pct(num(p, "max_drawdown", "last_year"))}
          </dd>
        </div>
        <div>
          <dt>{num(beta, "value") !== null ? t("beta", { index: str(beta, "index") ?? "" }) : t("betaNone", { reason: str(beta, "reason") ?? "–" })}</dt>
          <dd className="num">{formatNumber(num(beta, "value"), locale, 2)}</dd>
        </div>
      </dl>
      {tails.length > 0 && (
        <div className="table-scroll">
          <table className="data">
            <caption className="caption">{t("varEs")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tail")}</th>
                {columns.map(([key, label]) => (
                  <th key={key} scope="col" className="num">
                    {t(label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tails.map(([tail, row]) => (
                <tr key={tail}>
                  <th scope="row">{tail}%</th>
                  {columns.map(([key]) => (
                    <td key={key} className="num">
                      {pct(num(row, key))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {str(p, "risk", "rule") && (
        <p className="muted small">
          {t("riskLevel")}: {str(p, "risk", "rule")}
        </p>
      )}
      {str(p, "var_es_note") && <p className="muted small">{str(p, "var_es_note")}</p>}
    </>
  );
}

function Backtest({ backtest, t }: { backtest: Json; t: T }) {
  const { locale } = useLang();
  if (backtest === null || backtest === undefined) return <p className="muted">{t("backtestNone")}</p>;
  const modelName = str(backtest, "model_name");
  const baselines = entries(backtest, "all_baselines");
  const columns: [string, Json][] = [
    ...(modelName !== null ? ([[t("modelColumn", { name: modelName }), field(backtest, "model")]] as [string, Json][]) : []),
    ...baselines.map(([name, metrics]) => [t("baselineColumn", { name }), metrics] as [string, Json]),
  ];
  const rows = metricRows(columns.map(([, metrics]) => metrics));
  const decision = field(backtest, "decision");
  const wf = field(backtest, "walk_forward");
  return (
    <>
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data" data-testid="backtest-table">
            <thead>
              <tr>
                <th scope="col">{t("metric")}</th>
                {columns.map(([name]) => (
                  <th key={name} scope="col" className="num">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(([metric, values]) => (
                <tr key={metric}>
                  <th scope="row">{metric}</th>
                  {values.map((value, index) => (
                    <td key={index} className="num">
                      {formatNumber(value, locale, Number.isInteger(value) ? 0 : Math.abs(value ?? 0) >= 100 ? 1 : 4)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="small">
        <strong>{t("decision")}:</strong> {field(decision, "promoted") === true ? t("promoted") : t("notPromoted")}
        {num(decision, "p_value") !== null &&
          ` · ${t("pValue", { p: formatNumber(num(decision, "p_value"), locale, 3), threshold: num(decision, "threshold") ?? "–" })}`}
        {str(decision, "reason") && ` · ${str(decision, "reason")}`}
      </p>
      {num(wf, "folds") !== null && (
        <p className="muted small">
          {t("walkForward", {
            folds: num(wf, "folds") ?? 0,
            rows: num(wf, "test_rows") ?? 0,
            purge: num(wf, "purge") ?? 0,
            embargo: num(wf, "embargo") ?? 0,
          })}
        </p>
      )}
    </>
  );
}

export default function PredictionTab({ symbol }: { symbol: string }) {
  const t = useText(predictionText);
  const { locale } = useLang();
  const [modelType, setModelType] = useState<ModelType>("price_prediction");
  const [horizon, setHorizon] = useState<Horizon>(5);
  const effectiveHorizon: Horizon = modelType === "risk_assessment" ? 1 : horizon;
  const answer = useQuery({
    queryKey: ["predict", symbol, modelType, effectiveHorizon],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/analysis/predict/{symbol}/", {
          params: { path: { symbol }, query: { model_type: modelType, horizon: effectiveHorizon } },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const data = answer.data;
  return (
    <div className="prediction" aria-busy={answer.isFetching}>
      <div className="prediction-controls">
        <div className="segmented" role="group" aria-label={t("modelType")}>
          {TYPES.map((type) => (
            <button key={type} type="button" aria-pressed={modelType === type} onClick={() => setModelType(type)}>
              {t(type)}
            </button>
          ))}
        </div>
        {modelType !== "risk_assessment" && (
          <div className="segmented" role="group" aria-label={t("horizon")}>
            {HORIZONS.map((h) => (
              <button key={h} type="button" aria-pressed={horizon === h} onClick={() => setHorizon(h)}>
                {h === 1 ? t("session") : t("sessions", { n: h })}
              </button>
            ))}
          </div>
        )}
      </div>
      {answer.error ? (
        <ApiErrorMessage error={answer.error} what={t("loading")} onRetry={() => void answer.refetch()} />
      ) : data === undefined ? (
        <p className="muted">…</p>
      ) : (
        <>
          <Served answer={data} t={t} />
          <p className="muted small">
            {t("asOf", { date: formatDate(data.as_of, locale), target: formatDate(data.target_date, locale) })}{" "}
            <SyntheticBadge show={data.synthetic} />
          </p>
          {data.model_type === "price_prediction" && <PriceView answer={data} t={t} />}
          {data.model_type === "trend_analysis" && <TrendView answer={data} t={t} />}
          {data.model_type === "risk_assessment" && <RiskView answer={data} t={t} />}
          <h3>{t("backtest")}</h3>
          <Backtest backtest={data.backtest} t={t} />
          <p className="muted small">{t("disclaimer")}</p>
        </>
      )}
    </div>
  );
}

// /screener: every filter of the screener API, sortable columns and paging, all kept in the
// address.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { KeyboardEvent } from "react";
import { Link, useSearchParams } from "react-router";

import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/errors";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { SyntheticBadge } from "../../components/SyntheticBadge/SyntheticBadge";
import { usePageTitle } from "../../components/usePageTitle";
import { direction, formatDate, formatNumber, formatPercentPoints, formatPrice } from "../../format";
import { useLang, useText } from "../../i18n";
import { useAssetLabels } from "../../i18n/labels";
import type { Translate } from "../../i18n";
import {
  DEFAULT_SORT,
  NUMBER_FILTERS,
  SIGNAL_FILTERS,
  nextSort,
  queryFromSearch,
  toggleInList,
  withParam,
} from "./params";
import type { SortKey } from "./params";
import "./screener.css";
import { screenerText } from "./text";

type T = Translate<typeof screenerText.en>;

const MARKETS = ["US", "KR", "GLOBAL"] as const;
const CATEGORIES = ["stock", "etf", "index", "crypto", "commodity", "fx"] as const;
const LABELS = ["strong_buy", "buy", "neutral", "sell", "strong_sell"] as const;
const SIGNAL_LABEL = {
  rsi_signal: "rsiSignal",
  macd_signal: "macdSignal",
  bbands_signal: "bbandsSignal",
  stoch_signal: "stochSignal",
  ma_cross_signal: "maCrossSignal",
  obv_signal: "obvSignal",
} as const;
const NUMBER_LABEL = { rsi_gt: "rsiGt", rsi_lt: "rsiLt", score_gte: "scoreGte", score_lte: "scoreLte" } as const;
const NUMBER_RANGE = { rsi_gt: [0, 100], rsi_lt: [0, 100], score_gte: [-100, 100], score_lte: [-100, 100] } as const;

function Checks({
  legend,
  name,
  options,
  label,
  search,
  set,
}: {
  legend: string;
  name: string;
  options: readonly string[];
  label: (option: string) => string;
  search: URLSearchParams;
  set: (name: string, value: string | null) => void;
}) {
  const chosen = new Set((search.get(name) ?? "").split(",").filter(Boolean));
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="check">
          <input
            type="checkbox"
            name={name}
            value={option}
            checked={chosen.has(option)}
            onChange={() => set(name, toggleInList(search.get(name), option))}
          />
          {label(option)}
        </label>
      ))}
    </fieldset>
  );
}

function Choice({
  label,
  name,
  options,
  search,
  set,
  t,
}: {
  label: string;
  name: string;
  options: readonly [string, string][];
  search: URLSearchParams;
  set: (name: string, value: string | null) => void;
  t: T;
}) {
  return (
    <label className="field">
      {label}
      <select name={name} value={search.get(name) ?? ""} onChange={(e) => set(name, e.target.value)}>
        <option value="">{t("any")}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export default function ScreenerPage() {
  const t = useText(screenerText);
  const labels = useAssetLabels();
  const { locale } = useLang();
  usePageTitle(t("title"));
  const [search, setSearch] = useSearchParams();
  const query = queryFromSearch(search);
  const result = useQuery({
    queryKey: ["screener", query],
    queryFn: () => unwrap(api.GET("/api/v1/analysis/screener/", { params: { query: query as never } })),
    placeholderData: keepPreviousData,
  });
  const set = (name: string, value: string | null) => setSearch(withParam(search, name, value));
  const commitNumber = (name: string, value: string) => {
    if ((search.get(name) ?? "") !== value.trim()) set(name, value.trim());
  };
  const onNumberKey = (event: KeyboardEvent<HTMLInputElement>, name: string) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commitNumber(name, event.currentTarget.value);
    }
  };
  const sort = search.get("sort") ?? DEFAULT_SORT;
  const fieldErrors = result.error instanceof ApiError ? result.error.fieldErrors : {};
  const signalOptions: [string, string][] = [
    ["buy", t("buy")],
    ["sell", t("sell")],
    ["neutral", t("neutral")],
  ];
  const yesNo: [string, string][] = [
    ["true", t("above")],
    ["false", t("below")],
  ];

  const header = (column: SortKey, text: string, numeric = false) => {
    const state = sort === column ? "ascending" : sort === `-${column}` ? "descending" : "none";
    return (
      <th scope="col" className={numeric ? "num" : undefined} aria-sort={state}>
        <button type="button" className="sort-button" onClick={() => set("sort", nextSort(sort, column))} title={t("sortBy", { column: text })}>
          {text}
          <span aria-hidden="true">{state === "ascending" ? " ▲" : state === "descending" ? " ▼" : " ↕"}</span>
        </button>
      </th>
    );
  };

  const data = result.data;
  const rows = data?.results ?? [];
  return (
    <section className="page screener-page">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <details className="card filters" open>
        <summary>
          <h2>{t("filters")}</h2>
        </summary>
        <form className="filter-grid" onSubmit={(event) => event.preventDefault()} aria-label={t("filters")}>
          <Checks legend={t("market")} name="market" options={MARKETS} label={labels.market} search={search} set={set} />
          <Checks
            legend={t("category")}
            name="category"
            options={CATEGORIES}
            label={labels.category}
            search={search}
            set={set}
          />
          <Checks legend={t("signal")} name="signal" options={LABELS} label={(l) => t(l as (typeof LABELS)[number])} search={search} set={set} />
          <div className="filter-numbers">
            {NUMBER_FILTERS.map((name) => (
              <label key={name} className="field">
                {t(NUMBER_LABEL[name])}
                <input
                  key={search.get(name) ?? ""}
                  name={name}
                  type="number"
                  inputMode="decimal"
                  min={NUMBER_RANGE[name][0]}
                  max={NUMBER_RANGE[name][1]}
                  step="any"
                  defaultValue={search.get(name) ?? ""}
                  onBlur={(e) => commitNumber(name, e.currentTarget.value)}
                  onKeyDown={(e) => onNumberKey(e, name)}
                  aria-invalid={fieldErrors[name] ? true : undefined}
                />
                {fieldErrors[name] && <span className="field-error">{fieldErrors[name].join(" ")}</span>}
              </label>
            ))}
          </div>
          <div className="filter-numbers">
            <Choice label={t("macd")} name="macd" options={[["bullish", t("bullish")], ["bearish", t("bearish")]]} search={search} set={set} t={t} />
            <Choice label={t("aboveSma50")} name="above_sma50" options={yesNo} search={search} set={set} t={t} />
            <Choice label={t("aboveSma200")} name="above_sma200" options={yesNo} search={search} set={set} t={t} />
            <Choice
              label={t("synthetic")}
              name="synthetic"
              options={[["true", t("syntheticOnly")], ["false", t("realOnly")]]}
              search={search}
              set={set}
              t={t}
            />
          </div>
          <div className="filter-numbers">
            {SIGNAL_FILTERS.map((name) => (
              <Choice key={name} label={t(SIGNAL_LABEL[name])} name={name} options={signalOptions} search={search} set={set} t={t} />
            ))}
          </div>
          <div className="filter-actions">
            <label className="field">
              {t("pageSize")}
              <select name="page_size" value={search.get("page_size") ?? "50"} onChange={(e) => set("page_size", e.target.value === "50" ? null : e.target.value)}>
                {["20", "50", "100", "200"].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="btn" onClick={() => setSearch(new URLSearchParams())}>
              {t("reset")}
            </button>
          </div>
        </form>
      </details>
      {result.error ? (
        <ApiErrorMessage error={result.error} what={t("title")} onRetry={() => void result.refetch()} />
      ) : null}
      {data && (
        <div className="card">
          <p className="result-meta" aria-live="polite">
            <strong data-testid="screener-count">{t("results", { n: data.count })}</strong> <SyntheticBadge show={data.meta.synthetic} />
            {data.meta.missing_snapshots > 0 && <span className="muted"> {t("missing", { n: data.meta.missing_snapshots })}</span>}
          </p>
          {rows.length === 0 ? (
            <p className="muted">{t("none")}</p>
          ) : (
            <div className="table-scroll">
              <table className="data" data-testid="screener-table" aria-busy={result.isFetching}>
                <thead>
                  <tr>
                    {header("symbol", t("symbol"))}
                    {header("name", t("name"))}
                    <th scope="col" className="num">{t("close")}</th>
                    {header("change", t("change"), true)}
                    {header("rsi", t("rsi"), true)}
                    <th scope="col" className="num">{t("macdHist")}</th>
                    <th scope="col">{t("sma50")}</th>
                    <th scope="col">{t("sma200")}</th>
                    {header("score", t("score"), true)}
                    <th scope="col">{t("label")}</th>
                    {header("as_of", t("asOf"))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.symbol}>
                      <th scope="row">
                        <Link to={`/stocks/${encodeURIComponent(row.symbol)}`}>{row.symbol}</Link>
                      </th>
                      <td className="name-cell">
                        {row.name}
                        {row.name_local && row.name_local !== row.name && <div className="muted small" lang="ko">{row.name_local}</div>}
                        <div className="muted small">
                          {labels.market(row.market)} · {labels.category(row.category)} {row.synthetic && <SyntheticBadge />}
                        </div>
                      </td>
                      <td className="num">{formatPrice(row.close, row.currency, locale)}</td>
                      <td className={`num ${direction(row.change_percent)}`}>{formatPercentPoints(row.change_percent, locale)}</td>
                      <td className="num">{formatNumber(row.rsi, locale, 1)}</td>
                      <td className={`num ${direction(row.macd_hist)}`}>{formatNumber(row.macd_hist, locale, 3)}</td>
                      <td>{row.above_sma50 === null ? "–" : row.above_sma50 ? t("yes") : t("no")}</td>
                      <td>{row.above_sma200 === null ? "–" : row.above_sma200 ? t("yes") : t("no")}</td>
                      <td className={`num ${direction(row.score)}`}>{formatNumber(row.score, locale, 0)}</td>
                      <td>
                        <span className={`badge label-${row.label}`}>{t(row.label)}</span>
                      </td>
                      <td>{formatDate(row.as_of, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.pages > 1 && (
            <nav className="pager" aria-label={t("title")}>
              <button type="button" className="btn btn-small" disabled={data.page <= 1} onClick={() => set("page", String(data.page - 1))}>
                {t("previous")}
              </button>
              <span>{t("page", { page: data.page, pages: data.pages })}</span>
              <button type="button" className="btn btn-small" disabled={data.page >= data.pages} onClick={() => set("page", String(data.page + 1))}>
                {t("next")}
              </button>
            </nav>
          )}
        </div>
      )}
    </section>
  );
}

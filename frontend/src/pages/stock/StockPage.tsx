// /stocks/<symbol>: the header with price and actions, the chart, and the detail tabs.
import { lazy, Suspense } from "react";
import { useParams, useSearchParams } from "react-router";

import { ApiError } from "../../api/errors";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { usePageTitle } from "../../components/usePageTitle";
import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";
import { ChartPanel } from "./ChartPanel";
import { StockHeader } from "./StockHeader";
import { StockNotFound } from "./StockNotFound";
import { useOverview } from "./queries";
import { stockText } from "./text";
import { OverviewTab } from "./tabs/OverviewTab";
import "./stock.css";

const FinancialsTab = lazy(() => import("./tabs/FinancialsTab"));
const SignalsTab = lazy(() => import("./tabs/SignalsTab"));
const DataTab = lazy(() => import("./tabs/DataTab"));
const PredictionTab = lazy(() => import("./prediction/PredictionTab"));

const TABS = ["overview", "financials", "signals", "prediction", "data"] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL = {
  overview: "tabOverview",
  financials: "tabFinancials",
  signals: "tabSignals",
  prediction: "tabPrediction",
  data: "tabData",
} as const;

export default function StockPage() {
  const t = useText(stockText);
  const tc = useText(commonText);
  const symbol = (useParams().symbol ?? "").toUpperCase();
  const [params, setParams] = useSearchParams();
  const overview = useOverview(symbol);
  const tabParam = params.get("tab");
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : "overview";
  usePageTitle(overview.data ? `${overview.data.name} (${symbol})` : symbol);

  if (overview.error instanceof ApiError && overview.error.status === 404) {
    return <StockNotFound symbol={symbol} />;
  }
  if (overview.error) {
    return (
      <section className="page">
        <h1>{symbol}</h1>
        <ApiErrorMessage error={overview.error} what={t("loadingStock")} onRetry={() => void overview.refetch()} />
      </section>
    );
  }
  if (overview.data === undefined) return <p className="page muted">{tc("loading")}</p>;

  const selectTab = (next: Tab) => {
    const copy = new URLSearchParams(params);
    if (next === "overview") copy.delete("tab");
    else copy.set("tab", next);
    setParams(copy, { replace: true });
  };

  return (
    <article className="page stock-page">
      <StockHeader overview={overview.data} />
      <ChartPanel symbol={symbol} name={overview.data.name} currency={overview.data.currency} />
      <div>
        <div className="tabs" role="tablist" aria-label={t("stockTabs")}>
          {TABS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => selectTab(id)}
              onKeyDown={(event) => {
                const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
                if (step === 0) return;
                const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
                selectTab(next);
                document.getElementById(`tab-${next}`)?.focus();
              }}
            >
              {t(TAB_LABEL[id])}
            </button>
          ))}
        </div>
        <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          <Suspense fallback={<p className="muted">{tc("loading")}</p>}>
            {tab === "overview" && <OverviewTab overview={overview.data} />}
            {tab === "financials" && <FinancialsTab symbol={symbol} category={overview.data.category} />}
            {tab === "signals" && <SignalsTab symbol={symbol} />}
            {tab === "prediction" && <PredictionTab symbol={symbol} />}
            {tab === "data" && <DataTab symbol={symbol} overview={overview.data} />}
          </Suspense>
        </div>
      </div>
    </article>
  );
}

// Value history with the simple return and the time-weighted return, each with its formula one
// click away.
import { lazy, Suspense } from "react";

import type { Schemas } from "../../api/client";
import { SyntheticBadge } from "../../components/SyntheticBadge/SyntheticBadge";
import { direction, formatDate, formatMoney, formatPercentPoints } from "../../format";
import { useLang, useText } from "../../i18n";
import { portfolioText } from "./text";

const HistoryChart = lazy(() => import("./HistoryChart").then((m) => ({ default: m.HistoryChart })));

function Return({ label, value, formula }: { label: string; value: string | null; formula: string }) {
  const t = useText(portfolioText);
  const { locale } = useLang();
  return (
    <div className="return-figure">
      <dt>{label}</dt>
      <dd className={`num big ${direction(value)}`}>{formatPercentPoints(value, locale)}</dd>
      <dd>
        <details>
          <summary>{t("howComputed")}</summary>
          <p className="formula">{formula}</p>
        </details>
      </dd>
    </div>
  );
}

export function HistoryView({ history }: { history: Schemas["History"] }) {
  const t = useText(portfolioText);
  const { locale } = useLang();
  const points = history.points;
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <div className="history">
      <dl className="returns">
        <Return label={t("simpleReturn")} value={history.simple_return_pct} formula={t("simpleFormula")} />
        <Return label={t("twr")} value={history.time_weighted_return_pct} formula={t("twrFormula")} />
      </dl>
      <SyntheticBadge show={history.synthetic} />
      {first === undefined || last === undefined ? (
        <p className="muted">{t("noHistory")}</p>
      ) : (
        <Suspense fallback={<div className="history-chart" />}>
          <HistoryChart
            points={points}
            currency={history.currency}
            label={t("historySummary", {
              start: formatDate(first.date, locale),
              end: formatDate(last.date, locale),
              first: formatMoney(first.total_value, history.currency, locale),
              last: formatMoney(last.total_value, history.currency, locale),
            })}
          />
        </Suspense>
      )}
    </div>
  );
}

// Where the data comes from and how complete it is: stored counts, sources, the latest bar.
import type { Schemas } from "../../../api/client";
import { ApiErrorMessage } from "../../../components/ApiErrorMessage/ApiErrorMessage";
import { SyntheticBadge } from "../../../components/SyntheticBadge/SyntheticBadge";
import { commonText } from "../../../i18n/common";
import { formatDate, formatNumber } from "../../../format";
import { useLang, useText } from "../../../i18n";
import { useSymbolStatus } from "../queries";
import { tabsText } from "./text";

export default function DataTab({ symbol, overview }: { symbol: string; overview: Schemas["OverviewResponse"] }) {
  const t = useText(tabsText);
  const tc = useText(commonText);
  const { locale } = useLang();
  const status = useSymbolStatus(symbol);
  const counts = status.data?.details;
  const rows: [string, number | undefined][] = [
    [t("dailyBars"), counts?.daily_prices],
    [t("weeklyBars"), counts?.weekly_prices],
    [t("balanceSheets"), counts?.balance_sheets],
    [t("incomeStatements"), counts?.income_statements],
    [t("cashFlows"), counts?.cash_flows],
  ];
  return (
    <div className="grid">
      <section className="card">
        <h3>{t("collection")}</h3>
        {status.error ? (
          <ApiErrorMessage error={status.error} what={t("status")} onRetry={() => void status.refetch()} />
        ) : status.data === undefined ? (
          <p className="muted">{tc("loading")}</p>
        ) : (
          <>
            <p>
              <span className={status.data.is_complete ? "badge badge-ok" : "badge"}>
                {status.data.is_complete ? t("complete") : t("incomplete")}
              </span>
            </p>
            <table className="data">
              <tbody>
                {rows.map(([label, value]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td className="num">{formatNumber(value ?? null, locale, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section className="card">
        <h3>{t("sources")}</h3>
        <dl className="facts">
          <div>
            <dt>{t("priceSource")}</dt>
            <dd>
              {overview.quote?.source ?? overview.source} <SyntheticBadge show={overview.quote?.synthetic} />
            </dd>
          </div>
          <div>
            <dt>{t("profileSource")}</dt>
            <dd>{overview.profile?.source ?? "–"}</dd>
          </div>
          <div>
            <dt>{t("lastBar")}</dt>
            <dd>{formatDate(overview.quote?.date, locale)}</dd>
          </div>
        </dl>
        {overview.notice && <p className="muted small">{overview.notice}</p>}
      </section>
      <section className="card">
        <h3>{t("qualityFlags")}</h3>
        <p className="muted">{t("qualityNone")}</p>
      </section>
    </div>
  );
}

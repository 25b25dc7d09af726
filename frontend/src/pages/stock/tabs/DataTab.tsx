// Where the data comes from and how complete it is: stored counts, each source with its last
// ingest, freshness against the exchange calendar, and the data-quality flags.
import type { Schemas } from "../../../api/client";
import { ApiErrorMessage } from "../../../components/ApiErrorMessage/ApiErrorMessage";
import { SyntheticBadge } from "../../../components/SyntheticBadge/SyntheticBadge";
import { commonText } from "../../../i18n/common";
import { formatDate, formatDateTime, formatNumber } from "../../../format";
import { useLang, useText } from "../../../i18n";
import { useProvenance, useSymbolStatus } from "../queries";
import { tabsText } from "./text";

export default function DataTab({ symbol, overview }: { symbol: string; overview: Schemas["OverviewResponse"] }) {
  const t = useText(tabsText);
  const tc = useText(commonText);
  const { locale } = useLang();
  const status = useSymbolStatus(symbol);
  const provenance = useProvenance(symbol);
  const counts = status.data?.details;
  const rows: [string, number | undefined][] = [
    [t("dailyBars"), counts?.daily_prices],
    [t("weeklyBars"), counts?.weekly_prices],
    [t("balanceSheets"), counts?.balance_sheets],
    [t("incomeStatements"), counts?.income_statements],
    [t("cashFlows"), counts?.cash_flows],
  ];
  const found = provenance.data;
  const fresh = found?.freshness;
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
              <span className={status.data.is_complete ? "badge badge-ok" : "badge badge-warn"}>
                {status.data.is_complete ? t("complete") : t("incomplete")}
              </span>{" "}
              {fresh && (
                <span className={fresh.status === "OK" ? "badge badge-ok" : "badge badge-warn"} title={fresh.detail}>
                  {fresh.status === "OK" ? t("fresh") : fresh.status === "STALE" ? t("stale") : t("freshUnknown")}
                </span>
              )}
            </p>
            {fresh && (
              <p className="muted small">
                {t("freshnessLine", { latest: formatDate(fresh.latest, locale), expected: formatDate(fresh.expected, locale) })}
              </p>
            )}
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
        <h3>
          {t("sources")} <SyntheticBadge show={found?.synthetic ?? overview.synthetic} />
        </h3>
        {provenance.error ? (
          <ApiErrorMessage error={provenance.error} what={t("provenance")} onRetry={() => void provenance.refetch()} />
        ) : found === undefined ? (
          <p className="muted">{tc("loading")}</p>
        ) : (
          <>
            <p>
              {t("lastIngest")}: <strong>{formatDateTime(found.last_ingested_at, locale)}</strong>
            </p>
            <div className="table-scroll">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t("source")}</th>
                    <th scope="col" className="num">
                      {t("dailyBars")}
                    </th>
                    <th scope="col">{t("range")}</th>
                    <th scope="col">{t("lastIngest")}</th>
                  </tr>
                </thead>
                <tbody>
                  {found.sources.map((source) => (
                    <tr key={source.source}>
                      <th scope="row">{source.source}</th>
                      <td className="num">{formatNumber(source.bars, locale, 0)}</td>
                      <td>
                        {formatDate(source.first, locale)} – {formatDate(source.last, locale)}
                      </td>
                      <td>{formatDateTime(source.last_ingested_at, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted small">
              {t("profileSource")}: {overview.profile?.source ?? "–"}
            </p>
          </>
        )}
      </section>
      <section className="card">
        <h3>{t("qualityFlags")}</h3>
        {found === undefined ? null : found.quality_flags.total === 0 ? (
          <p className="muted">{t("qualityNone")}</p>
        ) : (
          <>
            <p>{t("qualityCount", { total: found.quality_flags.total, unreviewed: found.quality_flags.unreviewed })}</p>
            <ul className="plain-list">
              {found.quality_flags.recent.map((flag) => (
                <li key={`${flag.kind}-${flag.date}`}>
                  <span className="badge">{flag.kind}</span> {formatDate(flag.date, locale)} · {flag.detail}
                  {flag.reviewed && <span className="muted"> ({t("reviewed")})</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

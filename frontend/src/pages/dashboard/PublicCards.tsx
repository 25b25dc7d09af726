// Popular symbols, screener highlights and data freshness: what everyone sees.
import { Link } from "react-router";

import type { Schemas } from "../../api/client";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { SyntheticBadge } from "../../components/SyntheticBadge/SyntheticBadge";
import { direction, formatDate, formatPercentPoints, formatNumber } from "../../format";
import { useLang, useText } from "../../i18n";
import { usePopular, useScreenerAll } from "./queries";
import { dashboardText } from "./text";

type Row = Schemas["ScreenerRow"];
const FRESH_DAYS = 5;

export function displayName(row: { name: string; name_local?: string | null }, lang: string): string {
  return lang === "ko" && row.name_local ? row.name_local : row.name;
}

export function PopularCard() {
  const t = useText(dashboardText);
  const { lang } = useLang();
  const popular = usePopular();
  return (
    <section className="card" aria-labelledby="popular-heading">
      <h2 id="popular-heading">{t("popular")}</h2>
      {popular.error ? (
        <ApiErrorMessage error={popular.error} what={t("popularLoad")} onRetry={() => void popular.refetch()} />
      ) : (
        <ul className="chips">
          {(popular.data?.results ?? []).map((asset) => (
            <li key={asset.symbol}>
              <Link to={`/stocks/${encodeURIComponent(asset.symbol)}`} className="chip">
                <strong>{asset.symbol}</strong> {displayName(asset, lang)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RowList({ rows, caption }: { rows: Row[]; caption: string }) {
  const t = useText(dashboardText);
  const { lang, locale } = useLang();
  return (
    <div className="table-scroll">
      <table className="data compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("symbol")}</th>
            <th scope="col" className="num">
              {t("change")}
            </th>
            <th scope="col" className="num">
              {t("score")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.symbol}>
              <th scope="row">
                <Link to={`/stocks/${encodeURIComponent(row.symbol)}`}>{row.symbol}</Link>
                <span className="row-name muted">{displayName(row, lang)}</span>
              </th>
              <td className={`num ${direction(row.change_percent)}`}>{formatPercentPoints(row.change_percent, locale)}</td>
              <td className="num">
                {formatNumber(row.score, locale, 0)}
                <span className={`row-name label-${row.label}`}>{t(`label_${row.label}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HighlightsCard() {
  const t = useText(dashboardText);
  const screener = useScreenerAll();
  const rows = screener.data?.results ?? [];
  return (
    <section className="card" aria-labelledby="highlights-heading">
      <h2 id="highlights-heading">
        {t("highlights")} <SyntheticBadge show={screener.data?.meta.synthetic} />
      </h2>
      {screener.error ? (
        <ApiErrorMessage error={screener.error} what={t("highlightsLoad")} onRetry={() => void screener.refetch()} />
      ) : (
        <div className="two-tables">
          <RowList rows={rows.slice(0, 4)} caption={t("strongest")} />
          <RowList rows={[...rows].reverse().slice(0, 4)} caption={t("weakest")} />
        </div>
      )}
    </section>
  );
}

/** How many screened assets lack a bar from the last few days (weekends count too). */
export function freshness(rows: readonly Row[], today: Date, days = FRESH_DAYS) {
  const cutoff = new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const stale = rows.filter((row) => row.as_of < cutoff);
  const newest = rows.reduce<string | null>((best, row) => (best === null || row.as_of > best ? row.as_of : best), null);
  return { total: rows.length, stale, newest };
}

export function FreshnessCard() {
  const t = useText(dashboardText);
  const { locale } = useLang();
  const screener = useScreenerAll();
  if (screener.error) {
    return (
      <section className="card">
        <h2>{t("freshness")}</h2>
        <ApiErrorMessage error={screener.error} what={t("highlightsLoad")} />
      </section>
    );
  }
  const rows = screener.data?.results ?? [];
  const { total, stale, newest } = freshness(rows, new Date());
  return (
    <section className="card" aria-labelledby="freshness-heading" data-testid="freshness">
      <h2 id="freshness-heading">
        {t("freshness")}{" "}
        <span className={stale.length > 0 ? "badge badge-warn" : "badge badge-ok"}>
          {stale.length > 0 ? t("staleCount", { n: stale.length }) : t("allFresh")}
        </span>
      </h2>
      <p>
        {t("freshnessBody", {
          fresh: total - stale.length,
          total,
          days: FRESH_DAYS,
          newest: formatDate(newest, locale),
        })}
      </p>
      {stale.length > 0 && <p className="muted">{t("staleList", { symbols: stale.map((r) => r.symbol).join(", ") })}</p>}
      {(screener.data?.meta.missing_snapshots ?? 0) > 0 && (
        <p className="muted">{t("missingSnapshots", { n: screener.data!.meta.missing_snapshots })}</p>
      )}
    </section>
  );
}

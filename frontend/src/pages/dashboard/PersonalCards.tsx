// What a signed-in user sees: portfolio totals, watchlist, signals on holdings, notifications.
import { Link } from "react-router";

import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { SyntheticBadge } from "../../components/SyntheticBadge/SyntheticBadge";
import { useMe } from "../../auth/useAuth";
import { direction, formatDateTime, formatMoney, formatNumber, formatPercent, formatPercentPoints, formatPrice, toNumber } from "../../format";
import { useLang, useText } from "../../i18n";
import { useLiveQuote } from "../../live";
import { displayName } from "./PublicCards";
import { useNotifications, usePortfolioValuations, useScreenerAll, useWatchlists } from "./queries";
import { dashboardText } from "./text";
import { combineTotals, figuresOf } from "./totals";

export function PortfolioSummary({ usdKrw }: { usdKrw: number | null }) {
  const t = useText(dashboardText);
  const { locale } = useLang();
  const me = useMe();
  const { portfolios, valuations } = usePortfolioValuations(true);
  const base = me.data?.base_currency ?? "KRW";
  const loaded = valuations.flatMap((v) => (v.data === undefined ? [] : [v.data]));
  const failed = valuations.find((v) => v.error)?.error ?? portfolios.error;
  const combined = combineTotals(
    loaded.map((v) => figuresOf(v.total)),
    base,
    usdKrw,
  );
  const synthetic = loaded.some((v) => v.synthetic);
  return (
    <section className="card" aria-labelledby="portfolios-heading" data-testid="portfolio-summary">
      <h2 id="portfolios-heading">
        {t("yourPortfolios")} <SyntheticBadge show={synthetic} />
      </h2>
      {failed ? (
        <ApiErrorMessage error={failed} what={t("portfoliosLoad")} />
      ) : portfolios.data?.count === 0 ? (
        <p className="muted">{t("noPortfolios")}</p>
      ) : (
        <>
          <dl className="totals">
            <div>
              <dt>{t("totalValue")}</dt>
              <dd className="num big">{formatMoney(combined.marketValue, base, locale)}</dd>
            </div>
            <div>
              <dt>{t("dayChange")}</dt>
              <dd className={`num ${direction(combined.dayChange)}`}>
                {formatMoney(combined.dayChange, base, locale)} ({formatPercent(combined.dayChangePct, locale, { signed: true })})
              </dd>
            </div>
            <div>
              <dt>{t("totalReturn")}</dt>
              <dd className={`num ${direction(combined.totalReturn)}`}>{formatPercent(combined.totalReturn, locale, { signed: true })}</dd>
            </div>
          </dl>
          {combined.converted && usdKrw !== null && (
            <p className="muted small">{t("convertedAt", { rate: formatNumber(usdKrw, locale, 2) })}</p>
          )}
          <ul className="plain-list">
            {loaded.map((v) => (
              <li key={v.portfolio.id}>
                <Link to={`/portfolios/${v.portfolio.id}`}>{v.portfolio.name}</Link>{" "}
                <span className="num">{formatMoney(v.total.market_value, v.base_currency, locale)}</span>{" "}
                <span className={`num ${direction(v.total.day_change)}`}>
                  {formatPercentPoints(v.total.day_change_pct, locale)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <Link to="/portfolios">{t("openPortfolios")}</Link>
    </section>
  );
}

function WatchRow({ symbol, name, currency, last, changePct, synthetic }: { symbol: string; name: string; currency: string; last: string | null; changePct: string | null; synthetic: boolean }) {
  const { locale } = useLang();
  const live = useLiveQuote(symbol);
  const price = live?.price ?? toNumber(last);
  const pct = live?.change_percent ?? toNumber(changePct);
  return (
    <tr>
      <th scope="row">
        <Link to={`/stocks/${encodeURIComponent(symbol)}`}>{symbol}</Link> <span className="muted">{name}</span>
      </th>
      <td className="num">{formatPrice(price, currency, locale)}</td>
      <td className={`num ${direction(pct)}`}>
        {formatPercentPoints(pct, locale)} {synthetic && <span className="visually-hidden">synthetic</span>}
      </td>
    </tr>
  );
}

export function WatchlistCard() {
  const t = useText(dashboardText);
  const watchlists = useWatchlists(true);
  const list = watchlists.data?.results[0];
  const items = list?.items ?? [];
  return (
    <section className="card" aria-labelledby="watchlist-heading">
      <h2 id="watchlist-heading">
        {list?.name ?? t("watchlist")} <SyntheticBadge show={items.some((i) => i.synthetic)} />
      </h2>
      {watchlists.error ? (
        <ApiErrorMessage error={watchlists.error} what={t("watchlistLoad")} />
      ) : items.length === 0 ? (
        <p className="muted">{t("emptyWatchlist")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data compact">
            <thead>
              <tr>
                <th scope="col">{t("symbol")}</th>
                <th scope="col" className="num">
                  {t("last")}
                </th>
                <th scope="col" className="num">
                  {t("change")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <WatchRow key={item.symbol} symbol={item.symbol} name={item.name} currency={item.currency} last={item.quote?.last ?? null} changePct={item.quote?.change_pct ?? null} synthetic={item.synthetic} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function HoldingSignals() {
  const t = useText(dashboardText);
  const { lang, locale } = useLang();
  const { valuations } = usePortfolioValuations(true);
  const screener = useScreenerAll();
  const held = new Set(valuations.flatMap((v) => v.data?.holdings.map((h) => h.symbol) ?? []));
  const rows = (screener.data?.results ?? []).filter((row) => held.has(row.symbol));
  return (
    <section className="card" aria-labelledby="holding-signals-heading">
      <h2 id="holding-signals-heading">{t("signalsOnHoldings")}</h2>
      {screener.error ? (
        <ApiErrorMessage error={screener.error} what={t("highlightsLoad")} />
      ) : rows.length === 0 ? (
        <p className="muted">{t("noHoldings")}</p>
      ) : (
        <ul className="plain-list">
          {rows.map((row) => (
            <li key={row.symbol}>
              <Link to={`/stocks/${encodeURIComponent(row.symbol)}?tab=signals`}>{row.symbol}</Link>{" "}
              <span className="muted">{displayName(row, lang)}</span>{" "}
              <span className={`badge label-${row.label}`}>{t(`label_${row.label}`)}</span>{" "}
              <span className="num">{formatNumber(row.score, locale, 0)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function NotificationsCard() {
  const t = useText(dashboardText);
  const { locale } = useLang();
  const me = useMe();
  const notifications = useNotifications(true);
  const latest = (notifications.data?.results ?? []).slice(0, 5);
  return (
    <section className="card" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t("notifications")}</h2>
      {notifications.error ? (
        <ApiErrorMessage error={notifications.error} what={t("notificationsLoad")} />
      ) : latest.length === 0 ? (
        <p className="muted">{t("noNotifications")}</p>
      ) : (
        <ul className="plain-list notifications">
          {latest.map((n) => (
            <li key={n.id} className={n.read_at ? "read" : "unread"}>
              <strong>{n.title}</strong> <span className="muted small">{formatDateTime(n.created_at, locale, me.data?.timezone)}</span>
              <br />
              {n.message}
            </li>
          ))}
        </ul>
      )}
      <Link to="/notifications">{t("allNotifications")}</Link>
    </section>
  );
}

// Name, symbol, exchange, currency, the last price (live when quotes arrive) and the actions.
import type { Schemas } from "../../api/client";
import { SyntheticBadge } from "../../components/SyntheticBadge/SyntheticBadge";
import { direction, formatDate, formatPercentPoints, formatPrice, formatSigned } from "../../format";
import { useLang, useText } from "../../i18n";
import { useLiveQuote } from "../../live";
import { StockActions } from "./StockActions";
import { stockText } from "./text";

export function StockHeader({ overview }: { overview: Schemas["OverviewResponse"] }) {
  const t = useText(stockText);
  const { locale } = useLang();
  const live = useLiveQuote(overview.symbol);
  const quote = overview.quote;
  const price = live?.price ?? quote?.close ?? null;
  const change = live ? live.change : (quote?.change ?? null);
  const changePct = live ? live.change_percent : (quote?.change_percent ?? null);
  const digits = overview.currency === "KRW" ? 0 : 2;
  const dir = direction(change);
  return (
    <header className="stock-header card">
      <div className="stock-title">
        <h1>
          {overview.name}
          {overview.name_local && overview.name_local !== overview.name && (
            <span className="stock-local-name" lang="ko">
              {overview.name_local}
            </span>
          )}
        </h1>
        <p className="stock-ids">
          <strong>{overview.symbol}</strong>
          <span>
            {t("exchange")}: {overview.exchange}
          </span>
          <span>
            {t("currency")}: {overview.currency}
          </span>
          <SyntheticBadge show={overview.synthetic || live?.synthetic} />
        </p>
      </div>
      <div className="stock-price" aria-live="polite">
        <span className="stock-last num" data-testid="last-price">
          {formatPrice(price, overview.currency, locale)}
        </span>
        <span className={`num ${dir}`}>
          {formatSigned(change, locale, digits)} ({formatPercentPoints(changePct, locale)})
        </span>
        <span className="muted small">
          {live ? t("livePrice") : quote ? t("asOf", { date: formatDate(quote.date, locale) }) : ""}
        </span>
      </div>
      <StockActions symbol={overview.symbol} currency={overview.currency} lastPrice={price} />
    </header>
  );
}

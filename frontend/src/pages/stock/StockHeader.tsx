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
  const { lang, locale } = useLang();
  const live = useLiveQuote(overview.symbol);
  const quote = overview.quote;
  const price = live?.price ?? quote?.close ?? null;
  const change = live ? live.change : (quote?.change ?? null);
  const changePct = live ? live.change_percent : (quote?.change_percent ?? null);
  const digits = overview.currency === "KRW" ? 0 : 2;
  // Korean pages lead with the Korean name, English pages with the English one; both are shown.
  const local = overview.name_local && overview.name_local !== overview.name ? overview.name_local : "";
  const primary = lang === "ko" && local ? local : overview.name;
  const secondary = local ? (primary === local ? overview.name : local) : "";
  const dir = direction(change);
  return (
    <header className="stock-header card">
      <div className="stock-title">
        <h1>
          {primary}
          {secondary && (
            <span className="stock-local-name" lang={lang === "ko" ? "en" : "ko"}>
              {secondary}
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

// KOSPI, KOSDAQ, S&P 500, USD/KRW, BTC/KRW and gold: last value, change and a month's sparkline.
import { Link } from "react-router";

import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { Sparkline } from "../../components/Sparkline/Sparkline";
import { SyntheticBadge } from "../../components/SyntheticBadge/SyntheticBadge";
import { direction, formatNumber, formatPercent, formatSigned } from "../../format";
import { useLang, useText } from "../../i18n";
import { useLiveQuote } from "../../live";
import { MARKET_SYMBOLS, useMarketStrip } from "./queries";
import { dashboardText } from "./text";

/** Decimals for a market figure: won-priced crypto none, everything else two. */
function digitsFor(symbol: string): number {
  return symbol === "BTC-KRW" ? 0 : 2;
}

export function MarketStrip() {
  const t = useText(dashboardText);
  const { lang, locale } = useLang();
  const results = useMarketStrip();
  const synthetic = results.some((r) => r.data?.synthetic);
  return (
    <section aria-labelledby="markets-heading" className="market-strip-section">
      <h2 id="markets-heading">
        {t("markets")} <SyntheticBadge show={synthetic} />
      </h2>
      <ul className="market-strip" data-testid="market-strip">
        {results.map((result, index) => {
          const symbol = MARKET_SYMBOLS[index]!;
          if (result.error) {
            return (
              <li key={symbol} className="market-item card">
                <strong>{symbol}</strong>
                <ApiErrorMessage error={result.error} what={t("market")} />
              </li>
            );
          }
          const data = result.data;
          const closes = (data?.bars ?? []).map((bar) => bar.close);
          const name = data ? (lang === "ko" && data.name_local ? data.name_local : data.name) : symbol;
          return <MarketItem key={symbol} symbol={symbol} name={name} closes={closes} loading={data === undefined} digits={digitsFor(symbol)} locale={locale} sparkLabel={(from, to) => t("sparkline", { name, from, to })} />;
        })}
      </ul>
    </section>
  );
}

interface ItemProps {
  symbol: string;
  name: string;
  closes: number[];
  loading: boolean;
  digits: number;
  locale: string;
  sparkLabel: (from: string, to: string) => string;
}

function MarketItem({ symbol, name, closes, loading, digits, locale, sparkLabel }: ItemProps) {
  const live = useLiveQuote(symbol);
  const last = live?.price ?? closes[closes.length - 1] ?? null;
  const previous = closes.length >= 2 ? closes[closes.length - 2]! : null;
  const change = live?.change ?? (last !== null && previous !== null ? last - previous : null);
  const pct = live?.change_percent != null ? live.change_percent / 100 : change !== null && previous ? change / previous : null;
  const dir = direction(change);
  return (
    <li className="market-item card" aria-busy={loading}>
      <Link to={`/stocks/${encodeURIComponent(symbol)}`} className="market-name">
        {name}
      </Link>
      <span className="market-last num">{formatNumber(last, locale, digits)}</span>
      <span className={`market-change num ${dir}`}>
        {formatSigned(change, locale, digits)} ({formatPercent(pct, locale, { signed: true })})
      </span>
      <Sparkline
        values={closes}
        label={sparkLabel(formatNumber(closes[0] ?? null, locale, digits), formatNumber(last, locale, digits))}
      />
    </li>
  );
}

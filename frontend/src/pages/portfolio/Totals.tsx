// The portfolio's totals in its base currency; live figures from /ws/portfolio/ replace the stored
// ones while they arrive.
import type { Schemas } from "../../api/client";
import { SyntheticBadge } from "../../components/SyntheticBadge/SyntheticBadge";
import { direction, formatDate, formatDateTime, formatMoney, formatPercentPoints, formatPrice } from "../../format";
import { useLang, useText } from "../../i18n";
import type { LivePortfolio } from "../../realtime/portfolioStore";
import { portfolioText } from "./text";

interface Props {
  valuation: Schemas["Valuation"];
  live: LivePortfolio | undefined;
}

export function Totals({ valuation, live }: Props) {
  const t = useText(portfolioText);
  const { locale } = useLang();
  const total = valuation.total;
  const currency = valuation.base_currency;
  const useLive = live !== undefined && live.error === undefined && live.market_value != null;
  const pick = (stored: string | null, pushed: string | null | undefined) =>
    useLive && pushed !== undefined ? pushed : stored;
  const figures: { label: string; value: string | null; signed: boolean; pct?: string | null }[] = [
    { label: t("marketValue"), value: pick(total.market_value, live?.market_value), signed: false },
    { label: t("cost"), value: pick(total.cost, live?.cost), signed: false },
    {
      label: t("unrealised"),
      value: pick(total.unrealised_pnl, live?.unrealised_pnl),
      signed: true,
      pct: pick(total.unrealised_pnl_pct, live?.unrealised_pnl_pct),
    },
    {
      label: t("dayChange"),
      value: pick(total.day_change, live?.day_change),
      signed: true,
      pct: pick(total.day_change_pct, live?.day_change_pct),
    },
    { label: t("realised"), value: pick(total.realised_pnl, live?.realised_pnl), signed: true },
    { label: t("dividends"), value: total.dividends, signed: false },
  ];
  return (
    <section className="card" aria-labelledby="totals-title">
      <h2 id="totals-title">
        {t("totals")} <SyntheticBadge show={valuation.synthetic || live?.synthetic} />{" "}
        {useLive && (
          <span className="badge live-badge" title={t("liveAt", { time: formatDateTime(live.timestamp, locale) })}>
            {t("live")}
          </span>
        )}
      </h2>
      <dl className="figures" data-testid="portfolio-totals">
        {figures.map(({ label, value, signed, pct }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={signed ? `num ${direction(value)}` : "num"}>
              {formatMoney(value, currency, locale)}
              {pct !== undefined && <small> {formatPercentPoints(pct, locale)}</small>}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted small">
        {t("asOf", { date: formatDate(valuation.as_of, locale) })}
        {valuation.fx && (
          <span>
            {" · "}
            {t("fxRate", {
              pair: valuation.fx.pair,
              rate: formatPrice(valuation.fx.rate, "KRW", locale),
              date: formatDate(valuation.fx.date, locale),
            })}
          </span>
        )}
      </p>
    </section>
  );
}

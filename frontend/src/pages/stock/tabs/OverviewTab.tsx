// The company profile with its numbers in human units (1.2T, 3,456억).
import type { Schemas } from "../../../api/client";
import { formatHuman, formatHumanMoney, formatNumber, formatPercent, formatPrice } from "../../../format";
import { useLang, useText } from "../../../i18n";
import { tabsText } from "./text";

export function OverviewTab({ overview }: { overview: Schemas["OverviewResponse"] }) {
  const t = useText(tabsText);
  const { locale } = useLang();
  const profile = overview.profile;
  if (profile === null) return <p className="muted">{t("noProfile", { category: overview.category })}</p>;
  const money = profile.currency ?? overview.currency;
  const facts: [string, string][] = [
    [t("marketCap"), formatHumanMoney(profile.market_capitalization, money, locale)],
    [t("revenueTtm"), formatHumanMoney(profile.revenue_ttm, money, locale)],
    [t("ebitda"), formatHumanMoney(profile.ebitda, money, locale)],
    [t("peRatio"), formatNumber(profile.pe_ratio, locale)],
    [t("forwardPe"), formatNumber(profile.forward_pe, locale)],
    [t("pbRatio"), formatNumber(profile.price_to_book_ratio, locale)],
    [t("eps"), formatPrice(profile.eps, money, locale)],
    [t("dividendYield"), formatPercent(profile.dividend_yield, locale)],
    [t("profitMargin"), formatPercent(profile.profit_margin, locale)],
    [t("roe"), formatPercent(profile.return_on_equity_ttm, locale)],
    [t("beta"), formatNumber(profile.beta, locale)],
    [
      t("week52"),
      profile.week_52_low == null || profile.week_52_high == null
        ? "–"
        : `${formatPrice(profile.week_52_low, money, locale)} – ${formatPrice(profile.week_52_high, money, locale)}`,
    ],
    [t("analystTarget"), formatPrice(profile.analyst_target_price, money, locale)],
    [t("shares"), formatHuman(profile.shares_outstanding, locale)],
    [t("employees"), formatNumber(profile.full_time_employees, locale, 0)],
  ];
  return (
    <div className="overview">
      <div className="overview-text">
        <p className="overview-tags">
          {[profile.sector, profile.industry, profile.country].filter(Boolean).join(" · ")}
        </p>
        {profile.description && <p>{profile.description}</p>}
        {profile.official_site && /^https?:\/\//.test(profile.official_site) && (
          <p>
            {t("website")}:{" "}
            <a href={profile.official_site} rel="noopener noreferrer" target="_blank">
              {profile.official_site}
            </a>
          </p>
        )}
      </div>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="num">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

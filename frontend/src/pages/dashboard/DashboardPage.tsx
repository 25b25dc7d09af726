// /: markets, popular symbols, screener highlights and freshness; a signed-in user's portfolios,
// watchlist, signals on holdings and notifications.
import { Link } from "react-router";

import { useAuthStatus } from "../../auth/useAuth";
import { usePageTitle } from "../../components/usePageTitle";
import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";
import { MarketStrip } from "./MarketStrip";
import { HoldingSignals, NotificationsCard, PortfolioSummary, WatchlistCard } from "./PersonalCards";
import { FreshnessCard, HighlightsCard, PopularCard } from "./PublicCards";
import { useMarketStrip } from "./queries";
import { dashboardText } from "./text";
import "./dashboard.css";

export default function DashboardPage() {
  const t = useText(dashboardText);
  const tc = useText(commonText);
  const status = useAuthStatus();
  usePageTitle(t("title"));
  const strip = useMarketStrip();
  const usdKrwBars = strip[3]?.data?.bars ?? [];
  const usdKrw = usdKrwBars[usdKrwBars.length - 1]?.close ?? null;
  return (
    <div className="page dashboard">
      <h1 className="visually-hidden">{t("title")}</h1>
      <MarketStrip />
      {status === "signed-in" ? (
        <div className="grid">
          <PortfolioSummary usdKrw={usdKrw} />
          <WatchlistCard />
          <HoldingSignals />
          <NotificationsCard />
        </div>
      ) : status === "signed-out" ? (
        <p className="card welcome">
          {t("welcome")} <Link to="/login">{tc("login")}</Link> · <Link to="/register">{tc("register")}</Link>
        </p>
      ) : null}
      <div className="grid">
        <PopularCard />
        <HighlightsCard />
        <FreshnessCard />
      </div>
    </div>
  );
}

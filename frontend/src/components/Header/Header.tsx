// The header on every page: brand, navigation, symbol search, live indicator, language, theme and
// the login state.
import { NavLink } from "react-router";

import { useAuthStatus } from "../../auth/useAuth";
import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";
import { SymbolSearch } from "../SymbolSearch/SymbolSearch";
import { LangSwitch } from "./LangSwitch";
import { LiveIndicator } from "./LiveIndicator";
import { ThemeSwitch } from "./ThemeSwitch";
import { UserMenu } from "./UserMenu";

export function Header() {
  const t = useText(commonText);
  const status = useAuthStatus();
  return (
    <header className="header">
      <div className="header-row">
        <NavLink to="/" className="brand">
          {t("appName")}
        </NavLink>
        <SymbolSearch />
        <div className="header-tools">
          <LiveIndicator />
          <LangSwitch />
          <ThemeSwitch />
          <UserMenu />
        </div>
      </div>
      <nav className="nav" aria-label={t("mainNav")}>
        <NavLink to="/" end>
          {t("navDashboard")}
        </NavLink>
        <NavLink to="/screener">{t("navScreener")}</NavLink>
        {status === "signed-in" && (
          <>
            <NavLink to="/portfolios">{t("navPortfolios")}</NavLink>
            <NavLink to="/watchlists">{t("navWatchlists")}</NavLink>
            <NavLink to="/alerts">{t("navAlerts")}</NavLink>
          </>
        )}
      </nav>
    </header>
  );
}

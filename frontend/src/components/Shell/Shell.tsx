// The frame of every page: skip link, header, the routed page, footer with the chart attribution.
import { Suspense, useEffect } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";

import { onSessionExpired } from "../../auth/session";
import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";
import { Header } from "../Header/Header";

export function Shell() {
  const t = useText(commonText);
  const navigate = useNavigate();
  const location = useLocation();
  // An expired session sends the user to log in, and back here afterwards.
  useEffect(
    () =>
      onSessionExpired(() => {
        if (location.pathname === "/login") return;
        const next = location.pathname + location.search;
        void navigate(`/login?next=${encodeURIComponent(next)}&expired=1`);
      }),
    [navigate, location.pathname, location.search],
  );
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="page muted">{t("loading")}</p>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="footer">
        <a href="https://www.tradingview.com/" rel="noopener noreferrer" target="_blank">
          {t("chartAttribution")}
        </a>
        <a href="/api/docs/">{t("footerApi")}</a>
      </footer>
    </div>
  );
}

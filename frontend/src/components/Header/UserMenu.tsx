// Log in / register links, or the account menu with the unread notification count.
import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { Link, useLocation, useNavigate } from "react-router";

import { api, unwrap } from "../../api/client";
import { useAuthActions, useAuthStatus, useMe } from "../../auth/useAuth";
import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";

export const UNREAD_KEY = ["notifications", "unread-count"] as const;

export function UserMenu() {
  const t = useText(commonText);
  const status = useAuthStatus();
  const me = useMe();
  const { logout } = useAuthActions();
  const navigate = useNavigate();
  const location = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  const close = () => menu.current?.removeAttribute("open");
  const unread = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () =>
      unwrap(api.GET("/api/v1/users/notifications/", { params: { query: { unread: true, page_size: 1 } } })),
    enabled: status === "signed-in",
    staleTime: 30_000,
  });
  if (status === "unknown") return <span className="user-menu" aria-busy="true" />;
  if (status === "signed-out") {
    const next = location.pathname === "/login" ? "" : `?next=${encodeURIComponent(location.pathname)}`;
    return (
      <span className="user-menu">
        <Link to={`/login${next}`} className="btn btn-small">
          {t("login")}
        </Link>
        <Link to="/register" className="btn btn-small btn-primary">
          {t("register")}
        </Link>
      </span>
    );
  }
  const count = unread.data?.count ?? 0;
  return (
    <details
      ref={menu}
      className="user-menu dropdown"
      onClick={(event) => {
        if ((event.target as HTMLElement).closest("a, button")) close();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") close();
      }}
    >
      <summary aria-label={t("userMenu")}>
        <span className="user-name">{me.data?.display_name || me.data?.username || "…"}</span>
        <span aria-hidden="true">▾</span>
        {count > 0 && (
          <span className="count-badge" aria-label={t("unreadCount", { n: count })}>
            {count}
          </span>
        )}
      </summary>
      <ul className="dropdown-menu">
        <li>
          <Link to="/me">{t("myPage")}</Link>
        </li>
        {me.data?.is_staff && (
          <li>
            <Link to="/health">{t("dataHealth")}</Link>
          </li>
        )}
        <li>
          <Link to="/notifications">
            {t("notifications")}
            {count > 0 && ` (${t("unreadCount", { n: count })})`}
          </Link>
        </li>
        <li>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              void logout().then(() => navigate("/"));
            }}
          >
            {t("logout")}
          </button>
        </li>
      </ul>
    </details>
  );
}

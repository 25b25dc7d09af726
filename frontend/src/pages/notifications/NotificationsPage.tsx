// /notifications: the list (live: the socket invalidates it when one arrives), mark read, mark all
// read, delete.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";

import { api, unwrap } from "../../api/client";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { SignedInPage } from "../../components/RequireSignIn/RequireSignIn";
import { formatDateTime } from "../../format";
import { commonText } from "../../i18n/common";
import { useLang, useText } from "../../i18n";
import "../portfolio/portfolio.css";
import { notificationText } from "./text";

const PAGE_SIZE = 20;
export const NOTIFICATIONS_KEY = ["notifications"] as const;

function Notifications() {
  const t = useText(notificationText);
  const common = useText(commonText);
  const { locale } = useLang();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const unreadOnly = search.get("unread") === "true";
  const page = Math.max(1, Number(search.get("page") ?? "1") || 1);
  const list = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, "list", page, unreadOnly],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/users/notifications/", {
          params: { query: { page, page_size: PAGE_SIZE, ...(unreadOnly ? { unread: true } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const markRead = useMutation({
    mutationFn: (id: number) =>
      unwrap(api.POST("/api/v1/users/notifications/{id}/read/", { params: { path: { id: String(id) } } })),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/users/notifications/read-all/")),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: number) =>
      unwrap(api.DELETE("/api/v1/users/notifications/{id}/", { params: { path: { id: String(id) } } })),
    onSuccess: refresh,
  });
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setSearch(next);
  };
  if (list.error) return <ApiErrorMessage error={list.error} what={t("title")} onRetry={() => void list.refetch()} />;
  if (list.data === undefined) return <p className="muted">{common("loading")}</p>;
  const rows = list.data.results;
  const pages = Math.max(1, Math.ceil(list.data.count / PAGE_SIZE));
  const error = markRead.error ?? markAll.error ?? remove.error;
  return (
    <>
      <div className="page-head">
        <label className="check">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => go({ unread: e.target.checked ? "true" : null, page: null })} />
          {t("unreadOnly")}
        </label>
        <span className="muted">{t("total", { n: list.data.count })}</span>
        <button type="button" className="btn btn-small" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
          {t("markAllRead")}
        </button>
      </div>
      {error && <ApiErrorMessage error={error} />}
      {rows.length === 0 ? (
        <p className="muted">{unreadOnly ? t("noneUnread") : t("none")}</p>
      ) : (
        <ul className="notification-list" data-testid="notification-list">
          {rows.map((n) => (
            <li key={n.id} className={n.read_at === null ? "card notification unread" : "card notification"}>
              <div className="notification-head">
                <strong>{n.title}</strong>
                {n.read_at === null && <span className="badge badge-unread">{t("unread")}</span>}
                <time className="muted small" dateTime={n.created_at}>
                  {formatDateTime(n.created_at, locale)}
                </time>
              </div>
              {n.message && <p>{n.message}</p>}
              <div className="row-actions">
                {n.read_at === null && (
                  <button type="button" className="btn btn-small" onClick={() => markRead.mutate(n.id)}>
                    {t("markRead")} <span className="visually-hidden">{n.title}</span>
                  </button>
                )}
                <button type="button" className="btn btn-small" onClick={() => remove.mutate(n.id)}>
                  {t("delete")} <span className="visually-hidden">{n.title}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t("title")}>
          <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
            {t("previous")}
          </button>
          <span>{t("page", { page, pages })}</span>
          <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => go({ page: String(page + 1) })}>
            {t("next")}
          </button>
        </nav>
      )}
    </>
  );
}

export default function NotificationsPage() {
  const t = useText(notificationText);
  return (
    <SignedInPage title={t("title")} intro={t("intro")} signIn={t("signIn")}>
      <Notifications />
    </SignedInPage>
  );
}

// /watchlists: create, rename and delete lists; add and remove symbols with the autocomplete.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";

import { api, unwrap } from "../../api/client";
import type { Schemas } from "../../api/client";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { SignedInPage } from "../../components/RequireSignIn/RequireSignIn";
import { SymbolPicker } from "../../components/SymbolPicker/SymbolPicker";
import { SyntheticBadge } from "../../components/SyntheticBadge/SyntheticBadge";
import { direction, formatDate, formatPercentPoints, formatPrice } from "../../format";
import { commonText } from "../../i18n/common";
import { useLang, useText } from "../../i18n";
import "../portfolio/portfolio.css";
import { watchlistText } from "./text";

/** Every watchlist query (this page's and the dashboard's) starts with this key. */
export const WATCHLISTS_KEY = ["watchlists"] as const;

function Watchlist({ list }: { list: Schemas["Watchlist"] }) {
  const t = useText(watchlistText);
  const { locale } = useLang();
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(list.name);
  const [symbol, setSymbol] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: WATCHLISTS_KEY });
  const path = { id: String(list.id) };
  const rename = useMutation({
    mutationFn: () => unwrap(api.PATCH("/api/v1/users/watchlists/{id}/", { params: { path }, body: { name } })),
    onSuccess: async () => {
      setRenaming(false);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/users/watchlists/{id}/", { params: { path } })),
    onSuccess: refresh,
  });
  const add = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/users/watchlists/{id}/items/", { params: { path }, body: { symbol } })),
    onSuccess: async () => {
      setSymbol("");
      await refresh();
    },
  });
  const removeItem = useMutation({
    mutationFn: (item: string) =>
      unwrap(api.DELETE("/api/v1/users/watchlists/{id}/items/{symbol}/", { params: { path: { ...path, symbol: item } } })),
    onSuccess: refresh,
  });
  const error = rename.error ?? remove.error ?? removeItem.error;
  return (
    <article className="card" aria-label={list.name} data-testid="watchlist">
      <div className="page-head">
        {renaming ? (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              rename.mutate();
            }}
          >
            <label className="field">
              {t("name")}
              <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
            </label>
            <button type="submit" className="btn btn-small btn-primary">
              {t("save")}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setRenaming(false)}>
              {t("cancel")}
            </button>
          </form>
        ) : (
          <h2>{list.name}</h2>
        )}
        <span className="row-actions">
          {!renaming && (
            <button type="button" className="btn btn-small" onClick={() => setRenaming(true)}>
              {t("rename")}
            </button>
          )}
          <button
            type="button"
            className="btn btn-small danger"
            onClick={() => {
              if (window.confirm(t("confirmDelete", { name: list.name }))) remove.mutate();
            }}
          >
            {t("delete")}
          </button>
        </span>
      </div>
      {error && <ApiErrorMessage error={error} />}
      {list.items.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("symbol")}</th>
                <th scope="col" className="num">{t("last")}</th>
                <th scope="col" className="num">{t("change")}</th>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.symbol}>
                  <th scope="row">
                    <Link to={`/stocks/${encodeURIComponent(item.symbol)}`}>{item.symbol}</Link>
                    <div className="muted small">
                      {item.name} {item.synthetic && <SyntheticBadge />}
                    </div>
                  </th>
                  {item.quote ? (
                    <>
                      <td className="num">{formatPrice(item.quote.last, item.currency, locale)}</td>
                      <td className={`num ${direction(item.quote.change_pct)}`}>{formatPercentPoints(item.quote.change_pct, locale)}</td>
                      <td>{formatDate(item.quote.date, locale)}</td>
                    </>
                  ) : (
                    <td colSpan={3} className="muted">
                      {t("noPrice")}
                    </td>
                  )}
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={t("removeSymbol", { symbol: item.symbol })}
                      onClick={() => removeItem.mutate(item.symbol)}
                    >
                      {t("remove")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <SymbolPicker label={t("addSymbol")} value={symbol} onChange={setSymbol} required />
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>
          {t("add")}
        </button>
      </form>
      {add.error && <ApiErrorMessage error={add.error} />}
    </article>
  );
}

function Watchlists() {
  const t = useText(watchlistText);
  const common = useText(commonText);
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const lists = useQuery({
    queryKey: [...WATCHLISTS_KEY, "all"],
    queryFn: () => unwrap(api.GET("/api/v1/users/watchlists/", { params: { query: { page_size: 200 } } })),
  });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/users/watchlists/", { body: { name } })),
    onSuccess: async () => {
      setName("");
      await queryClient.invalidateQueries({ queryKey: WATCHLISTS_KEY });
    },
  });
  if (lists.error) return <ApiErrorMessage error={lists.error} what={t("title")} onRetry={() => void lists.refetch()} />;
  if (lists.data === undefined) return <p className="muted">{common("loading")}</p>;
  return (
    <>
      {lists.data.results.length === 0 && <p className="muted">{t("none")}</p>}
      {lists.data.results.map((list) => (
        <Watchlist key={list.id} list={list} />
      ))}
      <form
        className="card inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <label className="field">
          {t("create")}
          <input name="watchlist-name" placeholder={t("name")} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </label>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t("createButton")}
        </button>
        {create.error && <ApiErrorMessage error={create.error} />}
      </form>
    </>
  );
}

export default function WatchlistsPage() {
  const t = useText(watchlistText);
  return (
    <SignedInPage title={t("title")} intro={t("intro")} signIn={t("signIn")}>
      <Watchlists />
    </SignedInPage>
  );
}

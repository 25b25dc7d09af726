// /alerts: create, list, edit (threshold, condition, on/off, note) and delete price alerts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";

import { api, unwrap } from "../../api/client";
import type { Schemas } from "../../api/client";
import { ApiError } from "../../api/errors";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { SignedInPage } from "../../components/RequireSignIn/RequireSignIn";
import { SymbolPicker } from "../../components/SymbolPicker/SymbolPicker";
import { formatDateTime, formatNumber } from "../../format";
import { commonText } from "../../i18n/common";
import { useLang, useText } from "../../i18n";
import "../portfolio/portfolio.css";
import { alertText } from "./text";

type Kind = Schemas["AlertKindEnum"];
type Alert = Schemas["PriceAlert"];
const KINDS: readonly Kind[] = ["price_above", "price_below", "change_up", "change_down", "rsi_above", "rsi_below"];
export const ALERTS_KEY = ["alerts"] as const;

function KindSelect({ value, onChange }: { value: Kind; onChange: (kind: Kind) => void }) {
  const t = useText(alertText);
  return (
    <label className="field">
      {t("kind")}
      <select name="kind" value={value} onChange={(e) => onChange(e.target.value as Kind)}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind_${k}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function CreateAlert() {
  const t = useText(alertText);
  const queryClient = useQueryClient();
  const [search] = useSearchParams();
  const [symbol, setSymbol] = useState(() => (search.get("symbol") ?? "").toUpperCase());
  const [kind, setKind] = useState<Kind>("price_above");
  const [threshold, setThreshold] = useState("");
  const [period, setPeriod] = useState("14");
  const [note, setNote] = useState("");
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/users/alerts/", {
          body: {
            symbol,
            kind,
            threshold,
            ...(kind.startsWith("rsi") ? { rsi_period: Number(period) } : {}),
            ...(note ? { note } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      setThreshold("");
      setNote("");
      await queryClient.invalidateQueries({ queryKey: ALERTS_KEY });
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fieldErrors : {};
  return (
    <form
      className="card form form-wide"
      aria-labelledby="new-alert"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <h2 id="new-alert">{t("create")}</h2>
      <div className="form-row">
        <SymbolPicker label={t("symbol")} value={symbol} onChange={setSymbol} required error={fields.symbol?.join(" ")} />
        <KindSelect value={kind} onChange={setKind} />
        <label className="field">
          {t("threshold")}
          <input name="threshold" inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} required />
          {fields.threshold && <span className="field-error">{fields.threshold.join(" ")}</span>}
        </label>
        {kind.startsWith("rsi") && (
          <label className="field">
            {t("rsiPeriod")}
            <input name="rsi_period" type="number" min={2} max={100} value={period} onChange={(e) => setPeriod(e.target.value)} />
            {fields.rsi_period && <span className="field-error">{fields.rsi_period.join(" ")}</span>}
          </label>
        )}
        <label className="field">
          {t("note")}
          <input name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
        </label>
      </div>
      {create.error && <ApiErrorMessage error={create.error} />}
      <div>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t("createButton")}
        </button>
      </div>
    </form>
  );
}

function AlertRow({ alert }: { alert: Alert }) {
  const t = useText(alertText);
  const { locale } = useLang();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [kind, setKind] = useState<Kind>(alert.kind);
  const [threshold, setThreshold] = useState(alert.threshold);
  const [note, setNote] = useState(alert.note);
  const path = { id: String(alert.id) };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ALERTS_KEY });
  const update = useMutation({
    mutationFn: (body: Schemas["PatchedPriceAlertUpdateRequest"]) =>
      unwrap(api.PATCH("/api/v1/users/alerts/{id}/", { params: { path }, body })),
    onSuccess: async () => {
      setEditing(false);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/users/alerts/{id}/", { params: { path } })),
    onSuccess: refresh,
  });
  const state = alert.condition_met === null ? t("notEvaluated") : alert.condition_met ? t("met") : t("notMet");
  return (
    <>
      <tr data-alert={alert.id}>
        <th scope="row">
          <Link to={`/stocks/${encodeURIComponent(alert.symbol)}`}>{alert.symbol}</Link>
        </th>
        <td>
          {t(`kind_${alert.kind}`)} <strong>{alert.threshold}</strong>
          {alert.kind.startsWith("rsi") && <span className="muted small"> (RSI {alert.rsi_period})</span>}
          {alert.note && <div className="muted small">{alert.note}</div>}
        </td>
        <td>
          <label className="check">
            <input
              type="checkbox"
              checked={alert.is_active}
              onChange={(e) => update.mutate({ is_active: e.target.checked })}
              aria-label={`${t("active")} ${alert.symbol}`}
            />
            {t("active")}
          </label>
        </td>
        <td>
          {state}
          {alert.last_value !== null && (
            <div className="muted small">
              {t("lastValue")}: {formatNumber(alert.last_value, locale, 2)}
            </div>
          )}
        </td>
        <td>
          {alert.trigger_count > 0 ? t("times", { n: alert.trigger_count }) : "–"}
          {alert.last_triggered_at && <div className="muted small">{formatDateTime(alert.last_triggered_at, locale)}</div>}
        </td>
        <td>
<span className="row-actions">
          <button type="button" className="btn btn-small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {t("edit")} <span className="visually-hidden">{alert.symbol}</span>
          </button>
          <button
            type="button"
            className="btn btn-small danger"
            onClick={() => {
              if (window.confirm(t("confirmDelete", { symbol: alert.symbol }))) remove.mutate();
            }}
          >
            {t("delete")} <span className="visually-hidden">{alert.symbol}</span>
          </button>
        </span>
</td>
      </tr>
      {(editing || update.error || remove.error) && (
        <tr>
          <td colSpan={6}>
            {editing && (
              <form
                className="inline-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  update.mutate({ kind, threshold, note });
                }}
              >
                <KindSelect value={kind} onChange={setKind} />
                <label className="field">
                  {t("threshold")}
                  <input inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} required />
                </label>
                <label className="field">
                  {t("note")}
                  <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
                </label>
                <button type="submit" className="btn btn-small btn-primary">
                  {t("save")}
                </button>
                <button type="button" className="btn btn-small" onClick={() => setEditing(false)}>
                  {t("cancel")}
                </button>
              </form>
            )}
            {(update.error ?? remove.error) && <ApiErrorMessage error={update.error ?? remove.error} />}
          </td>
        </tr>
      )}
    </>
  );
}

function Alerts() {
  const t = useText(alertText);
  const common = useText(commonText);
  const alerts = useQuery({
    queryKey: [...ALERTS_KEY, "all"],
    queryFn: () => unwrap(api.GET("/api/v1/users/alerts/", { params: { query: { page_size: 200 } } })),
  });
  return (
    <>
      <CreateAlert />
      {alerts.error ? (
        <ApiErrorMessage error={alerts.error} what={t("title")} onRetry={() => void alerts.refetch()} />
      ) : alerts.data === undefined ? (
        <p className="muted">{common("loading")}</p>
      ) : alerts.data.results.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <div className="card table-scroll">
          <table className="data" data-testid="alerts-table">
            <thead>
              <tr>
                <th scope="col">{t("symbol")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("active")}</th>
                <th scope="col">{t("state")}</th>
                <th scope="col">{t("fired")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.results.map((alert) => (
                <AlertRow key={alert.id} alert={alert} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export default function AlertsPage() {
  const t = useText(alertText);
  return (
    <SignedInPage title={t("title")} intro={t("intro")} signIn={t("signIn")}>
      <Alerts />
    </SignedInPage>
  );
}

// Add to watchlist, add to portfolio, create an alert: small forms that open in place.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useLocation } from "react-router";

import { api, unwrap } from "../../api/client";
import type { Schemas } from "../../api/client";
import { ApiError } from "../../api/errors";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { useAuthStatus } from "../../auth/useAuth";
import { useText } from "../../i18n";
import { stockText } from "./text";

type Panel = "none" | "portfolio" | "alert";
const ALERT_KINDS: readonly Schemas["AlertKindEnum"][] = [
  "price_above",
  "price_below",
  "change_up",
  "change_down",
  "rsi_above",
  "rsi_below",
];

interface Props {
  symbol: string;
  currency: string;
  lastPrice: number | null;
}

export function StockActions({ symbol, currency, lastPrice }: Props) {
  const t = useText(stockText);
  const status = useAuthStatus();
  const location = useLocation();
  const [panel, setPanel] = useState<Panel>("none");
  const [done, setDone] = useState<string | null>(null);
  if (status !== "signed-in") {
    return (
      <p className="stock-actions muted">
        <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t("signInToAct")}</Link>
      </p>
    );
  }
  const toggle = (next: Panel) => {
    setDone(null);
    setPanel((current) => (current === next ? "none" : next));
  };
  return (
    <div className="stock-actions">
      <div className="action-buttons">
        <WatchlistButton symbol={symbol} onDone={setDone} />
        <button type="button" className="btn btn-small" aria-expanded={panel === "portfolio"} onClick={() => toggle("portfolio")}>
          {t("addToPortfolio")}
        </button>
        <button type="button" className="btn btn-small" aria-expanded={panel === "alert"} onClick={() => toggle("alert")}>
          {t("createAlert")}
        </button>
      </div>
      {done !== null && (
        <p className="action-done" role="status">
          {done}
        </p>
      )}
      {panel === "portfolio" && (
        <HoldingForm symbol={symbol} currency={currency} lastPrice={lastPrice} onDone={(m) => { setDone(m); setPanel("none"); }} onCancel={() => setPanel("none")} />
      )}
      {panel === "alert" && (
        <AlertForm symbol={symbol} lastPrice={lastPrice} onDone={(m) => { setDone(m); setPanel("none"); }} onCancel={() => setPanel("none")} />
      )}
    </div>
  );
}

function WatchlistButton({ symbol, onDone }: { symbol: string; onDone: (message: string) => void }) {
  const t = useText(stockText);
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: async () => {
      const lists = await unwrap(api.GET("/api/v1/users/watchlists/"));
      const target =
        lists.results[0] ?? (await unwrap(api.POST("/api/v1/users/watchlists/", { body: { name: "Watchlist" } })));
      await unwrap(
        api.POST("/api/v1/users/watchlists/{id}/items/", { params: { path: { id: String(target.id) } }, body: { symbol } }),
      );
      return target.name;
    },
    onSuccess: (name) => {
      void queryClient.invalidateQueries({ queryKey: ["watchlists"] });
      onDone(t("addedToWatchlist", { name }));
    },
  });
  return (
    <>
      <button type="button" className="btn btn-small" disabled={add.isPending} onClick={() => add.mutate()}>
        {t("addToWatchlist")}
      </button>
      {add.error && <ApiErrorMessage error={add.error} what={t("whatWatchlist")} />}
    </>
  );
}

interface FormProps {
  symbol: string;
  lastPrice: number | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function HoldingForm({ symbol, currency, lastPrice, onDone, onCancel }: FormProps & { currency: string }) {
  const t = useText(stockText);
  const queryClient = useQueryClient();
  const portfolios = useQuery({
    queryKey: ["portfolios"],
    queryFn: () => unwrap(api.GET("/api/v1/users/portfolios/")),
  });
  const holdingPortfolios = (portfolios.data?.results ?? []).filter((p) => p.mode !== "ledger");
  const [portfolio, setPortfolio] = useState<string>("");
  const [quantity, setQuantity] = useState("1");
  const [price, setPrice] = useState(lastPrice === null ? "" : String(lastPrice));
  const create = useMutation({
    mutationFn: (body: Schemas["HoldingCreateRequest"]) => unwrap(api.POST("/api/v1/users/portfolio/", { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["portfolios"] });
      void queryClient.invalidateQueries({ queryKey: ["valuation"] });
      const chosen = holdingPortfolios.find((p) => String(p.id) === portfolio) ?? holdingPortfolios.find((p) => p.is_default) ?? holdingPortfolios[0];
      onDone(t("addedHolding", { name: chosen?.name ?? "" }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = portfolio || String(holdingPortfolios.find((p) => p.is_default)?.id ?? holdingPortfolios[0]?.id ?? "");
    create.mutate({
      symbol,
      quantity,
      average_price: price,
      ...(chosen ? { portfolio: Number(chosen) } : {}),
    });
  };
  const errors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  return (
    <form className="inline-form card" onSubmit={submit}>
      {holdingPortfolios.length > 1 && (
        <label className="field">
          <span>{t("portfolio")}</span>
          <select value={portfolio} onChange={(e) => setPortfolio(e.target.value)}>
            {holdingPortfolios.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.base_currency})
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{t("quantity")}</span>
        <input inputMode="decimal" required value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        {errors.quantity && <span className="field-error">{errors.quantity.join(" ")}</span>}
      </label>
      <label className="field">
        <span>
          {t("averagePrice")} ({currency})
        </span>
        <input inputMode="decimal" required value={price} onChange={(e) => setPrice(e.target.value)} />
        {errors.average_price && <span className="field-error">{errors.average_price.join(" ")}</span>}
      </label>
      {create.error && <ApiErrorMessage error={create.error} what={t("whatHolding")} />}
      <div className="form-buttons">
        <button type="submit" className="btn btn-primary btn-small" disabled={create.isPending}>
          {t("save")}
        </button>
        <button type="button" className="btn btn-small" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

function AlertForm({ symbol, lastPrice, onDone, onCancel }: FormProps) {
  const t = useText(stockText);
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Schemas["AlertKindEnum"]>("price_above");
  const [threshold, setThreshold] = useState(lastPrice === null ? "" : String(lastPrice));
  const create = useMutation({
    mutationFn: (body: Schemas["PriceAlertCreateRequest"]) => unwrap(api.POST("/api/v1/users/alerts/", { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["alerts"] });
      onDone(t("alertCreated"));
    },
  });
  return (
    <form
      className="inline-form card"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ symbol, kind, threshold });
      }}
    >
      <label className="field">
        <span>{t("alertKind")}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as Schemas["AlertKindEnum"])}>
          {ALERT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind_${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("threshold")}</span>
        <input inputMode="decimal" required value={threshold} onChange={(e) => setThreshold(e.target.value)} />
      </label>
      {create.error && <ApiErrorMessage error={create.error} what={t("whatAlert")} />}
      <div className="form-buttons">
        <button type="submit" className="btn btn-primary btn-small" disabled={create.isPending}>
          {t("save")}
        </button>
        <button type="button" className="btn btn-small" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

// Holdings with their valuation: quantity, average and last price, value in the asset's and the
// base currency, P&L, day change, weight; edit and remove in holdings mode.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";

import { api, unwrap } from "../../api/client";
import type { Schemas } from "../../api/client";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { direction, formatMoney, formatNumber, formatPercentPoints, formatPrice } from "../../format";
import { useLang, useText } from "../../i18n";
import { portfolioKey } from "./queries";
import { portfolioText } from "./text";

type Holding = Schemas["Holding"];
type Row = Schemas["HoldingValuation"];

interface Props {
  portfolioId: number;
  baseCurrency: string;
  rows: Row[];
  holdings: Holding[];
  editable: boolean;
}

function EditRow({ holding, portfolioId, onDone }: { holding: Holding; portfolioId: number; onDone: () => void }) {
  const t = useText(portfolioText);
  const queryClient = useQueryClient();
  const [quantity, setQuantity] = useState(holding.quantity);
  const [average, setAverage] = useState(holding.average_price);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH("/api/v1/users/portfolio/{id}/", {
          params: { path: { id: String(holding.id) } },
          body: { quantity, average_price: average },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: portfolioKey(portfolioId) });
      onDone();
    },
  });
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <label className="field">
        {t("quantity")}
        <input inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} required />
      </label>
      <label className="field">
        {t("averagePrice")}
        <input inputMode="decimal" value={average} onChange={(e) => setAverage(e.target.value)} required />
      </label>
      <button type="submit" className="btn btn-small btn-primary" disabled={save.isPending}>
        {t("save")}
      </button>
      <button type="button" className="btn btn-small" onClick={onDone}>
        {t("cancel")}
      </button>
      {save.error && <ApiErrorMessage error={save.error} />}
    </form>
  );
}

export function HoldingsTable({ portfolioId, baseCurrency, rows, holdings, editable }: Props) {
  const t = useText(portfolioText);
  const { locale } = useLang();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<number | null>(null);
  const bySymbol = new Map(holdings.map((h) => [h.symbol, h]));
  const remove = useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE("/api/v1/users/portfolio/{id}/", { params: { path: { id: String(id) } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portfolioKey(portfolioId) }),
  });
  if (rows.length === 0) return <p className="muted">{t("noHoldings")}</p>;
  const columns = editable ? 12 : 11;
  return (
    <>
      {remove.error && <ApiErrorMessage error={remove.error} />}
      <div className="table-scroll">
        <table className="data" data-testid="holdings-table">
          <thead>
            <tr>
              <th scope="col">{t("symbol")}</th>
              <th scope="col" className="num">{t("quantity")}</th>
              <th scope="col" className="num">{t("averagePrice")}</th>
              <th scope="col" className="num">{t("lastPrice")}</th>
              <th scope="col" className="num">{t("valueLocal")}</th>
              <th scope="col" className="num">{t("valueBase", { currency: baseCurrency })}</th>
              <th scope="col" className="num">{t("pnl")}</th>
              <th scope="col" className="num">{t("pnlPct")}</th>
              <th scope="col" className="num">{t("dayChange")}</th>
              <th scope="col" className="num">%</th>
              <th scope="col" className="num">{t("weight")}</th>
              {editable && <th scope="col">{t("actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const holding = bySymbol.get(row.symbol);
              const currency = row.local?.currency ?? holding?.currency ?? baseCurrency;
              return [
                <tr key={row.symbol} data-symbol={row.symbol}>
                  <th scope="row">
                    <Link to={`/stocks/${encodeURIComponent(row.symbol)}`}>{row.symbol}</Link>
                    {holding?.name && <div className="muted small">{holding.name}</div>}
                  </th>
                  <td className="num">{formatNumber(row.quantity, locale, 4).replace(/\.?0+$/, "")}</td>
                  <td className="num">{formatPrice(row.average_price, currency, locale)}</td>
                  <td className="num">{formatPrice(row.last_price, currency, locale)}</td>
                  <td className="num">{formatMoney(row.local?.market_value, currency, locale)}</td>
                  <td className="num" data-testid="holding-value">{formatMoney(row.base?.market_value, baseCurrency, locale)}</td>
                  <td className={`num ${direction(row.base?.unrealised_pnl)}`} data-testid="holding-pnl">
                    {formatMoney(row.base?.unrealised_pnl, baseCurrency, locale)}
                  </td>
                  <td className={`num ${direction(row.base?.unrealised_pnl_pct)}`}>
                    {formatPercentPoints(row.base?.unrealised_pnl_pct, locale)}
                  </td>
                  <td className={`num ${direction(row.base?.day_change)}`}>{formatMoney(row.base?.day_change, baseCurrency, locale)}</td>
                  <td className={`num ${direction(row.base?.day_change_pct)}`}>{formatPercentPoints(row.base?.day_change_pct, locale)}</td>
                  <td className="num">{formatPercentPoints(row.weight_pct, locale, false)}</td>
                  {editable && (
                    <td>
<span className="row-actions">
                      {holding && (
                        <>
                          <button
                            type="button"
                            className="btn btn-small"
                            aria-expanded={editing === holding.id}
                            onClick={() => setEditing(editing === holding.id ? null : holding.id)}
                          >
                            {t("edit")} <span className="visually-hidden">{row.symbol}</span>
                          </button>
                          <button
                            type="button"
                            className="btn btn-small"
                            onClick={() => {
                              if (window.confirm(t("confirmRemove", { symbol: row.symbol }))) remove.mutate(holding.id);
                            }}
                          >
                            {t("remove")} <span className="visually-hidden">{row.symbol}</span>
                          </button>
                        </>
                      )}
                    </span>
</td>
                  )}
                </tr>,
                editable && holding && editing === holding.id ? (
                  <tr key={`${row.symbol}-edit`}>
                    <td colSpan={columns}>
                      <EditRow holding={holding} portfolioId={portfolioId} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

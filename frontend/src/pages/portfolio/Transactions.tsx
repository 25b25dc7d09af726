// A ledger portfolio's transactions and the form to record a buy, sell, dividend or fee. The
// server's refusal (selling more than is held) shows inside the form.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { api, unwrap } from "../../api/client";
import type { Schemas } from "../../api/client";
import { ApiError } from "../../api/errors";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { SymbolPicker } from "../../components/SymbolPicker/SymbolPicker";
import { formatDate, formatMoney, formatPrice } from "../../format";
import { useLang, useText } from "../../i18n";
import { portfolioKey, useTransactions } from "./queries";
import { portfolioText } from "./text";

type Kind = Schemas["TransactionKindEnum"];
const KINDS: readonly Kind[] = ["buy", "sell", "dividend", "fee"];

function today(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

export function TransactionForm({ portfolioId }: { portfolioId: number }) {
  const t = useText(portfolioText);
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>("buy");
  const [symbol, setSymbol] = useState("");
  const [date, setDate] = useState(today);
  const [quantity, setQuantity] = useState("");
  const [price, setPrice] = useState("");
  const [fee, setFee] = useState("");
  const [note, setNote] = useState("");
  const record = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/users/transactions/", {
          body: {
            portfolio: portfolioId,
            kind,
            symbol,
            date,
            quantity,
            price,
            ...(fee ? { fee } : {}),
            ...(note ? { note } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      setQuantity("");
      setPrice("");
      setFee("");
      setNote("");
      await queryClient.invalidateQueries({ queryKey: portfolioKey(portfolioId) });
    },
  });
  const fields = record.error instanceof ApiError ? record.error.fieldErrors : {};
  const fieldError = (name: string) =>
    fields[name] ? <span className="field-error">{fields[name].join(" ")}</span> : null;
  return (
    <form
      className="form form-wide"
      aria-labelledby="add-tx-title"
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate();
      }}
    >
      <h3 id="add-tx-title">{t("addTransaction")}</h3>
      <div className="form-row">
        <label className="field">
          {t("kind")}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind_${k}`)}
              </option>
            ))}
          </select>
        </label>
        <SymbolPicker label={t("symbol")} value={symbol} onChange={setSymbol} required error={fields.symbol?.join(" ")} />
        <label className="field">
          {t("date")}
          <input name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
          {fieldError("date")}
        </label>
        <label className="field">
          {t("quantity")}
          <input name="quantity" inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} required />
          {fieldError("quantity")}
        </label>
        <label className="field">
          {kind === "dividend" ? t("priceDividend") : t("price")}
          <input name="price" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} required />
          {fieldError("price")}
        </label>
        <label className="field">
          {t("fee")}
          <input name="fee" inputMode="decimal" value={fee} onChange={(e) => setFee(e.target.value)} />
          {fieldError("fee")}
        </label>
        <label className="field">
          {t("note")}
          <input name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
        </label>
      </div>
      {record.error && <ApiErrorMessage error={record.error} />}
      <div>
        <button type="submit" className="btn btn-primary" disabled={record.isPending}>
          {t("record")}
        </button>
      </div>
    </form>
  );
}

export function TransactionsList({ portfolioId }: { portfolioId: number }) {
  const t = useText(portfolioText);
  const { locale } = useLang();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useTransactions(portfolioId, page, true);
  const remove = useMutation({
    mutationFn: (id: number) =>
      unwrap(api.DELETE("/api/v1/users/transactions/{id}/", { params: { path: { id: String(id) } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portfolioKey(portfolioId) }),
  });
  if (list.error) return <ApiErrorMessage error={list.error} what={t("transactions")} onRetry={() => void list.refetch()} />;
  const rows = list.data?.results ?? [];
  const pages = Math.max(1, Math.ceil((list.data?.count ?? 0) / 50));
  return (
    <div>
      {remove.error && <ApiErrorMessage error={remove.error} />}
      {list.isPending ? null : rows.length === 0 ? (
        <p className="muted">{t("noTransactions")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="transactions-table">
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("symbol")}</th>
                <th scope="col" className="num">{t("quantity")}</th>
                <th scope="col" className="num">{t("price")}</th>
                <th scope="col" className="num">{t("fee")}</th>
                <th scope="col">{t("note")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((tx) => (
                <tr key={tx.id}>
                  <td>{formatDate(tx.date, locale)}</td>
                  <td>{t(`kind_${tx.kind}`)}</td>
                  <td>{tx.symbol}</td>
                  <td className="num">{tx.quantity}</td>
                  <td className="num">{formatPrice(tx.price, tx.currency, locale)}</td>
                  <td className="num">{formatMoney(tx.fee, tx.currency, locale)}</td>
                  <td>{tx.note}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => {
                        if (window.confirm(t("confirmDeleteTx", { kind: t(`kind_${tx.kind}`), symbol: tx.symbol })))
                          remove.mutate(tx.id);
                      }}
                    >
                      {t("deleteTransaction")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t("transactions")}>
          <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t("previous")}
          </button>
          <span>{t("page", { page, pages })}</span>
          <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t("next")}
          </button>
        </nav>
      )}
    </div>
  );
}

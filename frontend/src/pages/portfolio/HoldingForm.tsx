// Add a holding (holdings mode): the symbol by autocomplete, quantity, average price, date.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/errors";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { SymbolPicker } from "../../components/SymbolPicker/SymbolPicker";
import { useText } from "../../i18n";
import { portfolioKey } from "./queries";
import { portfolioText } from "./text";

export function HoldingForm({ portfolioId }: { portfolioId: number }) {
  const t = useText(portfolioText);
  const queryClient = useQueryClient();
  const [symbol, setSymbol] = useState("");
  const [quantity, setQuantity] = useState("");
  const [average, setAverage] = useState("");
  const [acquiredOn, setAcquiredOn] = useState("");
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/users/portfolio/", {
          body: {
            portfolio: portfolioId,
            symbol,
            quantity,
            average_price: average,
            ...(acquiredOn ? { acquired_on: acquiredOn } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      setSymbol("");
      setQuantity("");
      setAverage("");
      setAcquiredOn("");
      await queryClient.invalidateQueries({ queryKey: portfolioKey(portfolioId) });
    },
  });
  const fields = add.error instanceof ApiError ? add.error.fieldErrors : {};
  return (
    <form
      className="form form-wide"
      aria-labelledby="add-holding-title"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate();
      }}
    >
      <h3 id="add-holding-title">{t("addHolding")}</h3>
      <div className="form-row">
        <SymbolPicker label={t("symbol")} value={symbol} onChange={setSymbol} required error={fields.symbol?.join(" ")} />
        <label className="field">
          {t("quantity")}
          <input name="quantity" inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} required />
          {fields.quantity && <span className="field-error">{fields.quantity.join(" ")}</span>}
        </label>
        <label className="field">
          {t("averagePrice")}
          <input name="average_price" inputMode="decimal" value={average} onChange={(e) => setAverage(e.target.value)} required />
          {fields.average_price && <span className="field-error">{fields.average_price.join(" ")}</span>}
        </label>
        <label className="field">
          {t("acquiredOn")}
          <input name="acquired_on" type="date" value={acquiredOn} onChange={(e) => setAcquiredOn(e.target.value)} />
        </label>
      </div>
      {add.error && <ApiErrorMessage error={add.error} />}
      <div>
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>
          {t("add")}
        </button>
      </div>
    </form>
  );
}

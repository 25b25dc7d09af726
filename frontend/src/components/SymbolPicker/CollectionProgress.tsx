// "Collecting data for X…" with the steps done so far, until the status says complete.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { useText } from "../../i18n";
import { ApiErrorMessage } from "../ApiErrorMessage/ApiErrorMessage";
import { pickerText } from "./text";
import { useCollectionStatus } from "./useCollectionStatus";

interface Props {
  symbol: string;
  /** Query keys to refresh once the data is complete (the valuation that could not price it). */
  refresh?: readonly (readonly unknown[])[];
  pollMs?: number;
}

export function CollectionProgress({ symbol, refresh = [], pollMs }: Props) {
  const t = useText(pickerText);
  const queryClient = useQueryClient();
  const status = useCollectionStatus(symbol, pollMs === undefined ? {} : { pollMs });
  const complete = status.data?.is_complete === true;
  // Refresh once when the collection completes (a caller's `refresh` array is new every render).
  const refreshed = useRef(false);
  useEffect(() => {
    if (!complete || refreshed.current) return;
    refreshed.current = true;
    refresh.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey }));
  }, [complete, queryClient, refresh]);
  if (status.error) return <ApiErrorMessage error={status.error} />;
  const data = status.data;
  if (data === undefined) return <p className="muted">{t("collecting", { symbol })}</p>;
  if (!data.stock_exists) return <p className="muted">{t("unknownSymbol", { symbol })}</p>;
  const details = data.details;
  const steps: [string, boolean][] = [
    [t("stepPrices"), data.has_prices],
    [t("stepWeekly"), (details?.weekly_prices ?? 0) > 0],
    [t("stepProfile"), data.has_overview],
    [t("stepStatements"), data.has_financial],
  ];
  const done = steps.filter(([, ok]) => ok).length;
  return (
    <div className="collection-progress" role="status">
      <span>{complete ? t("collected", { symbol }) : t("collecting", { symbol })}</span>
      <progress max={steps.length} value={complete ? steps.length : done} aria-label={symbol} />
      <span className="muted">
        {steps.map(([name, ok]) => `${ok ? "✓" : "…"} ${name}`).join("  ")}
      </span>
    </div>
  );
}

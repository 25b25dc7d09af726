// An unknown symbol: say so plainly and offer the search right here.
import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";
import { SymbolSearch } from "../../components/SymbolSearch/SymbolSearch";
import { usePageTitle } from "../../components/usePageTitle";
import { useText } from "../../i18n";
import { stockText } from "./text";

export function StockNotFound({ symbol }: { symbol: string }) {
  const t = useText(stockText);
  usePageTitle(t("notFoundTitle", { symbol }));
  const validate = useQuery({
    queryKey: ["validate", symbol],
    queryFn: () =>
      unwrap(api.GET("/api/v1/stocks/api/search/validate/{symbol}/", { params: { path: { symbol } } })),
    retry: false,
  });
  const knownToProvider = validate.data?.provider_match != null;
  return (
    <section className="page stock-not-found">
      <h1>{t("notFoundTitle", { symbol })}</h1>
      {knownToProvider ? <p>{t("notCollectedBody", { symbol })}</p> : <p>{t("notFoundBody", { symbol })}</p>}
      <SymbolSearch />
    </section>
  );
}

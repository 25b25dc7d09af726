// /portfolios/<id>: totals (live over /ws/portfolio/), holdings, transactions of a ledger,
// allocation and value history.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams } from "react-router";

import { api, unwrap } from "../../api/client";
import { useAuthStatus } from "../../auth/useAuth";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { RequireSignIn } from "../../components/RequireSignIn/RequireSignIn";
import { CollectionProgress } from "../../components/SymbolPicker/CollectionProgress";
import { usePageTitle } from "../../components/usePageTitle";
import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";
import { useLivePortfolio } from "../../realtime/portfolioStore";
import { AllocationView } from "./Allocation";
import { HistoryView } from "./History";
import { HoldingForm } from "./HoldingForm";
import { HoldingsTable } from "./HoldingsTable";
import "./portfolio.css";
import { PORTFOLIOS_KEY, portfolioKey, useAllocation, useHistory, useHoldings, usePortfolio, useValuation } from "./queries";
import { portfolioText } from "./text";
import { Totals } from "./Totals";
import { TransactionForm, TransactionsList } from "./Transactions";

function Portfolio({ id }: { id: number }) {
  const t = useText(portfolioText);
  const common = useText(commonText);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const portfolio = usePortfolio(id);
  const valuation = useValuation(id);
  const holdings = useHoldings(id);
  const allocation = useAllocation(id);
  const history = useHistory(id);
  const live = useLivePortfolio(id);
  usePageTitle(portfolio.data?.name ?? t("portfolios"));
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/users/portfolios/{id}/", { params: { path: { id: String(id) } } })),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: portfolioKey(id) });
      await queryClient.invalidateQueries({ queryKey: PORTFOLIOS_KEY });
      void navigate("/portfolios");
    },
  });

  if (portfolio.error) return <ApiErrorMessage error={portfolio.error} what={t("loadingWhat")} onRetry={() => void portfolio.refetch()} />;
  if (portfolio.data === undefined) return <p className="muted">{common("loading")}</p>;
  const p = portfolio.data;
  const ledger = p.mode === "ledger";
  const unpriced = valuation.data?.unpriced ?? [];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{p.name}</h1>
          <span className="badge">{ledger ? t("modeLedgerShort") : t("modeHoldingsShort")}</span>{" "}
          <span className="badge">{p.base_currency}</span>{" "}
          {p.is_default && <span className="badge">{t("isDefault")}</span>}
        </div>
        <button
          type="button"
          className="btn btn-small danger"
          onClick={() => {
            if (window.confirm(t("confirmDelete", { name: p.name }))) remove.mutate();
          }}
        >
          {t("deletePortfolio")}
        </button>
      </div>
      {remove.error && <ApiErrorMessage error={remove.error} />}
      {valuation.error ? (
        <ApiErrorMessage error={valuation.error} what={t("totals")} onRetry={() => void valuation.refetch()} />
      ) : valuation.data ? (
        <Totals valuation={valuation.data} live={live} />
      ) : null}
      <section className="card" aria-labelledby="holdings-title">
        <h2 id="holdings-title">{t("holdings")}</h2>
        {unpriced.length > 0 && (
          <div className="unpriced">
            {unpriced.map((symbol) => (
              <CollectionProgress key={symbol} symbol={symbol} refresh={[portfolioKey(id)]} />
            ))}
          </div>
        )}
        {holdings.error && <ApiErrorMessage error={holdings.error} what={t("holdings")} />}
        {valuation.data && (
          <HoldingsTable
            portfolioId={id}
            baseCurrency={p.base_currency}
            rows={valuation.data.holdings}
            holdings={holdings.data?.results ?? []}
            editable={!ledger}
          />
        )}
        {!ledger && <HoldingForm portfolioId={id} />}
      </section>
      {ledger && (
        <section className="card" aria-labelledby="tx-title">
          <h2 id="tx-title">{t("transactions")}</h2>
          <TransactionForm portfolioId={id} />
          <TransactionsList portfolioId={id} />
        </section>
      )}
      <section className="card" aria-labelledby="alloc-title">
        <h2 id="alloc-title">{t("allocation")}</h2>
        {allocation.error ? (
          <ApiErrorMessage error={allocation.error} what={t("allocation")} />
        ) : allocation.data ? (
          <AllocationView allocation={allocation.data} />
        ) : null}
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t("history")}</h2>
        {history.error ? (
          <ApiErrorMessage error={history.error} what={t("history")} />
        ) : history.data ? (
          <HistoryView history={history.data} />
        ) : null}
      </section>
    </>
  );
}

export default function PortfolioPage() {
  const t = useText(portfolioText);
  const { id } = useParams();
  const pid = Number(id);
  const status = useAuthStatus();
  return (
    <section className="page portfolio-page">
      {status !== "signed-in" && <h1>{t("portfolios")}</h1>}
      <RequireSignIn message={t("signIn")}>
        {Number.isInteger(pid) && pid > 0 ? <Portfolio key={pid} id={pid} /> : <p>{t("notFound")}</p>}
      </RequireSignIn>
    </section>
  );
}

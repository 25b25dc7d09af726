// /portfolios: every portfolio with its value, day change and P&L (live over /ws/portfolio/), and
// the form to create one.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";

import { api, unwrap } from "../../api/client";
import type { Schemas } from "../../api/client";
import { ApiError } from "../../api/errors";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { SignedInPage } from "../../components/RequireSignIn/RequireSignIn";
import { SyntheticBadge } from "../../components/SyntheticBadge/SyntheticBadge";
import { useMe } from "../../auth/useAuth";
import { direction, formatMoney, formatPercentPoints } from "../../format";
import { commonText } from "../../i18n/common";
import { useLang, useText } from "../../i18n";
import { useLivePortfolio } from "../../realtime/portfolioStore";
import "../portfolio/portfolio.css";
import { PORTFOLIOS_KEY, usePortfolios, useValuation } from "../portfolio/queries";
import { portfolioText } from "../portfolio/text";

type Portfolio = Schemas["Portfolio"];

function PortfolioCard({ portfolio }: { portfolio: Portfolio }) {
  const t = useText(portfolioText);
  const { locale } = useLang();
  const valuation = useValuation(portfolio.id);
  const live = useLivePortfolio(portfolio.id);
  const total = valuation.data?.total;
  const liveOk = live !== undefined && live.error === undefined && live.market_value != null;
  const value = liveOk ? live.market_value : total?.market_value;
  const day = liveOk ? live.day_change : total?.day_change;
  const dayPct = liveOk ? live.day_change_pct : total?.day_change_pct;
  const pnl = liveOk ? live.unrealised_pnl : total?.unrealised_pnl;
  const pnlPct = liveOk ? live.unrealised_pnl_pct : total?.unrealised_pnl_pct;
  const currency = portfolio.base_currency;
  return (
    <article className="card portfolio-card" data-testid="portfolio-card">
      <h2>
        <Link to={`/portfolios/${portfolio.id}`}>{portfolio.name}</Link>
        <span className="badge">{portfolio.mode === "ledger" ? t("modeLedgerShort") : t("modeHoldingsShort")}</span>
        {portfolio.is_default && <span className="badge">{t("isDefault")}</span>}
        <SyntheticBadge show={valuation.data?.synthetic} />
        {liveOk && <span className="badge live-badge">{t("live")}</span>}
      </h2>
      {valuation.error ? (
        <ApiErrorMessage error={valuation.error} />
      ) : (
        <dl className="figures">
          <div>
            <dt>{t("value")}</dt>
            <dd className="num" data-testid="portfolio-value">{formatMoney(value, currency, locale)}</dd>
          </div>
          <div>
            <dt>{t("dayChange")}</dt>
            <dd className={`num ${direction(day)}`}>
              {formatMoney(day, currency, locale)} <small>{formatPercentPoints(dayPct, locale)}</small>
            </dd>
          </div>
          <div>
            <dt>{t("totalReturn")}</dt>
            <dd className={`num ${direction(pnl)}`}>
              {formatMoney(pnl, currency, locale)} <small>{formatPercentPoints(pnlPct, locale)}</small>
            </dd>
          </div>
        </dl>
      )}
    </article>
  );
}

function CreateForm({ defaultCurrency }: { defaultCurrency: string }) {
  const t = useText(portfolioText);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [currency, setCurrency] = useState<string>("");
  const [mode, setMode] = useState<Schemas["PortfolioModeEnum"]>("holdings");
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/users/portfolios/", {
          body: { name, mode, base_currency: (currency || defaultCurrency) as Schemas["CurrencyEnum"] },
        }),
      ),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: PORTFOLIOS_KEY });
      void navigate(`/portfolios/${created.id}`);
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fieldErrors : {};
  return (
    <form
      className="card form form-wide"
      aria-labelledby="create-title"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <h2 id="create-title">{t("create")}</h2>
      <div className="form-row">
        <label className="field">
          {t("name")}
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
          {fields.name && <span className="field-error">{fields.name.join(" ")}</span>}
        </label>
        <label className="field">
          {t("baseCurrency")}
          <select name="base_currency" value={currency || defaultCurrency} onChange={(e) => setCurrency(e.target.value)}>
            <option value="KRW">KRW</option>
            <option value="USD">USD</option>
          </select>
        </label>
        <label className="field">
          {t("mode")}
          <select name="mode" value={mode} onChange={(e) => setMode(e.target.value as Schemas["PortfolioModeEnum"])}>
            <option value="holdings">{t("modeHoldings")}</option>
            <option value="ledger">{t("modeLedger")}</option>
          </select>
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

function Portfolios() {
  const t = useText(portfolioText);
  const common = useText(commonText);
  const list = usePortfolios();
  const me = useMe();
  if (list.error) return <ApiErrorMessage error={list.error} what={t("portfolios")} onRetry={() => void list.refetch()} />;
  if (list.data === undefined) return <p className="muted">{common("loading")}</p>;
  const rows = list.data.results;
  return (
    <>
      {rows.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <div className="portfolio-cards">
          {rows.map((p) => (
            <PortfolioCard key={p.id} portfolio={p} />
          ))}
        </div>
      )}
      <CreateForm defaultCurrency={me.data?.base_currency ?? "KRW"} />
    </>
  );
}

export default function PortfoliosPage() {
  const t = useText(portfolioText);
  return (
    <SignedInPage title={t("portfolios")} intro={t("intro")} signIn={t("signIn")}>
      <Portfolios />
    </SignedInPage>
  );
}

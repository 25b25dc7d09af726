// Balance sheet, income statement and cash flow, annual or quarterly, periods as columns (oldest
// left), with the key lines as small charts.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { api, unwrap } from "../../../api/client";
import type { Schemas } from "../../../api/client";
import { ApiErrorMessage } from "../../../components/ApiErrorMessage/ApiErrorMessage";
import { MiniBars } from "../../../components/MiniBars/MiniBars";
import { SyntheticBadge } from "../../../components/SyntheticBadge/SyntheticBadge";
import { commonText } from "../../../i18n/common";
import { formatHuman, formatHumanMoney } from "../../../format";
import { useLang, useText } from "../../../i18n";
import { KEY_LINES, META_FIELDS, lineItemName } from "./lineItems";
import { tabsText } from "./text";

type Statement = "balance-sheet" | "income-statement" | "cashflow";
type PeriodType = Schemas["StatementPeriodEnum"];
type Report = Record<string, unknown> & { fiscal_date_ending: string; fiscal_year: number; fiscal_quarter?: number | null };

const STATEMENTS: readonly { id: Statement; label: "balanceSheet" | "incomeStatement" | "cashFlow" }[] = [
  { id: "income-statement", label: "incomeStatement" },
  { id: "balance-sheet", label: "balanceSheet" },
  { id: "cashflow", label: "cashFlow" },
];

type StatementResponse =
  | Schemas["BalanceSheetResponse"]
  | Schemas["IncomeStatementResponse"]
  | Schemas["CashFlowStatementResponse"];

function fetchStatement(symbol: string, statement: Statement, period: PeriodType): Promise<StatementResponse> {
  const params = { params: { path: { symbol }, query: { period, limit: period === "annual" ? 5 : 8 } } };
  if (statement === "balance-sheet") return unwrap(api.GET("/api/v1/stocks/api/balance-sheet/{symbol}/", params));
  if (statement === "income-statement") return unwrap(api.GET("/api/v1/stocks/api/income-statement/{symbol}/", params));
  return unwrap(api.GET("/api/v1/stocks/api/cashflow/{symbol}/", params));
}

export default function FinancialsTab({ symbol, category }: { symbol: string; category: string }) {
  const t = useText(tabsText);
  const tc = useText(commonText);
  const { lang, locale } = useLang();
  const [statement, setStatement] = useState<Statement>("income-statement");
  const [period, setPeriod] = useState<PeriodType>("annual");
  const query = useQuery({
    queryKey: ["statement", symbol, statement, period],
    queryFn: () => fetchStatement(symbol, statement, period),
    enabled: category === "stock",
    staleTime: 10 * 60_000,
  });
  if (category !== "stock") return <p className="muted">{t("noStatementsCategory")}</p>;

  const reports = [...((query.data?.reports ?? []) as Report[])].reverse();
  const currency = (reports[reports.length - 1]?.reported_currency as string | undefined) ?? "USD";
  const columnLabel = (r: Report) =>
    period === "annual" ? String(r.fiscal_year) : `${r.fiscal_year} Q${r.fiscal_quarter ?? "?"}`;
  const fields = reports.length > 0 ? Object.keys(reports[0]!).filter((f) => !META_FIELDS.has(f)) : [];
  const rows = fields.filter((field) => reports.some((r) => r[field] !== null && r[field] !== undefined));
  const money = (value: number | null) => formatHumanMoney(value, currency, locale);

  return (
    <div className="financials">
      <div className="chart-controls">
        <div className="segmented" role="group" aria-label={t("statement")}>
          {STATEMENTS.map((s) => (
            <button key={s.id} type="button" aria-pressed={s.id === statement} onClick={() => setStatement(s.id)}>
              {t(s.label)}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t("periodType")}>
          {(["annual", "quarterly"] as const).map((p) => (
            <button key={p} type="button" aria-pressed={p === period} onClick={() => setPeriod(p)}>
              {t(p)}
            </button>
          ))}
        </div>
        <SyntheticBadge show={query.data?.synthetic} />
      </div>
      {query.error ? (
        <ApiErrorMessage error={query.error} what={t("financials")} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <p className="muted">{tc("loading")}</p>
      ) : reports.length === 0 ? (
        <p className="muted">{t("noStatements")}</p>
      ) : (
        <>
          <div className="mini-bars-row" aria-label={t("keyLines")} role="group">
            {KEY_LINES[statement]!.map((field) => (
              <MiniBars
                key={field}
                label={lineItemName(field, lang)}
                points={reports.map((r) => ({ label: columnLabel(r), value: (r[field] as number | null) ?? null }))}
                format={money}
              />
            ))}
          </div>
          <div className="table-scroll">
            <table className="data statement-table">
              <caption className="visually-hidden">
                {t(STATEMENTS.find((s) => s.id === statement)!.label)} ({currency})
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    {t("lineItem")} ({currency})
                  </th>
                  {reports.map((r) => (
                    <th key={r.fiscal_date_ending} scope="col" className="num">
                      {columnLabel(r)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((field) => (
                  <tr key={field}>
                    <th scope="row">{lineItemName(field, lang)}</th>
                    {reports.map((r) => (
                      <td key={r.fiscal_date_ending} className="num">
                        {formatHuman(r[field] as number | null, locale)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

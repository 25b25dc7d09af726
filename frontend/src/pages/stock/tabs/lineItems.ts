// Names of statement lines: Korean for the ones people read most, otherwise the field in words.
import type { Lang } from "../../../i18n";

const KOREAN: Record<string, string> = {
  total_assets: "자산총계",
  total_current_assets: "유동자산",
  total_non_current_assets: "비유동자산",
  cash_and_cash_equivalents_at_carrying_value: "현금및현금성자산",
  cash_and_short_term_investments: "현금 및 단기투자",
  inventory: "재고자산",
  current_net_receivables: "매출채권",
  property_plant_equipment: "유형자산",
  intangible_assets: "무형자산",
  goodwill: "영업권",
  total_liabilities: "부채총계",
  total_current_liabilities: "유동부채",
  total_non_current_liabilities: "비유동부채",
  long_term_debt: "장기차입금",
  short_term_debt: "단기차입금",
  total_shareholder_equity: "자본총계",
  retained_earnings: "이익잉여금",
  common_stock_shares_outstanding: "발행주식수",
  total_revenue: "매출액",
  cost_of_revenue: "매출원가",
  gross_profit: "매출총이익",
  operating_expenses: "영업비용",
  selling_general_and_administrative: "판매비와관리비",
  research_and_development: "연구개발비",
  operating_income: "영업이익",
  interest_expense: "이자비용",
  income_before_tax: "법인세차감전이익",
  income_tax_expense: "법인세비용",
  net_income: "당기순이익",
  ebit: "EBIT",
  ebitda: "EBITDA",
  operating_cashflow: "영업활동현금흐름",
  cashflow_from_investment: "투자활동현금흐름",
  cashflow_from_financing: "재무활동현금흐름",
  capital_expenditures: "자본적지출",
  dividend_payout: "배당금 지급",
  change_in_cash_and_cash_equivalents: "현금 증감",
  depreciation_depletion_and_amortization: "감가상각비",
};

const ACRONYMS = new Set(["ebit", "ebitda", "ppe"]);

export function lineItemName(field: string, lang: Lang): string {
  if (lang === "ko" && field in KOREAN) return KOREAN[field]!;
  const words = field.split("_").map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Fields that describe the report, not a line of it. */
export const META_FIELDS = new Set([
  "fiscal_date_ending",
  "fiscal_year",
  "fiscal_quarter",
  "reported_currency",
  "source",
]);

export const KEY_LINES: Record<string, readonly string[]> = {
  "balance-sheet": ["total_assets", "total_shareholder_equity"],
  "income-statement": ["total_revenue", "net_income"],
  cashflow: ["operating_cashflow", "capital_expenditures"],
};

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";

import { resetAuthForTests } from "../../auth/session";
import { CollectionProgress } from "../../components/SymbolPicker/CollectionProgress";
import { SymbolPicker } from "../../components/SymbolPicker/SymbolPicker";
import { fakeFetch, renderWithApp } from "../../test/render";
import { AllocationView } from "./Allocation";
import { Totals } from "./Totals";
import { TransactionForm } from "./Transactions";

beforeEach(() => resetAuthForTests("signed-in", "token"));
afterEach(() => vi.unstubAllGlobals());

describe("TransactionForm", () => {
  it("shows the server's refusal of a sale larger than the position inside the form", async () => {
    const { calls } = fakeFetch((url) =>
      url.pathname.endsWith("/transactions/")
        ? {
            status: 400,
            body: {
              error: "invalid",
              detail: "cannot sell 10 AAPL on 2026-03-02: only 5 held",
              fields: { non_field_errors: ["cannot sell 10 AAPL on 2026-03-02: only 5 held"] },
            },
          }
        : { body: { results: [] } },
    );
    renderWithApp(<TransactionForm portfolioId={3} />);
    await userEvent.selectOptions(screen.getByLabelText("Type"), "sell");
    await userEvent.type(screen.getByRole("combobox", { name: "Symbol" }), "aapl");
    await userEvent.type(screen.getByLabelText("Quantity"), "10");
    await userEvent.type(screen.getByLabelText("Price"), "100");
    await userEvent.click(screen.getByRole("button", { name: "Record" }));
    const form = screen.getByRole("form", { name: "Record a transaction" });
    expect(await screen.findByRole("alert")).toHaveTextContent("cannot sell 10 AAPL on 2026-03-02: only 5 held");
    expect(form).toContainElement(screen.getByRole("alert"));
    const posted = calls.find((url) => url.pathname.endsWith("/transactions/"));
    expect(posted).toBeDefined();
    expect(screen.getByLabelText("Quantity")).toHaveValue("10");
  });

  it("puts a field's error beside that field", async () => {
    fakeFetch(() => ({
      status: 400,
      body: { error: "invalid", detail: "price: Must be positive.", fields: { price: ["Must be positive."] } },
    }));
    renderWithApp(<TransactionForm portfolioId={3} />);
    await userEvent.type(screen.getByRole("combobox", { name: "Symbol" }), "AAPL");
    await userEvent.type(screen.getByLabelText("Quantity"), "1");
    await userEvent.type(screen.getByLabelText("Price"), "-1");
    await userEvent.click(screen.getByRole("button", { name: "Record" }));
    expect(await screen.findByText("Must be positive.")).toBeInTheDocument();
    expect(screen.getByText("Must be positive.").closest("label")).toHaveTextContent("Price");
  });
});

describe("SymbolPicker", () => {
  it("picks a match by keyboard and keeps a typed symbol upper-case", async () => {
    fakeFetch(() => ({
      body: {
        keywords: "sam",
        count: 1,
        provider: null,
        results: [{ symbol: "005930", name: "Samsung Electronics", name_local: "삼성전자", category: "stock", market: "KR", exchange: "XKRX", currency: "KRW", region: null, asset_type: null, match: "name", collected: true, source: "local" }],
      },
    }));
    const chosen: string[] = [];
    function Harness() {
      const [value, setValue] = useState("");
      return (
        <SymbolPicker
          label="Symbol"
          value={value}
          onChange={(symbol) => {
            chosen.push(symbol);
            setValue(symbol);
          }}
        />
      );
    }
    renderWithApp(<Harness />);
    const box = screen.getByRole("combobox", { name: "Symbol" });
    await userEvent.type(box, "s");
    expect(chosen.at(-1)).toBe("S");
    expect(await screen.findByRole("option", { name: /005930/ })).toBeInTheDocument();
    await userEvent.keyboard("{ArrowDown}{Enter}");
    expect(chosen.at(-1)).toBe("005930");
  });
});

describe("CollectionProgress", () => {
  it("polls the status until the symbol's data is complete", async () => {
    let asked = 0;
    fakeFetch(() => {
      asked += 1;
      const complete = asked >= 2;
      return {
        body: {
          symbol: "NVDA",
          stock_exists: true,
          has_overview: complete,
          has_prices: true,
          has_financial: complete,
          is_complete: complete,
          details: { daily_prices: 10, weekly_prices: 2, balance_sheets: 0, income_statements: 0, cash_flows: 0 },
        },
      };
    });
    renderWithApp(<CollectionProgress symbol="NVDA" pollMs={20} />);
    expect(await screen.findByText("Collecting data for NVDA…")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText("Data for NVDA is complete.")).toBeInTheDocument());
    const settled = asked;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).toBe(settled);
  });
});

describe("Totals", () => {
  const figures = (value: string) => ({
    currency: "KRW",
    market_value: value,
    cost: "1000000",
    unrealised_pnl: "200000",
    unrealised_pnl_pct: "20.00",
    realised_pnl: "0",
    realised_pnl_pct: null,
    dividends: "0",
    day_change: "10000",
    day_change_pct: "0.84",
  });
  const valuation = {
    portfolio: { id: 1, name: "Main" },
    as_of: "2026-03-02",
    base_currency: "KRW",
    fx: null,
    holdings: [],
    total: figures("1200000"),
    unpriced: [],
    synthetic: true,
  } as never;

  it("shows the stored value in won without decimals, then the live one when it is pushed", () => {
    const { rerender } = renderWithApp(<Totals valuation={valuation} live={undefined} />);
    const totals = screen.getByTestId("portfolio-totals");
    expect(totals).toHaveTextContent("₩1,200,000");
    expect(screen.getByText("Synthetic demo data")).toBeInTheDocument();
    rerender(
      <Totals
        valuation={valuation}
        live={{ id: 1, name: "Main", base_currency: "KRW", market_value: "1234567", timestamp: "2026-03-02T15:00:00Z" }}
      />,
    );
    expect(screen.getByTestId("portfolio-totals")).toHaveTextContent("₩1,234,567");
    expect(screen.getByText("live")).toBeInTheDocument();
  });
});

describe("AllocationView", () => {
  const shownKeys = () =>
    Array.from(document.querySelectorAll(".alloc-key")).map((node) => node.textContent);
  const allocation = {
    as_of: "2026-03-06",
    base_currency: "KRW",
    by_asset: [
      { key: "AAPL", pct: "60.00", value: "4200000" },
      { key: "005930", pct: "40.00", value: "2800000" },
    ],
    by_category: [
      { key: "stock", pct: "60.00", value: "4200000" },
      { key: "etf", pct: "30.00", value: "2100000" },
      { key: "warrant", pct: "10.00", value: "700000" },
    ],
    by_market: [
      { key: "US", pct: "60.00", value: "4200000" },
      { key: "KR", pct: "40.00", value: "2800000" },
    ],
    by_currency: [
      { key: "USD", pct: "60.00", value: "4200000" },
      { key: "KRW", pct: "40.00", value: "2800000" },
    ],
    notice: null,
    portfolio: { base_currency: "KRW", id: 1, mode: "ledger" as const, name: "Main" },
    synthetic: false,
    unpriced: [],
  };

  it("names categories and markets in Korean, and keeps symbols, currencies and unknown codes", () => {
    renderWithApp(<AllocationView allocation={allocation} />, { lang: "ko" });
    const keys = shownKeys();
    expect(keys).toEqual(["AAPL", "005930", "주식", "ETF", "warrant", "미국", "한국", "USD", "KRW"]);
    expect(screen.getByText("시장별", { selector: "h3" })).toBeInTheDocument();
  });

  it("names them in English", () => {
    renderWithApp(<AllocationView allocation={allocation} />);
    const keys = shownKeys();
    expect(keys).toEqual(["AAPL", "005930", "Stock", "ETF", "warrant", "US", "KR", "USD", "KRW"]);
  });
});

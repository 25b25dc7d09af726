import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { resetAuthForTests } from "../../auth/session";
import { fakeFetch, renderWithApp } from "../../test/render";
import { SymbolSearch } from "./SymbolSearch";

const RESULTS = {
  keywords: "삼성",
  count: 2,
  provider: { name: "synthetic" },
  results: [
    { symbol: "005930", name: "Samsung Electronics", name_local: "삼성전자", category: "stock", market: "KR", exchange: "XKRX", currency: "KRW", region: null, asset_type: null, match: "name_local", collected: true, source: "local" },
    { symbol: "006400", name: "Samsung SDI", name_local: "", category: null, market: null, exchange: null, currency: "KRW", region: "Korea", asset_type: "Equity", match: "name", collected: false, source: "alphavantage" },
  ],
};

beforeEach(() => resetAuthForTests("signed-out"));
afterEach(() => vi.unstubAllGlobals());

describe("SymbolSearch", () => {
  it("searches once after typing stops and marks provider matches not collected yet", async () => {
    const { calls } = fakeFetch(() => ({ body: RESULTS }));
    renderWithApp(<SymbolSearch />);
    const box = screen.getByRole("combobox", { name: "Search symbols" });
    await userEvent.type(box, "삼성");
    expect(await screen.findByRole("option", { name: /005930/ })).toBeInTheDocument();
    const searches = calls.filter((url) => url.pathname.endsWith("/search/symbols/"));
    expect(searches).toHaveLength(1);
    expect(searches[0]!.searchParams.get("keywords")).toBe("삼성");
    expect(screen.getByRole("option", { name: /006400/ })).toHaveTextContent("not collected yet");
  });

  it("moves with the arrow keys, opens the active match on Enter and closes on Escape", async () => {
    fakeFetch(() => ({ body: RESULTS }));
    renderWithApp(<SymbolSearch />);
    const box = screen.getByRole("combobox", { name: "Search symbols" });
    await userEvent.type(box, "삼성");
    await screen.findByRole("option", { name: /005930/ });
    await userEvent.keyboard("{ArrowDown}{ArrowDown}");
    expect(screen.getByRole("option", { name: /006400/ })).toHaveAttribute("aria-selected", "true");
    expect(box.getAttribute("aria-activedescendant")).toBe(screen.getByRole("option", { name: /006400/ }).id);
    await userEvent.keyboard("{Escape}");
    expect(box).toHaveAttribute("aria-expanded", "false");
    await userEvent.keyboard("{ArrowUp}{Enter}");
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/stocks/006400"));
  });

  it("lands on the best collected match when Enter comes before the results", async () => {
    fakeFetch(() => ({ body: RESULTS }));
    renderWithApp(<SymbolSearch />);
    await userEvent.type(screen.getByRole("combobox", { name: "Search symbols" }), "삼성{Enter}");
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/stocks/005930"));
  });

  it("says how long to wait when the search is throttled", async () => {
    fakeFetch(() => ({ status: 429, body: { error: "Request was throttled.", retry_after: 7 } }));
    renderWithApp(<SymbolSearch />);
    await userEvent.type(screen.getByRole("combobox", { name: "Search symbols" }), "AAPL");
    expect(await screen.findByText("Too many searches, try again in 7 s")).toBeInTheDocument();
  });
});

import { nextSort, queryFromSearch, toggleInList, withParam } from "./params";

describe("screener parameters", () => {
  it("sends only known, non-empty parameters from the address", () => {
    const search = new URLSearchParams("market=KR&rsi_lt=30&evil=1&signal=&sort=-rsi&page=2");
    expect(queryFromSearch(search)).toEqual({ market: "KR", rsi_lt: "30", sort: "-rsi", page: "2" });
  });

  it("goes back to the first page when a filter changes, and drops emptied filters", () => {
    const search = new URLSearchParams("market=KR&page=3");
    expect(withParam(search, "rsi_lt", "30").toString()).toBe("market=KR&rsi_lt=30");
    expect(withParam(search, "market", "").toString()).toBe("");
    expect(withParam(search, "page", "4").toString()).toBe("market=KR&page=4");
  });

  it("sorts a new column descending first, then flips it", () => {
    expect(nextSort(null, "rsi")).toBe("-rsi");
    expect(nextSort("-rsi", "rsi")).toBe("rsi");
    expect(nextSort("rsi", "rsi")).toBe("-rsi");
    expect(nextSort(null, "score")).toBe("score");
  });

  it("toggles one value of a comma-separated list", () => {
    expect(toggleInList("US,KR", "KR")).toBe("US");
    expect(toggleInList(null, "KR")).toBe("KR");
  });
});

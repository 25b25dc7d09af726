import { combineTotals } from "./totals";

describe("combineTotals", () => {
  it("adds portfolios in the base currency and converts the others at USD/KRW", () => {
    const result = combineTotals(
      [
        { currency: "KRW", marketValue: 1_000_000, cost: 800_000, dayChange: 10_000, realised: 0 },
        { currency: "USD", marketValue: 1_000, cost: 1_000, dayChange: -10, realised: 50 },
      ],
      "KRW",
      1_400,
    );
    expect(result.marketValue).toBe(2_400_000);
    expect(result.dayChange).toBe(-4_000);
    expect(result.converted).toBe(true);
    // gain 200,000 + 70,000 on cost 2,200,000
    expect(result.totalReturn).toBeCloseTo(270_000 / 2_200_000);
  });

  it("leaves out what it cannot convert instead of adding it at a wrong rate", () => {
    const result = combineTotals(
      [
        { currency: "USD", marketValue: 100, cost: 50, dayChange: 1, realised: null },
        { currency: "KRW", marketValue: 1_000_000, cost: 1_000_000, dayChange: 0, realised: null },
      ],
      "USD",
      null,
    );
    expect(result.marketValue).toBe(100);
    expect(result.totalReturn).toBe(1);
  });
});

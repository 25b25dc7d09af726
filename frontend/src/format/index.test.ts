import {
  direction,
  formatDate,
  formatHuman,
  formatHumanMoney,
  formatMoney,
  formatPercent,
  formatPercentPoints,
  toNumber,
} from "./index";

describe("formatMoney", () => {
  it("shows KRW without decimals and USD with two", () => {
    expect(formatMoney(71234.56, "KRW", "ko-KR")).toBe("₩71,235");
    expect(formatMoney("189.5", "USD", "en-US")).toBe("$189.50");
  });

  it("shows a dash for a missing or non-numeric value", () => {
    expect(formatMoney(null, "USD", "en-US")).toBe("–");
    expect(formatMoney("None", "USD", "en-US")).toBe("–");
  });

  it("falls back to the number and code for a unit that is not a currency", () => {
    expect(formatMoney(2500.5, "POINTS", "en-US")).toBe("2,500.50 POINTS");
  });
});

describe("formatHuman", () => {
  it("uses T/B/M in English", () => {
    expect(formatHuman(1.2e12, "en-US")).toBe("1.2T");
    expect(formatHuman(345_600_000_000, "en-US")).toBe("345.6B");
    expect(formatHuman(-7_800_000, "en-US")).toBe("-7.8M");
  });

  it("counts in 조, 억 and 만 in Korean with grouping", () => {
    expect(formatHuman(345_600_000_000, "ko-KR")).toBe("3,456억");
    expect(formatHuman(1.2e12, "ko-KR")).toBe("1.2조");
    expect(formatHuman(123_000, "ko-KR")).toBe("12.3만");
    expect(formatHuman(950, "ko-KR")).toBe("950");
  });

  it("puts the currency beside human units", () => {
    expect(formatHumanMoney(2.5e12, "USD", "en-US")).toBe("$2.5T");
    expect(formatHumanMoney(345_600_000_000, "KRW", "ko-KR")).toBe("3,456억원");
  });
});

describe("percentages and changes", () => {
  it("formats fractions and percent points with a sign", () => {
    expect(formatPercent(0.0123, "en-US", { signed: true })).toBe("+1.23%");
    expect(formatPercentPoints(-2.5, "en-US")).toBe("-2.50%");
  });

  it("reads API decimals given as strings", () => {
    expect(toNumber("12.5")).toBe(12.5);
    expect(toNumber("NaN")).toBeNull();
    expect(direction("-0.1")).toBe("down");
    expect(direction(0)).toBe("flat");
  });
});

describe("formatDate", () => {
  it("keeps a trading date on its day whatever the time zone", () => {
    expect(formatDate("2024-03-29", "en-US", "America/Los_Angeles")).toBe("Mar 29, 2024");
    expect(formatDate("2024-03-29", "ko-KR", "Asia/Seoul")).toBe("2024년 3월 29일");
  });
});

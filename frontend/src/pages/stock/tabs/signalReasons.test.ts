import type { Schemas } from "../../../api/client";
import { signalName, signalReason } from "./signalReasons";

function signal(overrides: Partial<Schemas["Signal"]>): Schemas["Signal"] {
  return {
    name: "rsi",
    date: "2024-03-01",
    direction: "buy",
    strength: 1,
    reason: "RSI is 24.50, below 30.00: oversold, a rebound is possible.",
    reason_code: "rsi_oversold",
    reason_params: { rsi: 24.5, low: 30, high: 70 },
    value: 24.5,
    has_data: true,
    ...overrides,
  };
}

describe("signalReason", () => {
  it("words a reason in Korean from its code, numbers in the reader's locale", () => {
    expect(signalReason(signal({}), "ko", "ko-KR")).toBe(
      "RSI 24.50, 30 미만: 과매도 구간으로 반등 가능성이 있습니다.",
    );
  });

  it("says when a cross happened and on which side a line is", () => {
    const crossed = signal({
      name: "ma_cross",
      reason: "Golden cross: SMA 50 crossed above SMA 200 3 bars ago (2024-03-01): buy.",
      reason_code: "ma_cross_up",
      reason_params: { fast: 50, slow: 200, side: "above", bars_since: 3, date: "2024-03-01" },
    });
    expect(signalReason(crossed, "ko", "ko-KR")).toBe(
      "골든 크로스: 단기선(SMA 50)이 장기선(SMA 200)을 상향 돌파했습니다(3개 봉 전, 2024년 3월 1일): 매수.",
    );
    const none = signal({
      name: "macd",
      reason_code: "macd_cross_none",
      reason_params: { side: "below", lookback: 5 },
    });
    expect(signalReason(none, "ko", "ko-KR")).toBe(
      "최근 5개 봉 동안 교차 없이 MACD가 시그널선 아래에 있습니다.",
    );
    const warming = signal({ name: "bbands", reason_code: "warming_up", reason_params: { bars: 12 } });
    expect(signalReason(warming, "ko", "ko-KR")).toBe("볼린저 밴드 계산에 필요한 기록이 아직 부족합니다(12개 봉).");
  });

  it("keeps the server's English sentence in English and for a code it does not know", () => {
    expect(signalReason(signal({}), "en", "en-US")).toBe(
      "RSI is 24.50, below 30.00: oversold, a rebound is possible.",
    );
    const unknown = signal({ reason: "Something new.", reason_code: "vwap_above", reason_params: {} });
    expect(signalReason(unknown, "ko", "ko-KR")).toBe("Something new.");
  });

  it("names the indicators in the reader's language", () => {
    expect(signalName("stoch", "ko")).toBe("스토캐스틱");
    expect(signalName("stoch", "en")).toBe("Stochastic");
    expect(signalName("vwap", "ko")).toBe("vwap");
  });
});

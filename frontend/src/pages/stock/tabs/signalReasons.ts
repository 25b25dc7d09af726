// Signal names and reasons in the reader's language. The server sends each reason as an English
// sentence plus `reason_code` and `reason_params`; Korean is worded here from the code, and a code
// this file does not know yet falls back to the server's sentence. Every code the server can send
// has a Korean wording (tests/analysis/test_reason_codes.py reads this file).
import type { Schemas } from "../../../api/client";
import { formatDate, formatNumber } from "../../../format";
import type { Lang } from "../../../i18n";

type Signal = Schemas["Signal"];
type Params = Record<string, unknown>;

const NAMES: Record<Lang, Record<string, string>> = {
  en: {
    rsi: "RSI",
    macd: "MACD",
    bbands: "Bollinger Bands",
    ma_cross: "Moving-average cross",
    stoch: "Stochastic",
    obv: "OBV",
    atr: "ATR",
  },
  ko: {
    rsi: "RSI",
    macd: "MACD",
    bbands: "볼린저 밴드",
    ma_cross: "이동평균 교차",
    stoch: "스토캐스틱",
    obv: "OBV",
    atr: "ATR",
  },
};

export function signalName(name: string, lang: Lang): string {
  return NAMES[lang][name] ?? NAMES.en[name] ?? name;
}

// Particles never follow a number (its reading decides them): "단기선(SMA 50)이", not "SMA 50가".
// {name} is filled from the params: numbers to two decimals in the reader's locale, {ago} and
// {when} from bars_since and date, {side} in words, {indicator} from the signal's name.
const KO: Record<string, string> = {
  warming_up: "{indicator} 계산에 필요한 기록이 아직 부족합니다({bars}개 봉).",
  rsi_oversold: "RSI {rsi}, {low} 미만: 과매도 구간으로 반등 가능성이 있습니다.",
  rsi_overbought: "RSI {rsi}, {high} 초과: 과매수 구간으로 조정 가능성이 있습니다.",
  rsi_neutral: "RSI {rsi}, {low}~{high} 사이: 과매도도 과매수도 아닙니다.",
  macd_cross_up: "MACD가 시그널선을 상향 돌파했습니다({ago}{when}): 매수.",
  macd_cross_down: "MACD가 시그널선을 하향 돌파했습니다({ago}{when}): 매도.",
  macd_cross_none: "최근 {lookback}개 봉 동안 교차 없이 MACD가 시그널선 {side}에 있습니다.",
  bb_above: "종가({close})가 볼린저 밴드 상단({upper})보다 높습니다: 과열, 매도.",
  bb_below: "종가({close})가 볼린저 밴드 하단({lower})보다 낮습니다: 과매도, 매수.",
  bb_inside: "종가({close})가 볼린저 밴드 안에 있습니다({lower}~{upper}, %B {percent_b}).",
  ma_cross_up: "골든 크로스: 단기선(SMA {fast})이 장기선(SMA {slow})을 상향 돌파했습니다({ago}{when}): 매수.",
  ma_cross_down: "데드 크로스: 단기선(SMA {fast})이 장기선(SMA {slow})을 하향 돌파했습니다({ago}{when}): 매도.",
  ma_cross_none:
    "최근 {lookback}개 봉 동안 골든·데드 크로스 없이 단기선(SMA {fast})이 장기선(SMA {slow}) {side}에 있습니다.",
  stoch_cross_up:
    "스토캐스틱 %K가 {low} 아래(과매도)에서 %D를 상향 돌파했습니다({ago}{when}): 매수.",
  stoch_cross_down:
    "스토캐스틱 %K가 {high} 위(과매수)에서 %D를 하향 돌파했습니다({ago}{when}): 매도.",
  stoch_cross_none:
    "스토캐스틱 %K {k}, %D {d}: 최근 {lookback}개 봉 동안 과매도·과매수 구간의 %K/%D 교차가 없습니다.",
  obv_confirms_rise:
    "최근 {lookback}개 봉 동안 가격과 OBV가 함께 올랐습니다: 거래량이 상승을 뒷받침합니다.",
  obv_confirms_fall:
    "최근 {lookback}개 봉 동안 가격과 OBV가 함께 내렸습니다: 거래량이 하락을 뒷받침합니다.",
  obv_bearish_divergence:
    "최근 {lookback}개 봉 동안 가격은 올랐지만 OBV는 내렸습니다: 약세 다이버전스로, 상승을 받치는 매수세가 없습니다.",
  obv_bullish_divergence:
    "최근 {lookback}개 봉 동안 가격은 내렸지만 OBV는 올랐습니다: 강세 다이버전스로, 매집이 이어지고 있습니다.",
  obv_flat: "최근 {lookback}개 봉 동안 가격이나 OBV가 그대로입니다: 확인도 다이버전스도 없습니다.",
  atr_low: "ATR {atr}, 종가의 {percent}%: 변동성 낮음(방향 없이 참고만 합니다).",
  atr_moderate: "ATR {atr}, 종가의 {percent}%: 변동성 보통(방향 없이 참고만 합니다).",
  atr_high: "ATR {atr}, 종가의 {percent}%: 변동성 높음(방향 없이 참고만 합니다).",
};

const SIDE_KO: Record<string, string> = { above: "위", below: "아래" };

function agoKo(bars: unknown): string {
  if (bars === 0) return "마지막 봉";
  return `${String(bars)}개 봉 전`;
}

function fill(template: string, params: Params, extra: Record<string, string>, locale: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const given = extra[key];
    if (given !== undefined) return given;
    const value = params[key];
    if (typeof value === "number") {
      return Number.isInteger(value) ? String(value) : formatNumber(value, locale, 2);
    }
    if (typeof value === "string") return value;
    return whole;
  });
}

/** The signal's reason in `lang`: Korean from its code, English as the server wrote it. */
export function signalReason(signal: Signal, lang: Lang, locale: string): string {
  const template = lang === "ko" ? KO[signal.reason_code] : undefined;
  if (template === undefined) return signal.reason;
  const params: Params = signal.reason_params;
  const date = typeof params.date === "string" ? params.date : null;
  return fill(
    template,
    params,
    {
      indicator: signalName(signal.name, lang),
      ago: agoKo(params.bars_since),
      when: date ? `, ${formatDate(date, locale)}` : "",
      side: SIDE_KO[String(params.side)] ?? String(params.side),
    },
    locale,
  );
}

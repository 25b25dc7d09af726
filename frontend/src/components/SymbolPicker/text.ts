// Strings of the symbol picker and the collection progress.
import { defineText } from "../../i18n";

export const pickerText = defineText({
  en: {
    searching: "Searching…",
    noMatches: "No symbol matches “{q}”.",
    notCollected: "not collected yet",
    throttled: "Too many searches, try again in {s} s.",
    results: "{n} matches; arrow keys to choose, Enter to pick.",
    collecting: "Collecting data for {symbol}…",
    collected: "Data for {symbol} is complete.",
    stepPrices: "daily prices",
    stepWeekly: "weekly prices",
    stepProfile: "profile",
    stepStatements: "statements",
    unknownSymbol: "{symbol} is not in the asset list yet.",
  },
  ko: {
    searching: "검색 중…",
    noMatches: "“{q}”와 맞는 종목이 없습니다.",
    notCollected: "아직 수집 전",
    throttled: "검색이 너무 많습니다. {s}초 후 다시 시도하세요.",
    results: "{n}개 결과. 화살표로 고르고 Enter로 선택하세요.",
    collecting: "{symbol} 데이터 수집 중…",
    collected: "{symbol} 데이터 수집 완료.",
    stepPrices: "일봉",
    stepWeekly: "주봉",
    stepProfile: "기업 정보",
    stepStatements: "재무제표",
    unknownSymbol: "{symbol}은(는) 아직 종목 목록에 없습니다.",
  },
});

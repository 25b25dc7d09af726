import { defineText } from "../../i18n";

export const searchText = defineText({
  en: {
    label: "Search symbols",
    placeholder: "Symbol or name (AAPL, 삼성)",
    noMatches: "No matches for “{q}”",
    notCollected: "not collected yet",
    addHint: "Open to add it",
    throttled: "Too many searches, try again in {s} s",
    searching: "Searching…",
    results: "{n} results",
  },
  ko: {
    label: "종목 검색",
    placeholder: "종목 코드나 이름 (AAPL, 삼성)",
    noMatches: "“{q}”에 맞는 종목이 없습니다",
    notCollected: "아직 수집 안 됨",
    addHint: "열어서 추가",
    throttled: "검색이 너무 많습니다. {s}초 후 다시 시도하세요",
    searching: "검색 중…",
    results: "검색 결과 {n}건",
  },
});

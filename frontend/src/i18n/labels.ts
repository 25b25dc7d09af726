// Names of the server's asset codes (category, market), shared by every page that shows them.
// A code this file does not know yet is shown as the server sent it.
import { useCallback } from "react";
import { defineText, useLang } from "./index";

export const assetLabelText = defineText({
  en: {
    cat_stock: "Stock",
    cat_etf: "ETF",
    cat_index: "Index",
    cat_crypto: "Crypto",
    cat_commodity: "Commodity",
    cat_fx: "FX",
    mkt_US: "US",
    mkt_KR: "KR",
    mkt_GLOBAL: "Global",
  },
  ko: {
    cat_stock: "주식",
    cat_etf: "ETF",
    cat_index: "지수",
    cat_crypto: "암호화폐",
    cat_commodity: "원자재",
    cat_fx: "환율",
    mkt_US: "미국",
    mkt_KR: "한국",
    mkt_GLOBAL: "글로벌",
  },
});

type LabelKey = keyof typeof assetLabelText.en;

function isLabelKey(key: string): key is LabelKey {
  return Object.prototype.hasOwnProperty.call(assetLabelText.en, key);
}

export function useAssetLabels(): {
  category: (code: string) => string;
  market: (code: string) => string;
} {
  const { lang } = useLang();
  const name = useCallback(
    (key: string, code: string) => (isLabelKey(key) ? assetLabelText[lang][key] : code),
    [lang],
  );
  return {
    category: useCallback((code: string) => name(`cat_${code}`, code), [name]),
    market: useCallback((code: string) => name(`mkt_${code}`, code), [name]),
  };
}

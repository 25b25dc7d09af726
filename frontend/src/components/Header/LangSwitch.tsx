import { commonText } from "../../i18n/common";
import { useLang, useText } from "../../i18n";
import type { Lang } from "../../i18n";

const LABELS: Record<Lang, string> = { ko: "한국어", en: "English" };

export function LangSwitch() {
  const t = useText(commonText);
  const { lang, setLang } = useLang();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t("language")}</span>
      <select value={lang} onChange={(event) => setLang(event.target.value as Lang)}>
        {(Object.keys(LABELS) as Lang[]).map((code) => (
          <option key={code} value={code} lang={code}>
            {LABELS[code]}
          </option>
        ))}
      </select>
    </label>
  );
}

import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";
import { useTheme } from "../../theme";

export function ThemeSwitch() {
  const t = useText(commonText);
  const { theme, toggle } = useTheme();
  const next = theme === "dark" ? t("themeLight") : t("themeDark");
  return (
    <button type="button" className="btn btn-icon" onClick={toggle} aria-label={next} title={next}>
      <span aria-hidden="true">{theme === "dark" ? "☀" : "☾"}</span>
    </button>
  );
}

// The visible label on anything drawn from the synthetic demo provider.
import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";

export function SyntheticBadge({ show = true }: { show?: boolean | null | undefined }) {
  const t = useText(commonText);
  if (!show) return null;
  return (
    <span className="badge badge-synthetic" title={t("syntheticHint")}>
      {t("synthetic")}
    </span>
  );
}

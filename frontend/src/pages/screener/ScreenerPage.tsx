// Placeholder: replaced by the real page.
import { Placeholder } from "../../components/Placeholder/Placeholder";
import { placeholderText } from "../../components/Placeholder/text";
import { useText } from "../../i18n";

export default function ScreenerPage() {
  const t = useText(placeholderText);
  return <Placeholder title={t("screener")} description={t("screenerDesc")} />;
}

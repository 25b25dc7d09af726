// Placeholder: replaced by the real page.
import { Placeholder } from "../../components/Placeholder/Placeholder";
import { placeholderText } from "../../components/Placeholder/text";
import { useText } from "../../i18n";

export default function PortfolioPage() {
  const t = useText(placeholderText);
  return <Placeholder title={t("portfolio")} description={t("portfolioDesc")} />;
}

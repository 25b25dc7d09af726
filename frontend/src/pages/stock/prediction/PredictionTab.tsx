// Placeholder: the Prediction tab (forecast, interval, trend probability, risk, backtest).
import { placeholderText } from "../../../components/Placeholder/text";
import { useText } from "../../../i18n";

export default function PredictionTab({ symbol }: { symbol: string }) {
  const t = useText(placeholderText);
  return <p className="muted" data-symbol={symbol}>{t("predictionDesc")}</p>;
}

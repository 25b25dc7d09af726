// Allocation by asset, category, market and currency as labelled bars, each group with a one-line
// text summary for screen readers.
import type { Schemas } from "../../api/client";
import { formatMoney, formatPercentPoints, toNumber } from "../../format";
import { useLang, useText } from "../../i18n";
import { useAssetLabels } from "../../i18n/labels";
import { portfolioText } from "./text";

type Slice = Schemas["Slice"];

function Bars({
  title,
  slices,
  currency,
  label,
}: {
  title: string;
  slices: Slice[];
  currency: string;
  label: (key: string) => string;
}) {
  const t = useText(portfolioText);
  const { locale } = useLang();
  const summary = slices
    .map((s) => `${label(s.key)} ${formatPercentPoints(s.pct, locale, false)}`)
    .join(", ");
  return (
    <figure className="alloc">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <p className="visually-hidden">{t("allocationSummary", { title, parts: summary })}</p>
      <ul className="alloc-bars" aria-hidden="true">
        {slices.map((slice, index) => (
          <li key={slice.key}>
            <span className="alloc-key">{label(slice.key)}</span>
            <span className="alloc-track">
              <span
                className={`alloc-fill alloc-c${index % 6}`}
                style={{ width: `${Math.max(0, Math.min(100, toNumber(slice.pct) ?? 0))}%` }}
              />
            </span>
            <span className="num">{formatPercentPoints(slice.pct, locale, false)}</span>
            <span className="num muted small">{formatMoney(slice.value, currency, locale)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function AllocationView({ allocation }: { allocation: Schemas["Allocation"] }) {
  const t = useText(portfolioText);
  const labels = useAssetLabels();
  const asIs = (key: string) => key;
  const groups: [string, Slice[], (key: string) => string][] = [
    [t("byAsset"), allocation.by_asset, asIs],
    [t("byCategory"), allocation.by_category, labels.category],
    [t("byMarket"), allocation.by_market, labels.market],
    [t("byCurrency"), allocation.by_currency, asIs],
  ];
  if (allocation.by_asset.length === 0) return <p className="muted">{t("noAllocation")}</p>;
  return (
    <div className="grid alloc-grid">
      {groups.map(([title, slices, label]) => (
        <Bars
          key={title}
          title={title}
          slices={slices}
          currency={allocation.base_currency}
          label={label}
        />
      ))}
    </div>
  );
}

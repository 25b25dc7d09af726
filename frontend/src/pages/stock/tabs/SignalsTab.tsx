// Every signal with its reason, the composite score as a gauge, and the crossovers in the window.
import type { Schemas } from "../../../api/client";
import { ApiErrorMessage } from "../../../components/ApiErrorMessage/ApiErrorMessage";
import { SyntheticBadge } from "../../../components/SyntheticBadge/SyntheticBadge";
import { commonText } from "../../../i18n/common";
import { formatDate, formatNumber, formatPercent } from "../../../format";
import { useLang, useText } from "../../../i18n";
import { useIndicators } from "../queries";
import { signalName, signalReason } from "./signalReasons";
import { tabsText } from "./text";

export function CompositeGauge({ composite }: { composite: Schemas["Composite"] }) {
  const t = useText(tabsText);
  const { locale } = useLang();
  const score = Math.max(-100, Math.min(100, composite.score));
  // -100 points left, +100 right, along the upper half circle.
  const angle = Math.PI * (1 - (score + 100) / 200);
  const x = 100 + 80 * Math.cos(angle);
  const y = 100 - 80 * Math.sin(angle);
  const label = t(`label_${composite.label}`);
  const summary = t("compositeSummary", { score: formatNumber(score, locale, 0), label });
  return (
    <figure className="gauge">
      <svg viewBox="0 0 200 115" role="img" aria-label={summary}>
        <path d="M20 100 A80 80 0 0 1 60 30.7" className="gauge-sell" />
        <path d="M60 30.7 A80 80 0 0 1 140 30.7" className="gauge-neutral" />
        <path d="M140 30.7 A80 80 0 0 1 180 100" className="gauge-buy" />
        <line x1="100" y1="100" x2={x} y2={y} className="gauge-needle" />
        <circle cx="100" cy="100" r="5" className="gauge-hub" />
      </svg>
      <figcaption>
        <strong className="gauge-score">{formatNumber(score, locale, 0)}</strong> {label}
      </figcaption>
    </figure>
  );
}

export default function SignalsTab({ symbol }: { symbol: string }) {
  const t = useText(tabsText);
  const tc = useText(commonText);
  const { locale, lang } = useLang();
  const query = useIndicators(symbol, "1y", "daily");
  if (query.error) return <ApiErrorMessage error={query.error} what={t("signals")} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <p className="muted">{tc("loading")}</p>;
  const { signals, composite, events, meta } = query.data;
  return (
    <div className="signals">
      <div className="signals-top">
        <section className="card">
          <h3>{t("composite")}</h3>
          <CompositeGauge composite={composite} />
          <p className="muted small">
            {meta.signals_as_of && t("asOf", { date: formatDate(meta.signals_as_of, locale) })}{" "}
            <SyntheticBadge show={meta.synthetic} />
          </p>
        </section>
        <section className="card">
          <h3>{t("events")}</h3>
          {events.length === 0 ? (
            <p className="muted">{t("noEvents")}</p>
          ) : (
            <ul className="events">
              {[...events].reverse().slice(0, 8).map((event) => (
                <li key={`${event.kind}-${event.date}`}>
                  <span className={event.direction === "buy" ? "up" : event.direction === "sell" ? "down" : ""}>
                    {t(`dir_${event.direction}`)}
                  </span>{" "}
                  {t(`ev_${event.kind}`)} · {formatDate(event.date, locale)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("signal")}</th>
              <th scope="col">{t("direction")}</th>
              <th scope="col" className="num">
                {t("strength")}
              </th>
              <th scope="col">{t("reason")}</th>
            </tr>
          </thead>
          <tbody>
            {signals.map((signal) => (
              <tr key={signal.name}>
                <th scope="row">{signalName(signal.name, lang)}</th>
                <td className={signal.direction === "buy" ? "up" : signal.direction === "sell" ? "down" : ""}>
                  {signal.has_data ? t(`dir_${signal.direction}`) : t("warmingUp")}
                </td>
                <td className="num">{formatPercent(signal.strength, locale, { digits: 0 })}</td>
                <td>{signalReason(signal, lang, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

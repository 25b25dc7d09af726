// A dot and a word for the WebSocket state, fed by the live module.
import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";
import { useLiveStatus } from "../../live";

export function LiveIndicator() {
  const t = useText(commonText);
  const { state, retryInSeconds } = useLiveStatus();
  const label =
    state === "open"
      ? t("liveOpen")
      : state === "connecting"
        ? t("liveConnecting")
        : state === "reconnecting"
          ? t("liveReconnecting", { s: retryInSeconds ?? 0 })
          : t("liveOff");
  return (
    <span className={`live live-${state}`} role="status" aria-label={t("liveStatus", { state: label })}>
      <span className="live-dot" aria-hidden="true" />
      <span className="live-label">{label}</span>
    </span>
  );
}

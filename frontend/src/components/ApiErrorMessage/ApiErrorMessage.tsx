// An API failure as a readable sentence, next to the thing that failed, with a retry button.
import { ApiError } from "../../api/errors";
import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";

interface Props {
  error: unknown;
  /** What was being loaded or done ("the chart"), shown before the message. */
  what?: string;
  onRetry?: () => void;
}

export function ApiErrorMessage({ error, what, onRetry }: Props) {
  const t = useText(commonText);
  let message: string;
  if (error instanceof ApiError) {
    if (error.status === 0) message = t("errorNetwork");
    else if (error.status === 429) message = t("errorThrottled", { s: error.retryAfter ?? 60 });
    // A wrong password is a 401 with its own message; a missing sign-in gets ours.
    else if (error.status === 401 && error.code === "not_authenticated") message = t("errorSignIn");
    else if (error.status === 403) message = t("errorForbidden");
    else message = error.message || t("errorNotFound");
  } else if (error instanceof Error) {
    message = error.message;
  } else {
    message = t("errorTitle");
  }
  return (
    <div className="api-error" role="alert">
      {what !== undefined && <strong>{t("errorWhile", { what })} </strong>}
      <span>{message}</span>
      {onRetry !== undefined && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
    </div>
  );
}

// Shows its children to a signed-in user; anyone else gets a sentence and a link to log in and
// come back here.
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";

import { useAuthStatus } from "../../auth/useAuth";
import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";

export function RequireSignIn({ message, children }: { message: string; children: ReactNode }) {
  const t = useText(commonText);
  const status = useAuthStatus();
  const location = useLocation();
  if (status === "unknown") return <p className="muted">{t("loading")}</p>;
  if (status === "signed-out") {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <div className="card">
        <p>{message}</p>
        <Link className="btn btn-primary" to={`/login?next=${next}`}>
          {t("login")}
        </Link>
      </div>
    );
  }
  return <>{children}</>;
}

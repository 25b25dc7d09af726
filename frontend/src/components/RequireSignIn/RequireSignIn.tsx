// Shows its children to a signed-in user; anyone else gets a sentence and a link to log in and
// come back here.
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";

import { useAuthStatus } from "../../auth/useAuth";
import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";
import { usePageTitle } from "../usePageTitle";

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

// The frame of a page that holds the user's own things: its title (also the document's), a line
// saying what the page is for, and the content once signed in.
export function SignedInPage({
  title,
  intro,
  signIn,
  children,
}: {
  title: string;
  intro: string;
  signIn: string;
  children: ReactNode;
}) {
  usePageTitle(title);
  return (
    <section className="page">
      <h1>{title}</h1>
      <p className="muted">{intro}</p>
      <RequireSignIn message={signIn}>{children}</RequireSignIn>
    </section>
  );
}

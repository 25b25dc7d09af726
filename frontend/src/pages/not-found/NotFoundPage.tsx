import { Link } from "react-router";

import { usePageTitle } from "../../components/usePageTitle";
import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";

export default function NotFoundPage() {
  const t = useText(commonText);
  usePageTitle(t("notFoundTitle"));
  return (
    <section className="page">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <Link to="/">{t("backHome")}</Link>
    </section>
  );
}

// A route whose page is still being built: its title and what it will show.
import { commonText } from "../../i18n/common";
import { useText } from "../../i18n";
import { usePageTitle } from "../usePageTitle";

export function Placeholder({ title, description }: { title: string; description: string }) {
  const t = useText(commonText);
  usePageTitle(title);
  return (
    <section className="page">
      <h1>{title}</h1>
      <p>{description}</p>
      <p className="muted">{t("comingSoon")}</p>
    </section>
  );
}

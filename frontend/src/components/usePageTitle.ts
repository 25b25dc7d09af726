// Sets the tab's title for the page shown.
import { useEffect } from "react";

export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Stock-Vis` : "Stock-Vis";
  }, [title]);
}

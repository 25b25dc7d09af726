// Korean and English. Each page keeps its strings in its own text.ts (defineText), so pages are
// translated, loaded and merged independently; `ko` must have every key `en` has.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";

export type Lang = "en" | "ko";
export const LANGS: readonly Lang[] = ["ko", "en"];
const STORAGE_KEY = "stockvis.lang";

export type Dictionary = Record<string, string>;
export interface Text<T extends Dictionary> {
  en: T;
  ko: { [K in keyof T]: string };
}

export function defineText<T extends Dictionary>(text: Text<T>): Text<T> {
  return text;
}

/** The browser's language decides until the user picks one: Korean for ko*, English otherwise. */
export function detectLang(
  stored: string | null,
  languages: readonly string[] | undefined,
): Lang {
  if (stored === "ko" || stored === "en") return stored;
  const first = (languages ?? []).find(Boolean) ?? "en";
  return first.toLowerCase().startsWith("ko") ? "ko" : "en";
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** The BCP 47 locale for Intl: ko-KR or en-US. */
  locale: string;
}

const LangContext = createContext<LangContextValue>({
  lang: "en",
  setLang: () => undefined,
  locale: "en-US",
});

export function LangProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(
    () => initial ?? detectLang(readStored(), navigator.languages),
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo(
    () => ({ lang, setLang, locale: lang === "ko" ? "ko-KR" : "en-US" }),
    [lang, setLang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangContextValue {
  return useContext(LangContext);
}

export type Translate<T extends Dictionary> = (
  key: keyof T & string,
  vars?: Record<string, string | number>,
) => string;

/** `t("key", {n: 3})` fills `{n}` in the current language's string. */
export function useText<T extends Dictionary>(text: Text<T>): Translate<T> {
  const { lang } = useLang();
  return useCallback(
    (key, vars) => {
      const template = (text[lang] as Dictionary)[key] ?? text.en[key] ?? key;
      if (vars === undefined) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in vars ? String(vars[name]) : whole,
      );
    },
    [lang, text],
  );
}

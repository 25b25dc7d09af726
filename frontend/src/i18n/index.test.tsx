import { act, render, screen } from "@testing-library/react";

import { LangProvider, defineText, detectLang, useLang, useText } from "./index";

const text = defineText({ en: { hello: "Hello {name}" }, ko: { hello: "{name}님 안녕하세요" } });

function Greeting() {
  const t = useText(text);
  const { setLang } = useLang();
  return (
    <button type="button" onClick={() => setLang("ko")}>
      {t("hello", { name: "Kim" })}
    </button>
  );
}

describe("i18n", () => {
  it("follows the browser's language until one is chosen", () => {
    expect(detectLang(null, ["ko-KR", "en-US"])).toBe("ko");
    expect(detectLang(null, ["en-GB"])).toBe("en");
    expect(detectLang("en", ["ko-KR"])).toBe("en");
    expect(detectLang(null, [])).toBe("en");
  });

  it("switches the strings and <html lang>, and remembers the choice", () => {
    render(
      <LangProvider initial="en">
        <Greeting />
      </LangProvider>,
    );
    expect(screen.getByRole("button")).toHaveTextContent("Hello Kim");
    expect(document.documentElement.lang).toBe("en");
    act(() => screen.getByRole("button").click());
    expect(screen.getByRole("button")).toHaveTextContent("Kim님 안녕하세요");
    expect(document.documentElement.lang).toBe("ko");
    expect(window.localStorage.getItem("stockvis.lang")).toBe("ko");
  });
});

import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { ApiError } from "../../api/errors";
import { LangProvider } from "../../i18n";
import { ApiErrorMessage } from "./ApiErrorMessage";

describe("ApiErrorMessage", () => {
  it("shows the server's message beside what was being loaded", () => {
    const error = new ApiError(404, { error: "not_found", detail: "unknown symbol 'ZZZZ'" });
    render(
      <LangProvider initial="en">
        <ApiErrorMessage error={error} what="load the chart" />
      </LangProvider>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Could not load the chart: unknown symbol 'ZZZZ'");
  });

  it("tells how long to wait after a 429, in Korean too", () => {
    const error = new ApiError(429, { error: "throttled", detail: "Request was throttled.", retry_after: 12 });
    render(
      <LangProvider initial="ko">
        <ApiErrorMessage error={error} />
      </LangProvider>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("12초 후 다시 시도하세요");
  });

  it("reads the per-field messages of a 400", () => {
    const error = new ApiError(400, {
      error: "invalid",
      detail: "invalid request",
      fields: { password: ["This password is too short."] },
    });
    expect(error.fieldErrors).toEqual({ password: ["This password is too short."] });
    expect(error.code).toBe("invalid");
  });

  it("offers a retry that calls back", async () => {
    const retry = vi.fn();
    render(
      <LangProvider initial="en">
        <ApiErrorMessage error={new ApiError(0, {})} onRetry={retry} />
      </LangProvider>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("The server did not answer");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(retry).toHaveBeenCalledOnce();
  });
});

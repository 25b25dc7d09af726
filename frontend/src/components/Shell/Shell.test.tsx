import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";

import { authFetch, resetAuthForTests } from "../../auth/session";
import { LangProvider } from "../../i18n";
import { Shell } from "./Shell";

function Login() {
  const location = useLocation();
  return <p>login page {location.search}</p>;
}

afterEach(() => vi.unstubAllGlobals());

it("sends a user whose session ran out to the login page, remembering where they were", async () => {
  resetAuthForTests("signed-in", "expired-token");
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify({ error: "not_authenticated", detail: "expired" }), { status: 401 })),
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <LangProvider initial="en">
        <MemoryRouter initialEntries={["/portfolios/2?tab=ledger"]}>
          <Routes>
            <Route element={<Shell />}>
              <Route path="portfolios/:id" element={<p>portfolio</p>} />
              <Route path="login" element={<Login />} />
            </Route>
          </Routes>
        </MemoryRouter>
      </LangProvider>
    </QueryClientProvider>,
  );
  expect(await screen.findByText("portfolio")).toBeInTheDocument();
  await act(async () => {
    await authFetch(new Request("http://localhost/api/v1/users/portfolios/2/"));
  });
  expect(await screen.findByText(/login page/)).toHaveTextContent(
    "?next=%2Fportfolios%2F2%3Ftab%3Dledger&expired=1",
  );
});

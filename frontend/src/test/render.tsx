// Renders a component with the app's providers (query client, language, router) for tests.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";

import { LangProvider } from "../i18n";
import type { Lang } from "../i18n";

function Where() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export function renderWithApp(ui: ReactElement, { lang = "en", path = "/" }: { lang?: Lang; path?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <LangProvider initial={lang}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="*" element={ui} />
          </Routes>
          <Where />
        </MemoryRouter>
      </LangProvider>
    </QueryClientProvider>,
  );
}

/** A fetch stand-in answering JSON by URL path; records every request it gets. */
export function fakeFetch(answer: (url: URL, request: Request) => { status?: number; body: unknown; headers?: Record<string, string> }) {
  const calls: URL[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), window.location.origin), init);
    const url = new URL(request.url);
    calls.push(url);
    const { status = 200, body, headers = {} } = answer(url, request);
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
  });
  vi.stubGlobal("fetch", fn);
  return { fn, calls };
}

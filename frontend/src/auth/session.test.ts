import { authFetch, getAccessToken, getAuthStatus, onSessionExpired, refreshAccess, resetAuthForTests } from "./session";

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

afterEach(() => vi.unstubAllGlobals());

describe("the browser session", () => {
  it("gets an access token from the cookie, sending the CSRF header", async () => {
    resetAuthForTests();
    const fetchMock = vi.fn(async () => json(200, { access: "token-1" }));
    vi.stubGlobal("fetch", fetchMock);
    expect(await refreshAccess()).toBe(true);
    expect(getAccessToken()).toBe("token-1");
    expect(getAuthStatus()).toBe("signed-in");
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/users/web/refresh/");
    expect((init.headers as Record<string, string>)["X-Requested-With"]).toBe("stockvis");
  });

  it("shares one refresh between concurrent callers, because each refresh token works once", async () => {
    resetAuthForTests();
    const fetchMock = vi.fn(async () => json(200, { access: "token-2" }));
    vi.stubGlobal("fetch", fetchMock);
    await Promise.all([refreshAccess(), refreshAccess(), refreshAccess()]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("is signed out when the browser has no sign-in cookie", async () => {
    resetAuthForTests();
    vi.stubGlobal("fetch", vi.fn(async () => json(200, { access: null })));
    expect(await refreshAccess()).toBe(false);
    expect(getAuthStatus()).toBe("signed-out");
  });

  it("refreshes an expired access token once and retries the call with the new one", async () => {
    resetAuthForTests("signed-in", "old");
    const seen: (string | null)[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo) => {
        if (typeof input === "string") return json(200, { access: "new" });
        seen.push(input.headers.get("Authorization"));
        return input.headers.get("Authorization") === "Bearer new" ? json(200, { ok: 1 }) : json(401, { error: "expired" });
      }),
    );
    const response = await authFetch(new Request("http://localhost/api/v1/users/me/"));
    expect(response.status).toBe(200);
    expect(seen).toEqual(["Bearer old", "Bearer new"]);
  });

  it("announces an expired session when the refresh is refused", async () => {
    resetAuthForTests("signed-in", "old");
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo) => (typeof input === "string" ? json(401, { error: "blacklisted" }) : json(401, { error: "expired" }))),
    );
    const expired = vi.fn();
    const stop = onSessionExpired(expired);
    const response = await authFetch(new Request("http://localhost/api/v1/users/me/"));
    stop();
    expect(response.status).toBe(401);
    expect(expired).toHaveBeenCalledOnce();
    expect(getAuthStatus()).toBe("signed-out");
  });
});

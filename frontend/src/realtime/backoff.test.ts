import { BACKOFF_MAX_MS, backoffDelay, socketUrl } from "./backoff";

describe("backoffDelay", () => {
  it("doubles from one second and never waits more than thirty", () => {
    const ceiling = () => 1; // the top of each jitter range
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n, ceiling))).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(backoffDelay(5, ceiling)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(40, ceiling)).toBe(BACKOFF_MAX_MS);
  });

  it("spreads reconnects over the upper half of the range, never zero", () => {
    expect(backoffDelay(3, () => 0)).toBe(4000);
    expect(backoffDelay(0, () => 0)).toBe(500);
  });
});

describe("socketUrl", () => {
  it("uses wss on https and carries the access token in the query", () => {
    const secure = { protocol: "https:", host: "example.org" } as Location;
    expect(socketUrl("/ws/portfolio/", "a.b.c", secure)).toBe("wss://example.org/ws/portfolio/?token=a.b.c");
    const plain = { protocol: "http:", host: "127.0.0.1:8000" } as Location;
    expect(socketUrl("/ws/stocks/AAPL/", null, plain)).toBe("ws://127.0.0.1:8000/ws/stocks/AAPL/");
  });
});

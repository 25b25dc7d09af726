import { act, renderHook } from "@testing-library/react";

import { resetAuthForTests } from "../auth/session";
import { combineStatus, useSocket } from "./useSocket";

class FakeSocket {
  static all: FakeSocket[] = [];
  url: string;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  closed = false;
  constructor(url: string) {
    this.url = url;
    FakeSocket.all.push(this);
  }
  close() {
    this.closed = true;
  }
  open() {
    act(() => this.onopen?.());
  }
  send(data: unknown) {
    act(() => this.onmessage?.({ data: JSON.stringify(data) }));
  }
  lose(code = 1006) {
    act(() => this.onclose?.({ code }));
  }
}

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
  vi.stubGlobal("WebSocket", FakeSocket);
  resetAuthForTests("signed-in", "token-1");
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function flush() {
  await act(async () => {
    await Promise.resolve();
  });
}

describe("useSocket", () => {
  it("passes JSON messages on and reports open", async () => {
    const seen: unknown[] = [];
    const { result } = renderHook(() => useSocket("/ws/stocks/AAPL/", { onMessage: (m) => seen.push(m) }));
    await flush();
    expect(result.current.state).toBe("connecting");
    const socket = FakeSocket.all[0]!;
    expect(socket.url).toMatch(/\/ws\/stocks\/AAPL\/$/);
    socket.open();
    expect(result.current.state).toBe("open");
    socket.send({ type: "price_update", symbol: "AAPL", price: 1 });
    expect(seen).toEqual([{ type: "price_update", symbol: "AAPL", price: 1 }]);
  });

  it("reconnects after a loss with a growing wait and says how long", async () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    const { result } = renderHook(() => useSocket("/ws/portfolio/", { withToken: true, onMessage: () => undefined }));
    await flush();
    expect(FakeSocket.all[0]!.url).toContain("token=token-1");
    FakeSocket.all[0]!.lose();
    expect(result.current).toEqual({ state: "reconnecting", retryInSeconds: 1 });
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
    await flush();
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1]!.lose();
    expect(result.current).toEqual({ state: "reconnecting", retryInSeconds: 2 });
    await act(async () => {
      vi.advanceTimersByTime(1999);
    });
    expect(FakeSocket.all).toHaveLength(2);
    await act(async () => {
      vi.advanceTimersByTime(1);
    });
    await flush();
    expect(FakeSocket.all).toHaveLength(3);
    FakeSocket.all[2]!.open();
    expect(result.current.state).toBe("open");
  });

  it("gives up on a symbol the server does not know and closes on unmount", async () => {
    const { result, unmount } = renderHook(() => useSocket("/ws/stocks/ZZZZ/", { onMessage: () => undefined }));
    await flush();
    FakeSocket.all[0]!.lose(4404);
    expect(result.current.state).toBe("off");
    await act(async () => {
      vi.advanceTimersByTime(60_000);
    });
    expect(FakeSocket.all).toHaveLength(1);
    const { unmount: unmountOther } = renderHook(() => useSocket("/ws/stocks/AAPL/", { onMessage: () => undefined }));
    await flush();
    unmountOther();
    expect(FakeSocket.all[1]!.closed).toBe(true);
    unmount();
  });

  it("stays off without a path", () => {
    const { result } = renderHook(() => useSocket(null, { onMessage: () => undefined }));
    expect(result.current.state).toBe("off");
    expect(FakeSocket.all).toHaveLength(0);
  });
});

describe("combineStatus", () => {
  it("is open when any socket is, else the soonest reconnect", () => {
    expect(combineStatus([{ state: "off" }, { state: "open" }])).toEqual({ state: "open" });
    expect(combineStatus([{ state: "reconnecting", retryInSeconds: 8 }, { state: "reconnecting", retryInSeconds: 3 }])).toEqual({
      state: "reconnecting",
      retryInSeconds: 3,
    });
    expect(combineStatus([{ state: "off" }, { state: "off" }])).toEqual({ state: "off" });
  });
});

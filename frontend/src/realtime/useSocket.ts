// One WebSocket kept open while a component wants it: JSON messages to a callback, and on a loss
// a reconnect after an exponential backoff, with the state reported for the live indicator.
import { useEffect, useRef, useState } from "react";

import { getAccessToken, refreshAccess } from "../auth/session";
import type { LiveStatus } from "../live";
import { backoffDelay, socketUrl } from "./backoff";

export type SocketMessage = Record<string, unknown> & { type?: unknown };

/** Close codes after which trying again cannot help (a malformed or unknown symbol). */
const FINAL_CODES = new Set([4400, 4404]);
/** The server refused the credentials: get a fresh access token before the next attempt. */
const AUTH_CODE = 4401;
const OFF: LiveStatus = { state: "off" };

interface Options {
  /** Send the access token (the portfolio socket); public sockets go without. */
  withToken?: boolean;
  onMessage: (message: SocketMessage) => void;
}

export function useSocket(path: string | null, { withToken = false, onMessage }: Options): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>(OFF);
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  }, [onMessage]);

  useEffect(() => {
    if (path === null) return;
    let socket: WebSocket | null = null;
    let timer: number | undefined;
    let ticker: number | undefined;
    let attempt = 0;
    let stopped = false;
    let needsToken = false;

    const connect = async () => {
      if (stopped) return;
      setStatus({ state: attempt === 0 ? "connecting" : "reconnecting", retryInSeconds: 0 });
      if (withToken && (needsToken || getAccessToken() === null)) await refreshAccess();
      if (stopped) return;
      needsToken = false;
      const current = new WebSocket(socketUrl(path, withToken ? getAccessToken() : null));
      socket = current;
      current.onopen = () => {
        attempt = 0;
        setStatus({ state: "open" });
      };
      current.onmessage = (event: MessageEvent) => {
        if (typeof event.data !== "string") return;
        try {
          const message: unknown = JSON.parse(event.data);
          if (typeof message === "object" && message !== null) handler.current(message as SocketMessage);
        } catch {
          // Not JSON: nothing a page could use.
        }
      };
      current.onclose = (event: CloseEvent) => {
        if (stopped || socket !== current) return;
        socket = null;
        if (FINAL_CODES.has(event.code)) {
          setStatus({ state: "off" });
          return;
        }
        if (event.code === AUTH_CODE) needsToken = true;
        schedule();
      };
    };

    const schedule = () => {
      const delay = backoffDelay(attempt);
      attempt += 1;
      const due = Date.now() + delay;
      const tick = () =>
        setStatus({ state: "reconnecting", retryInSeconds: Math.max(0, Math.ceil((due - Date.now()) / 1000)) });
      tick();
      ticker = window.setInterval(tick, 1000);
      timer = window.setTimeout(() => {
        window.clearInterval(ticker);
        void connect();
      }, delay);
    };

    void connect();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      window.clearInterval(ticker);
      socket?.close(1000);
      socket = null;
    };
  }, [path, withToken]);

  // With no path there is no socket, whatever the last one reported.
  return path === null ? OFF : status;
}

/** One state for the header from several sockets: open if any is, else the most hopeful one. */
export function combineStatus(statuses: readonly LiveStatus[]): LiveStatus {
  const live = statuses.filter((s) => s.state !== "off");
  if (live.length === 0) return { state: "off" };
  if (live.some((s) => s.state === "open")) return { state: "open" };
  if (live.some((s) => s.state === "connecting")) return { state: "connecting" };
  const waits = live.map((s) => s.retryInSeconds ?? 0);
  return { state: "reconnecting", retryInSeconds: Math.min(...waits) };
}

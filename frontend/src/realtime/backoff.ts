// How long a lost socket waits before it tries again: doubling from one second up to thirty, with
// jitter so many tabs do not reconnect in the same instant after a server restart.

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 30_000;

/** The wait before reconnect attempt `attempt` (0 for the first retry after a loss). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  // Between half and all of the ceiling: never zero, never more than the cap.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The ws:// or wss:// URL of a path on this site, with the access token when there is one. */
export function socketUrl(path: string, token: string | null, location: Location = window.location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const query = token === null ? "" : `?token=${encodeURIComponent(token)}`;
  return `${scheme}//${location.host}${path}${query}`;
}

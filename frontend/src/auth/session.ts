// The browser's sign-in: the access token lives only in this module's memory; the refresh token
// is an HttpOnly cookie the server rotates (see stockvis/web/auth_views.py), so page scripts can
// never read a long-lived credential. A reload gets a new access token from the cookie.

export type AuthStatus = "unknown" | "signed-in" | "signed-out";

const WEB_AUTH = "/api/v1/users/web/";
const HEADERS = { "Content-Type": "application/json", "X-Requested-With": "stockvis" };

let access: string | null = null;
let status: AuthStatus = "unknown";
let inflight: Promise<boolean> | null = null;
const listeners = new Set<() => void>();
const expiryListeners = new Set<() => void>();

function setState(token: string | null): void {
  access = token;
  status = token === null ? "signed-out" : "signed-in";
  listeners.forEach((listener) => listener());
}

export function getAccessToken(): string | null {
  return access;
}

export function getAuthStatus(): AuthStatus {
  return status;
}

export function subscribeAuth(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called when a signed-in user's session ran out (refresh refused): the app sends them to login. */
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

async function postRefresh(refresh?: string): Promise<Response> {
  return fetch(`${WEB_AUTH}refresh/`, {
    method: "POST",
    headers: HEADERS,
    credentials: "same-origin",
    body: JSON.stringify(refresh === undefined ? {} : { refresh }),
  });
}

/**
 * A new access token from the cookie (or from `refresh`, right after login). Concurrent callers
 * share one request, because rotation makes each refresh token usable once.
 */
export function refreshAccess(refresh?: string): Promise<boolean> {
  if (inflight !== null && refresh === undefined) return inflight;
  const attempt = (async () => {
    try {
      let response = await postRefresh(refresh);
      // Another tab may have rotated the cookie a moment ago: its successor is in the jar now.
      if (response.status === 401 && refresh === undefined) response = await postRefresh();
      if (!response.ok) {
        setState(null);
        return false;
      }
      const body = (await response.json()) as { access: string | null };
      setState(body.access);
      return body.access !== null;
    } catch {
      // Offline: keep whatever we had; the next call tries again.
      if (status === "unknown") setState(null);
      return false;
    } finally {
      inflight = null;
    }
  })();
  inflight = attempt;
  return attempt;
}

/** Keep the refresh token from login/registration in the HttpOnly cookie; forget it here. */
export function adoptRefreshToken(refresh: string): Promise<boolean> {
  return refreshAccess(refresh);
}

export async function signOut(): Promise<void> {
  try {
    await fetch(`${WEB_AUTH}logout/`, { method: "POST", headers: HEADERS, credentials: "same-origin" });
  } finally {
    setState(null);
  }
}

function withToken(request: Request): Request {
  if (access === null) return request;
  const headers = new Headers(request.headers);
  headers.set("Authorization", `Bearer ${access}`);
  return new Request(request, { headers });
}

/** fetch for the API client: adds the access token and, when it has expired, refreshes once. */
export async function authFetch(input: Request): Promise<Response> {
  if (status === "unknown") await (inflight ?? refreshAccess());
  const retry = input.clone();
  const hadToken = access !== null;
  const response = await fetch(withToken(input));
  if (response.status !== 401 || !hadToken) return response;
  if (await refreshAccess()) return fetch(withToken(retry));
  expiryListeners.forEach((listener) => listener());
  return response;
}

/** For tests: forget everything. */
export function resetAuthForTests(next: AuthStatus = "unknown", token: string | null = null): void {
  access = token;
  status = next;
  inflight = null;
}

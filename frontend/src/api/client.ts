// The typed API client: paths and shapes come from schema.d.ts, generated from /api/schema/
// (`make ui-schema`), never written by hand.
import createClient from "openapi-fetch";

import { authFetch } from "../auth/session";
import { ApiError, networkError } from "./errors";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];

export const api = createClient<paths>({
  baseUrl: typeof window === "undefined" ? "" : window.location.origin,
  fetch: authFetch,
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call, or an ApiError thrown with the server's message. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw networkError(cause);
  }
  if (!result.response.ok) {
    throw new ApiError(
      result.response.status,
      result.error,
      result.response.headers.get("Retry-After"),
    );
  }
  return result.data as T;
}

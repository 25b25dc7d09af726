// One error type for every failed API call, carrying what the server said and, for a 429, how long
// to wait; components show it through <ApiErrorMessage>.

export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly retryAfter: number | null;
  readonly fieldErrors: Record<string, string[]>;

  constructor(status: number, body: unknown, retryAfterHeader: string | null = null) {
    super(messageOf(status, body));
    this.name = "ApiError";
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfterOf(body, retryAfterHeader);
    this.fieldErrors = fieldErrorsOf(body);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function messageOf(status: number, body: unknown): string {
  if (isRecord(body)) {
    // The API's shape is {"error": code, "detail": sentence}; the market API's is
    // {"error": sentence, "detail": {per parameter}}: the sentence is what a person reads.
    if (typeof body.detail === "string" && body.detail.length > 0) return body.detail;
    if (typeof body.error === "string") return body.error;
  }
  if (typeof body === "string" && body.length > 0 && body.length < 300) return body;
  return `HTTP ${status}`;
}

function retryAfterOf(body: unknown, header: string | null): number | null {
  if (isRecord(body) && typeof body.retry_after === "number") return body.retry_after;
  if (header !== null && /^\d+$/.test(header)) return Number(header);
  return null;
}

/** Per-field messages ({"fields": {"password": ["too short"]}}, or the market API's
 * {"detail": {...}}) flattened to strings. */
function fieldErrorsOf(body: unknown): Record<string, string[]> {
  const detail = isRecord(body) ? (isRecord(body.fields) ? body.fields : body.detail) : undefined;
  const out: Record<string, string[]> = {};
  if (!isRecord(detail)) return out;
  for (const [field, messages] of Object.entries(detail)) {
    if (Array.isArray(messages)) out[field] = messages.map(String);
    else if (typeof messages === "string") out[field] = [messages];
    else if (isRecord(messages)) out[field] = Object.values(messages).flat().map(String);
  }
  return out;
}

/** A network failure (server down, offline) as an ApiError with status 0. */
export function networkError(cause: unknown): ApiError {
  const error = new ApiError(0, { error: "network error: the server did not answer" });
  error.cause = cause;
  return error;
}

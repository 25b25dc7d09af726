// One error type for every failed API call, carrying what the server said and, for a 429, how long
// to wait; components show it through <ApiErrorMessage>. The server answers every error under
// /api/ as {"error": "<code>", "detail": "<message>", "fields"?: {...}, "retry_after"?: s}.

export class ApiError extends Error {
  readonly status: number;
  /** The server's stable code (not_found, invalid, throttled...), when it sent one. */
  readonly code: string | null;
  readonly body: unknown;
  readonly retryAfter: number | null;
  readonly fieldErrors: Record<string, string[]>;

  constructor(status: number, body: unknown, retryAfterHeader: string | null = null) {
    super(messageOf(status, body));
    this.name = "ApiError";
    this.status = status;
    this.code = isRecord(body) && typeof body.error === "string" ? body.error : null;
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
    if (typeof body.detail === "string") return body.detail;
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

/** The per-field messages of a 400 ({"fields": {"password": ["too short"]}}). */
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
  const error = new ApiError(0, { error: "network", detail: "the server did not answer" });
  error.cause = cause;
  return error;
}

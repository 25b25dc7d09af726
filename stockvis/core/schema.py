"""OpenAPI post-processing: every operation documents the errors every operation can answer."""

from __future__ import annotations

from typing import Any

from stockvis.core.symbols import SYMBOL_INPUT_PATTERN

ERROR_REF = {"$ref": "#/components/schemas/Error"}

# Any operation can meet these: a bad parameter or body, a missing or bad token (a bad Bearer
# token is refused even where signing in is optional), a refused permission or CSRF check, an
# id that is not yours or does not exist, and the throttles.
COMMON_ERRORS = {
    "400": "A parameter or the body is invalid; `fields` says which and why.",
    "401": "Not signed in, or the token is invalid or expired.",
    "403": "Signed in but not allowed (or a session request without its CSRF token).",
    "404": "The symbol, the object or the path does not exist (or is not yours).",
    "429": "Throttled; retry after `retry_after` seconds.",
}

ERROR_SCHEMA = {
    "type": "object",
    "description": "The body of every error answer under /api/.",
    "properties": {
        "error": {"type": "string", "description": "A stable code: invalid, not_found, ..."},
        "detail": {"type": "string", "description": "What went wrong, in one sentence."},
        "fields": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "description": "400 only: the messages of each invalid parameter or field.",
        },
        "retry_after": {"type": "integer", "description": "429 only: seconds to wait."},
    },
    "required": ["error", "detail"],
}


def document_error_responses(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular hook: the shared error responses, and the symbol pattern on every path."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for code, description in COMMON_ERRORS.items():
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": ERROR_REF}},
                    },
                )
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "path" and parameter.get("name") == "symbol":
                    parameter.setdefault("schema", {"type": "string"})
                    parameter["schema"].setdefault("pattern", SYMBOL_INPUT_PATTERN)
    return result

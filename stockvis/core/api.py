"""API plumbing shared by every app: the one JSON error shape and a fast JSON response.

Every error under /api/ is ``{"error": "<code>", "detail": "<message>"}``: a stable machine code
(``invalid``, ``not_found``, ``not_authenticated``, ``throttled``...) and one readable sentence. A
400 adds ``fields`` (the messages per parameter), a 429 adds ``retry_after`` (seconds).
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from django.http import HttpResponse
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

logger = logging.getLogger(__name__)

INTERNAL_ERROR = {"error": "server_error", "detail": "internal server error"}


class ErrorSerializer(serializers.Serializer[Any]):
    """The body of every error answer under /api/ (documented on every operation)."""

    error = serializers.CharField(help_text="A stable code: invalid, not_found, throttled...")
    detail = serializers.CharField(help_text="What went wrong, in one sentence.")
    fields = serializers.DictField(  # type: ignore[assignment]  # popped by the metaclass
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="400 only: the messages of each invalid parameter or field.",
    )
    retry_after = serializers.IntegerField(required=False, help_text="429 only: seconds to wait.")


def _flatten(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested validation detail as ``{"field.sub": ["message", ...]}``."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if key == "non_field_errors" and not prefix:
                name = "non_field_errors"
            flat.update(_flatten(value, name))
        return flat
    if isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            return {prefix or "non_field_errors": [str(item) for item in detail]}
        flat = {}
        for index, item in enumerate(detail):
            flat.update(_flatten(item, f"{prefix}[{index}]" if prefix else f"[{index}]"))
        return flat
    return {prefix or "non_field_errors": [str(detail)]}


def _code(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    if isinstance(codes, str):
        return codes
    return str(getattr(exc, "default_code", "error"))


def error_body(exc: exceptions.APIException) -> dict[str, Any]:
    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail)
        sentence = "; ".join(
            f"{name}: {' '.join(messages)}" if name != "non_field_errors" else " ".join(messages)
            for name, messages in fields.items()
        )
        return {"error": "invalid", "detail": sentence or "invalid request", "fields": fields}
    detail = exc.detail
    if isinstance(detail, dict):  # simplejwt nests its message and a list of token messages
        message = str(detail.get("detail", detail))
    elif isinstance(detail, list):
        message = " ".join(str(item) for item in detail)
    else:
        message = str(detail)
    body: dict[str, Any] = {"error": _code(exc), "detail": message}
    wait = getattr(exc, "wait", None)
    if isinstance(exc, exceptions.Throttled):
        body["error"] = "throttled"
        body["retry_after"] = round(wait) if wait is not None else 60
    return body


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler with the one error shape; anything unexpected is a logged JSON 500."""
    response = drf_exception_handler(exc, context)
    if response is None:
        logger.exception("unhandled API error", exc_info=exc)
        return Response(INTERNAL_ERROR, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
    if isinstance(exc, exceptions.APIException):
        response.data = error_body(exc)
    else:  # Http404 and PermissionDenied, which DRF turned into NotFound and PermissionDenied
        code = "not_found" if response.status_code == 404 else "permission_denied"
        detail = response.data.get("detail") if isinstance(response.data, dict) else None
        response.data = {"error": code, "detail": str(detail or code.replace("_", " "))}
    return response


def fast_json(
    payload: object, *, status_code: int = 200, headers: dict[str, str] | None = None
) -> HttpResponse:
    """Encode once with orjson (NaN becomes null) for bulk payloads such as chart bars."""
    body = orjson.dumps(payload, option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS)
    response = HttpResponse(body, content_type="application/json", status=status_code)
    for key, value in (headers or {}).items():
        response[key] = value
    return response

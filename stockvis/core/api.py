"""API plumbing shared by every app: the JSON error shape and a fast JSON response."""

from __future__ import annotations

import logging
from typing import Any

import orjson
from django.http import HttpResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

logger = logging.getLogger(__name__)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Every API error is JSON: ``{"error": <message>, "detail": <DRF detail>}`` with its status.

    Anything unexpected is logged and answered with a JSON 500 rather than an HTML page.
    """
    response = drf_exception_handler(exc, context)
    if response is None:
        logger.exception("unhandled API error", exc_info=exc)
        return Response(
            {"error": "internal server error"}, status=status.HTTP_500_INTERNAL_SERVER_ERROR
        )
    detail = response.data
    if isinstance(exc, exceptions.ValidationError):
        message = "invalid request parameters"
    elif isinstance(detail, dict) and "detail" in detail:
        message = str(detail["detail"])
    else:
        message = str(detail)
    wait = getattr(exc, "wait", None)
    if isinstance(exc, exceptions.Throttled) and wait is not None:
        response.data = {"error": message, "retry_after": round(wait)}
    else:
        response.data = {"error": message, "detail": detail}
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

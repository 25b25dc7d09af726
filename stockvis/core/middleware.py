"""Response middleware: JSON for every error under /api/, and the Content-Security-Policy."""

from __future__ import annotations

import logging
from collections.abc import Callable
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import BadRequest, DisallowedHost, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponseBase, JsonResponse

from stockvis.core.api import INTERNAL_ERROR

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
# What Django's own handler answers with a 4xx rather than a 500.
CLIENT_ERRORS = (Http404, PermissionDenied, BadRequest, SuspiciousOperation)


def _is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def _is_json(response: HttpResponseBase) -> bool:
    return "json" in response.get("Content-Type", "")


class JsonErrorsUnderApiMiddleware:
    """Under /api/, errors Django answers by itself come back as JSON in the one error shape.

    DRF views already answer JSON (or the browsable API a client asked for). What is left: paths
    that match no route (Django's 404 page), exceptions raised outside DRF's handler, including
    while a response renders, and other plain-HTML errors (405, 400 from a bad host).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if (
            response.status_code >= 400
            and _is_api(request)
            and not _is_json(response)
            and getattr(response, "accepted_renderer", None) is None
        ):
            status = response.status_code
            try:
                reason = HTTPStatus(status).phrase
            except ValueError:
                reason = "error"
            code = reason.lower().replace(" ", "_").replace("-", "_")
            detail = f"no API endpoint at {request.path}" if status == 404 else reason.lower()
            replacement = JsonResponse({"error": code, "detail": detail}, status=status)
            for header in ("Allow", "Retry-After", "WWW-Authenticate"):
                if header in response:
                    replacement[header] = response[header]
            return replacement
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> JsonResponse | None:
        if not _is_api(request) or isinstance(exception, CLIENT_ERRORS):
            return None  # Django answers these 4xx itself; __call__ turns them into JSON
        logger.exception("unhandled API error on %s %s", request.method, request.path)
        return JsonResponse(INTERNAL_ERROR, status=500)


class ContentSecurityPolicyMiddleware:
    """Adds ``CONTENT_SECURITY_POLICY`` to every response that has none, except DRF's browsable
    API pages (their inline script is DRF's, and they are a development tool)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        policy: str = settings.CONTENT_SECURITY_POLICY
        if not policy or "Content-Security-Policy" in response:
            return response
        renderer = getattr(response, "accepted_renderer", None)
        if renderer is not None and getattr(renderer, "format", "") == "api":
            return response
        try:
            host = request.get_host()
        except DisallowedHost:
            host = ""
        if host:
            policy = policy.replace("{host}", host)
        else:  # no trustworthy host: keep only what needs none
            policy = policy.replace(" ws://{host}", "").replace(" wss://{host}", "")
        response["Content-Security-Policy"] = policy
        return response

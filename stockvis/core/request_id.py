"""A request id on every HTTP request: in the `X-Request-ID` response header and on every log line
written while the request runs (JSON logs carry it as `request_id`), so one failing request can be
followed through the log. A sane id sent by a proxy is kept, so the proxy's log lines match."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

from stockvis.core.logging import log_context

HEADER = "X-Request-ID"
_SANE = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        sent = request.headers.get(HEADER, "")
        request_id = sent if _SANE.match(sent) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]  # read by ContextFilter
        with log_context(request_id=request_id):
            response = self.get_response(request)
        response[HEADER] = request_id
        return response

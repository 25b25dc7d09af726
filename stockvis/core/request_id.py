"""A request id on every HTTP request: in the `X-Request-ID` response header and on every log line
written while the request runs (JSON logs carry it as `request_id`), so one failing request can be
followed through the log. A sane id sent by a proxy is kept, so the proxy's log lines match."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.http import HttpRequest, HttpResponseBase

from stockvis.core.logging import log_context

HEADER = "X-Request-ID"
_SANE = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")


class RequestIdMiddleware:
    """Sync under WSGI, a coroutine under ASGI (so the chain never leaves the event loop here)."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> Any:
        if self.is_async:
            return self._acall(request)
        request_id = _request_id(request)
        with log_context(request_id=request_id):
            response = self.get_response(request)
        response[HEADER] = request_id
        return response

    async def _acall(self, request: HttpRequest) -> HttpResponseBase:
        request_id = _request_id(request)
        with log_context(request_id=request_id):
            response = await self.get_response(request)
        response[HEADER] = request_id
        return response


def _request_id(request: HttpRequest) -> str:
    sent = request.headers.get(HEADER, "")
    request_id = sent if _SANE.match(sent) else uuid.uuid4().hex
    request.request_id = request_id  # type: ignore[attr-defined]  # read by ContextFilter
    return request_id

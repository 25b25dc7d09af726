"""Health endpoint for load balancers, `make run` readiness and operators; the API docs switch."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseBase, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from stockvis.core.health import check_services


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    services = check_services()
    healthy = all(s.ok for s in services)
    body = {
        "status": "ok" if healthy else "degraded",
        "services": {
            s.name: {"ok": s.ok, "detail": s.detail, "latency_ms": s.latency_ms} for s in services
        },
    }
    return JsonResponse(body, status=200 if healthy else 503)


def unless_api_docs_off(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """``view``, or a 404 when ``API_DOCS`` is off (production may hide its schema and docs)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not settings.API_DOCS:
            raise Http404("the API documentation is turned off (API_DOCS=false)")
        return view(request, *args, **kwargs)

    return wrapped

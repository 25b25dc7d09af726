"""Health endpoints (liveness for load balancers, readiness for `make run` and operators) and the
API docs switch."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseBase, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from stockvis.core.health import ServiceHealth, check_processes, check_services


def _services_body(services: list[ServiceHealth]) -> dict[str, dict[str, object]]:
    return {s.name: {"ok": s.ok, "detail": s.detail, "latency_ms": s.latency_ms} for s in services}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: this web process answers and reaches the database, cache and broker."""
    services = check_services()
    healthy = all(s.ok for s in services)
    body = {"status": "ok" if healthy else "degraded", "services": _services_body(services)}
    return JsonResponse(body, status=200 if healthy else 503)


@never_cache
@require_GET
def readiness(request: HttpRequest) -> JsonResponse:
    """Readiness: liveness plus the background processes (a worker that consumes, beat ticking,
    the feed), each with the age of its last heartbeat; 503 until every part is fine."""
    services = check_services()
    processes = check_processes()
    ready = all(s.ok for s in services) and all(p.ok for p in processes)
    # Imported here: the provider registry loads the clients (pandas); liveness stays light.
    from stockvis.providers.registry import circuit_states

    body = {
        "status": "ready" if ready else "not_ready",
        "services": _services_body(services),
        "processes": {
            p.name: {"ok": p.ok, "detail": p.detail, "age_s": p.age_s} for p in processes
        },
        # An open circuit is a provider's trouble, not this deployment's: shown, not counted.
        "providers": circuit_states(),
    }
    response = JsonResponse(body, status=200 if ready else 503)
    # Not ready is an expected state (every start-up passes through it), not a server error for
    # django.request to log at ERROR on each probe; the body says what is missing.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


def unless_api_docs_off(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """``view``, or a 404 when ``API_DOCS`` is off (production may hide its schema and docs)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not settings.API_DOCS:
            raise Http404("the API documentation is turned off (API_DOCS=false)")
        return view(request, *args, **kwargs)

    return wrapped

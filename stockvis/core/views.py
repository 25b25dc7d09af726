"""Health endpoint used by load balancers, `make run` readiness and operators."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
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

"""Health probes answer by address and over plain HTTP, whatever the site's host and TLS settings.

A container's healthcheck, a load balancer or an orchestrator asks a web process directly
(http://127.0.0.1:8000/healthz or its internal address), not through the TLS proxy: in production
Django would refuse that Host (ALLOWED_HOSTS holds the public names) or redirect the probe to
https:// (SECURE_SSL_REDIRECT), so a healthy process would count as dead. The two health views
build no URL from the Host header and set no cookie, so this middleware, placed before
SecurityMiddleware, calls them without those checks; every other path goes on as usual.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

from stockvis.core.views import healthz, readiness

PROBES: dict[str, Callable[[HttpRequest], HttpResponseBase]] = {
    "/healthz": healthz,
    "/healthz/ready": readiness,
}


class HealthProbeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        probe = PROBES.get(request.path_info)
        if probe is None:
            return self.get_response(request)
        return probe(request)

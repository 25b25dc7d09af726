"""The ASGI app `bench.http` serves: the real one, plus a bare Django view at /bench/bare/.

Only the benchmark mounts this module (uvicorn bench._http_app:application); production URLs are
untouched. The bare view answers the bytes in BENCH_BARE_BODY (a file holding a cached chart
answer), so it sends exactly what the chart sends, through the same middleware and server.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.asgi import application  # noqa: F401  # sets Django up; served by uvicorn

_body: list[bytes] = []


def bare(request: HttpRequest) -> HttpResponse:
    if not _body:
        _body.append(Path(os.environ["BENCH_BARE_BODY"]).read_bytes())
    return HttpResponse(_body[0], content_type="application/json")


def _urlpatterns() -> list[Any]:
    from config.urls import urlpatterns as real

    return [path("bench/bare/", bare), *real]


urlpatterns = _urlpatterns()
settings.ROOT_URLCONF = __name__

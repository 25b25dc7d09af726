"""Serves the built single-page app's index.html for every client route (the router runs in the
browser), never cached; stockvis.core.middleware adds the Content-Security-Policy that keeps
injected scripts from running."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

BUILD_DIR = Path(__file__).resolve().parent / "static" / "ui"


@cache
def _index_html(path: Path, modified_ns: int) -> bytes:
    # Keyed by modification time, so a rebuild (`make ui`) is served without a restart.
    return path.read_bytes()


@require_safe
@never_cache
def spa_index(request: HttpRequest) -> HttpResponse:
    index = BUILD_DIR / "index.html"
    if not index.is_file():
        return HttpResponse(
            "The web UI is not built. Run `make ui` (needs Node.js) to build it.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    body = _index_html(index, index.stat().st_mtime_ns)
    response = HttpResponse(body, content_type="text/html; charset=utf-8")
    response["Referrer-Policy"] = "same-origin"
    return response

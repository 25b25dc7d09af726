"""Under ASGI the whole middleware chain runs on the event loop (no thread hop per middleware),
with the same answers and protections as the synchronous chain the other tests drive."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings
from django.test import AsyncClient
from django.utils.module_loading import import_string

pytestmark = pytest.mark.django_db


def test_every_middleware_can_run_in_an_async_chain() -> None:
    sync_only = [
        path
        for path in settings.MIDDLEWARE
        if not getattr(import_string(path), "async_capable", False)
    ]
    assert sync_only == []


def _get(path: str, **headers: Any) -> Any:
    return async_to_sync(AsyncClient().get)(path, **headers)


def test_a_chart_through_the_async_chain_keeps_every_header(market: None) -> None:
    response = _get("/api/v1/stocks/api/chart/AAPL/", headers={"X-Request-ID": "req-12345678"})
    assert response.status_code == 200
    assert response.json()["symbol"] == "AAPL"
    assert response["X-Request-ID"] == "req-12345678"
    assert "Content-Security-Policy" in response
    assert response["X-Content-Type-Options"] == "nosniff"
    not_modified = _get(
        "/api/v1/stocks/api/chart/AAPL/", headers={"If-None-Match": response["ETag"]}
    )
    assert not_modified.status_code == 304


def test_errors_through_the_async_chain_are_json(market: None) -> None:
    missing = _get("/api/v1/nope/")
    assert missing.status_code == 404
    assert missing.json() == {"error": "not_found", "detail": "no API endpoint at /api/v1/nope/"}
    assert "X-Request-ID" in missing
    invalid = _get("/api/v1/stocks/api/chart/AAPL/?period=7y")
    assert invalid.status_code == 400
    assert invalid.json()["error"] == "invalid"


def test_static_files_are_served_through_the_async_chain() -> None:
    from pathlib import Path

    built = next((Path(settings.BASE_DIR) / "stockvis/web/static/ui/assets").glob("*.css"))
    response = _get(f"/static/ui/assets/{built.name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == built.read_bytes()

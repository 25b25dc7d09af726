"""The built web UI: client routes load index.html uncached, hashed bundles are cached a year, and
the API, admin, health and static paths never fall through to the page."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from stockvis.web.spa import BUILD_DIR

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/stocks/AAPL", "/portfolios/2", "/me", "/stocks/005930"])
def test_client_routes_answer_the_index_page_uncached(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b'<div id="root">' in response.content
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path", ["/api/v1/nothing-here/", "/api/nope", "/admin/nope/", "/ws/stocks/AAPL/"]
)
def test_api_admin_and_socket_paths_never_get_the_index_page(client: Client, path: str) -> None:
    response = client.get(path)
    assert b'<div id="root">' not in response.content


def test_health_and_the_schema_are_unaffected(client: Client) -> None:
    assert client.get("/api/schema/").status_code == 200
    health = client.get("/healthz")
    assert health["Content-Type"].startswith("application/json")


def test_hashed_bundles_are_cached_for_a_year_and_the_index_names_them(client: Client) -> None:
    index = (BUILD_DIR / "index.html").read_text()
    bundle = re.search(r'src="(/static/ui/assets/[^"]+\.js)"', index)
    assert bundle, index
    response = client.get(bundle.group(1))
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    assert "max-age=315360000" in response["Cache-Control"]

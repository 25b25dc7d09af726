"""Every error under /api/ is JSON in the one shape; pages carry the Content-Security-Policy."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    ["/api/nope/", "/api/v1/nope/", "/api/v1/stocks/api/chart/", "/api/v1/stocks/api/chart/A/B/"],
)
def test_an_unknown_api_path_is_a_json_404(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "not_found", "detail": f"no API endpoint at {path}"}


def test_a_wrong_method_on_a_plain_django_api_view_is_json(client: Client) -> None:
    response = client.post("/api/v1/stocks/api/chart/AAPL/")
    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"


@pytest.mark.urls("tests.core.error_urls")
@pytest.mark.parametrize("path", ["/api/v1/test/render/", "/api/v1/test/drf-render/"])
def test_an_error_raised_while_rendering_is_a_json_500(
    path: str, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client(raise_request_exception=False)
    for debug in (False, True):  # DEBUG's HTML traceback page must not win either
        settings.DEBUG = debug
        response = client.get(path)
        assert response.status_code == 500
        assert response.json() == {"error": "server_error", "detail": "internal server error"}
    assert "unhandled API error" in caplog.text  # the bug is still logged for the operator


@pytest.mark.urls("tests.core.error_urls")
def test_a_bug_in_a_view_is_json_under_api_and_left_alone_elsewhere() -> None:
    client = Client(raise_request_exception=False)
    assert client.get("/api/v1/test/view/").json()["error"] == "server_error"
    page = client.get("/elsewhere/view/")
    assert page.status_code == 500
    assert "json" not in page["Content-Type"]


def test_pages_carry_a_content_security_policy_without_inline_scripts(client: Client) -> None:
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert "data:" in directives["img-src"]
    assert {"'self'", "ws://testserver", "wss://testserver"} <= set(directives["connect-src"])
    assert directives["frame-ancestors"] == ["'none'"]


def test_the_api_docs_work_under_the_policy(client: Client) -> None:
    page = client.get("/api/docs/")
    assert "Content-Security-Policy" in page
    html = page.content.decode()
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", html)
    assert inline == []


def test_the_api_docs_and_schema_can_be_turned_off(client: Client, settings: Any) -> None:
    settings.API_DOCS = False
    for path in ("/api/docs/", "/api/schema/"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["error"] == "not_found"

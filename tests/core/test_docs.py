import os
import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_is_served_as_openapi_3(client: Client) -> None:
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Stock-Vis API"


def test_the_api_docs_load_their_assets_from_this_server_not_a_cdn(client: Client) -> None:
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(
        r'href="([^"]+\.css)"', html
    )
    assert scripts
    # Static files, and Swagger UI's start-up script served by the docs view itself (the page
    # has no inline script, so it works under the Content-Security-Policy).
    assert not re.findall(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", html)
    for src in scripts:
        assert src.startswith(("/static/", "/api/docs/?script")), src
        assert client.get(src).status_code == 200, src


def test_the_schema_generates_without_warnings_and_validates() -> None:
    from django.core.management import call_command

    # --fail-on-warn turns every drf-spectacular warning (an undocumented view, an enum name
    # collision, a guessed type) into an error, so the schema cannot silently drift from the API.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", os.devnull)

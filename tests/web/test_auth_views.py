"""Browser sign-in: the refresh token moves into an HttpOnly cookie, rotates on every refresh, and
is revoked on logout; requests without the X-Requested-With header are refused (CSRF)."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from stockvis.web.auth_views import COOKIE_NAME

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-unusual-passphrase"
REFRESH = "/api/v1/users/web/refresh/"
LOGOUT = "/api/v1/users/web/logout/"
SCRIPT = {"HTTP_X_REQUESTED_WITH": "stockvis"}


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def registered_refresh(client: APIClient) -> str:
    response = client.post(
        "/api/v1/users/register/", {"username": "dana", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 201
    return str(response.json()["refresh"])


def test_a_refresh_token_moves_into_an_http_only_strict_cookie_and_gives_an_access_token() -> None:
    client = APIClient()
    refresh = registered_refresh(client)
    response = client.post(REFRESH, {"refresh": refresh}, format="json", **SCRIPT)
    assert response.status_code == 200
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/api/v1/users/web/"
    assert cookie.value != refresh  # rotated: the token the page saw is spent
    me = APIClient()
    me.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    assert me.get("/api/v1/users/me/").json()["username"] == "dana"


def test_the_cookie_rotates_and_a_spent_token_is_refused() -> None:
    client = APIClient()
    refresh = registered_refresh(client)
    client.post(REFRESH, {"refresh": refresh}, format="json", **SCRIPT)
    again = client.post(REFRESH, {}, format="json", **SCRIPT)
    assert again.status_code == 200
    assert again.json()["access"]
    spent = APIClient().post(REFRESH, {"refresh": refresh}, format="json", **SCRIPT)
    assert spent.status_code == 401
    assert spent.json()["error"] == "not_authenticated"


def test_a_browser_without_the_cookie_is_simply_not_signed_in() -> None:
    response = APIClient().post(REFRESH, {}, format="json", **SCRIPT)
    assert response.status_code == 200
    assert response.json() == {"access": None}


def test_requests_without_the_script_header_are_refused() -> None:
    client = APIClient()
    refresh = registered_refresh(client)
    assert client.post(REFRESH, {"refresh": refresh}, format="json").status_code == 403
    assert client.post(LOGOUT).status_code == 403


def test_logout_revokes_the_cookie_token_and_clears_the_cookie() -> None:
    client = APIClient()
    client.post(REFRESH, {"refresh": registered_refresh(client)}, format="json", **SCRIPT)
    held = client.cookies[COOKIE_NAME].value
    response = client.post(LOGOUT, **SCRIPT)
    assert response.status_code == 204
    assert response.cookies[COOKIE_NAME].value == ""
    assert APIClient().post(REFRESH, {"refresh": held}, format="json", **SCRIPT).status_code == 401

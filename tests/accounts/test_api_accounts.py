"""Registration, JWT login/refresh/logout, profile and password change through the API."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from stockvis.accounts.models import User
from stockvis.portfolios.models import Portfolio

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-unusual-passphrase"


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def register(client: APIClient, username: str = "carol", **extra: Any) -> Any:
    body = {"username": username, "password": PASSWORD, "email": f"{username}@example.org"}
    return client.post("/api/v1/users/register/", {**body, **extra}, format="json")


def login(client: APIClient, username: str = "carol", password: str = PASSWORD) -> Any:
    return client.post(
        "/api/v1/users/login/", {"username": username, "password": password}, format="json"
    )


def bearer(access: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client


def test_registration_signs_in_and_creates_a_default_portfolio_in_the_base_currency() -> None:
    response = register(APIClient(), base_currency="USD", timezone="America/New_York")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["user"]["username"] == "carol"
    assert body["user"]["base_currency"] == "USD"
    assert "password" not in body["user"]
    assert body["access"]
    assert body["refresh"]
    portfolio = Portfolio.objects.get(owner__username="carol")
    assert (portfolio.is_default, portfolio.base_currency, portfolio.mode) == (
        True,
        "USD",
        "holdings",
    )
    me = bearer(body["access"]).get("/api/v1/users/me/")
    assert me.status_code == 200
    assert me.json()["timezone"] == "America/New_York"


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"password": "password"}, "password"),
        ({"password": "8675309123"}, "password"),
        ({"username": "a b"}, "username"),
        ({"base_currency": "EUR"}, "base_currency"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
    ],
)
def test_registration_refuses_bad_input_with_a_400_naming_the_field(
    extra: dict[str, str], field: str
) -> None:
    response = register(APIClient(), **extra)
    assert response.status_code == 400
    assert field in response.json()["detail"]
    assert not User.objects.exists()


def test_a_username_can_be_registered_once_whatever_its_case() -> None:
    assert register(APIClient()).status_code == 201
    again = register(APIClient(), username="CAROL")
    assert again.status_code == 400
    assert "username" in again.json()["detail"]


def test_login_answers_a_token_pair_and_refuses_a_wrong_password() -> None:
    register(APIClient())
    ok = login(APIClient())
    assert ok.status_code == 200
    assert set(ok.json()) == {"access", "refresh"}
    assert login(APIClient(), password="wrong").status_code == 401


def test_refresh_rotates_and_a_used_refresh_token_is_refused() -> None:
    register(APIClient())
    first = login(APIClient()).json()["refresh"]
    rotated = APIClient().post("/api/v1/users/token/refresh/", {"refresh": first}, format="json")
    assert rotated.status_code == 200
    assert rotated.json()["refresh"] != first
    reused = APIClient().post("/api/v1/users/token/refresh/", {"refresh": first}, format="json")
    assert reused.status_code == 401


def test_logout_blacklists_the_refresh_token() -> None:
    register(APIClient())
    tokens = login(APIClient()).json()
    out = bearer(tokens["access"]).post(
        "/api/v1/users/logout/", {"refresh": tokens["refresh"]}, format="json"
    )
    assert out.status_code == 204
    again = APIClient().post(
        "/api/v1/users/token/refresh/", {"refresh": tokens["refresh"]}, format="json"
    )
    assert again.status_code == 401
    garbage = APIClient().post("/api/v1/users/logout/", {"refresh": "nonsense"}, format="json")
    assert garbage.status_code == 400


def test_the_profile_is_read_and_edited_but_the_username_stays() -> None:
    access = register(APIClient()).json()["access"]
    client = bearer(access)
    changed = client.patch(
        "/api/v1/users/me/",
        {
            "display_name": "Carol K",
            "base_currency": "USD",
            "timezone": "Europe/Berlin",
            "username": "mallory",
            "discord_webhook_url": "https://discord.com/api/webhooks/1/abc",
        },
        format="json",
    )
    assert changed.status_code == 200, changed.json()
    body = changed.json()
    assert (body["display_name"], body["base_currency"], body["timezone"]) == (
        "Carol K",
        "USD",
        "Europe/Berlin",
    )
    assert body["username"] == "carol"
    assert (
        client.patch("/api/v1/users/me/", {"timezone": "Nowhere"}, format="json").status_code == 400
    )
    not_discord = client.patch(
        "/api/v1/users/me/", {"discord_webhook_url": "https://evil.example/hook"}, format="json"
    )
    assert not_discord.status_code == 400
    replaced = client.put(
        "/api/v1/users/me/", {"email": "c@example.org", "display_name": "C"}, format="json"
    )
    assert replaced.status_code == 200
    assert replaced.json()["email"] == "c@example.org"


def test_the_profile_says_whether_the_user_is_staff_but_never_lets_them_become_staff() -> None:
    client = bearer(register(APIClient()).json()["access"])
    assert client.get("/api/v1/users/me/").json()["is_staff"] is False
    escalated = client.patch("/api/v1/users/me/", {"is_staff": True}, format="json")
    assert escalated.status_code == 200
    assert escalated.json()["is_staff"] is False
    assert User.objects.get(username="carol").is_staff is False
    User.objects.filter(username="carol").update(is_staff=True)
    assert client.get("/api/v1/users/me/").json()["is_staff"] is True


def test_the_profile_needs_a_signed_in_user() -> None:
    assert APIClient().get("/api/v1/users/me/").status_code == 401


def test_a_password_change_checks_both_passwords_and_revokes_old_refresh_tokens() -> None:
    tokens = register(APIClient()).json()
    client = bearer(tokens["access"])
    url = "/api/v1/users/me/password/"
    wrong = client.post(url, {"old_password": "nope", "new_password": "x" * 3}, format="json")
    assert wrong.status_code == 400
    weak = client.post(url, {"old_password": PASSWORD, "new_password": "12345678"}, format="json")
    assert weak.status_code == 400
    new = "another-quite-long-passphrase"
    ok = client.post(url, {"old_password": PASSWORD, "new_password": new}, format="json")
    assert ok.status_code == 204
    assert login(APIClient(), password=PASSWORD).status_code == 401
    assert login(APIClient(), password=new).status_code == 200
    stale = APIClient().post(
        "/api/v1/users/token/refresh/", {"refresh": tokens["refresh"]}, format="json"
    )
    assert stale.status_code == 401


def test_login_is_throttled_after_ten_attempts_a_minute() -> None:
    client = APIClient()
    codes = [login(client, password="wrong").status_code for _ in range(11)]
    assert codes[:10] == [401] * 10
    assert codes[10] == 429


def test_registration_shares_the_auth_throttle() -> None:
    client = APIClient()
    codes = [register(client, username=f"user{i}").status_code for i in range(11)]
    assert codes[:10] == [201] * 10
    assert codes[10] == 429


def test_session_login_still_serves_the_browsable_api() -> None:
    assert APIClient().get("/api/v1/users/session/login/").status_code == 200
    register(APIClient())
    client = APIClient()
    assert client.login(username="carol", password=PASSWORD)
    assert client.get("/api/v1/users/me/").status_code == 200

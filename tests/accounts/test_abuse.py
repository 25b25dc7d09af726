"""Abuse of the account endpoints: forged proxy headers, many addresses, races, dead users."""

from __future__ import annotations

import time
from typing import Any

import jwt
import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from rest_framework.settings import api_settings
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from stockvis.accounts.models import User
from stockvis.accounts.serializers import RegisterSerializer

from .test_api_accounts import PASSWORD, login, register

pytestmark = pytest.mark.django_db

OLD_FIXED_KEY = "insecure-development-key-do-not-use-in-production"
WRONG = {"username": "carol", "password": "wrong-guess"}


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def rates(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    # DRF binds the rates at import time, so a test changes the class attribute.
    rates = dict(SimpleRateThrottle.THROTTLE_RATES)
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", rates)
    return rates


def test_a_forged_x_forwarded_for_does_not_buy_more_password_guesses() -> None:
    client = APIClient()
    codes = [
        client.post(
            "/api/v1/users/login/", WRONG, format="json", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}"
        ).status_code
        for n in range(12)
    ]
    assert codes[:10] == [401] * 10
    assert codes[10:] == [429, 429]


def test_behind_one_trusted_proxy_the_address_it_appends_is_the_client(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(api_settings, "NUM_PROXIES", 1)
    client = APIClient()

    def guess(username: str, forwarded: str) -> int:
        body = {"username": username, "password": "wrong-guess"}
        return client.post(
            "/api/v1/users/login/", body, format="json", HTTP_X_FORWARDED_FOR=forwarded
        ).status_code

    # The client may prepend anything; the proxy's own entry (the last) is what counts.
    assert [guess(f"user{n}", f"1.2.3.{n}, 203.0.113.7") for n in range(11)][-1] == 429
    assert guess("someone", "198.51.100.9") == 401


def test_guessing_one_username_from_many_addresses_is_cut_off(rates: dict[str, Any]) -> None:
    rates["auth_username"] = "5/hour"
    codes = [
        APIClient().post("/api/v1/users/login/", WRONG, format="json", REMOTE_ADDR=f"10.1.0.{n}")
        for n in range(6)
    ]
    assert [r.status_code for r in codes] == [401] * 5 + [429]
    assert codes[-1].json()["error"] == "throttled"
    # Another username from the same addresses is not affected, and case does not help.
    other = {"username": "dave", "password": "x"}
    assert APIClient().post("/api/v1/users/login/", other, format="json").status_code == 401
    upper = {"username": "CAROL", "password": "x"}
    assert APIClient().post("/api/v1/users/login/", upper, format="json").status_code == 429


def test_the_admin_login_form_counts_per_username_across_addresses(rates: dict[str, Any]) -> None:
    rates["auth_username"] = "3/hour"
    codes = [
        Client(REMOTE_ADDR=f"10.2.0.{n}").post("/admin/login/", WRONG).status_code for n in range(4)
    ]
    assert codes == [200, 200, 200, 429]


def test_the_admin_login_form_ignores_a_forged_x_forwarded_for() -> None:
    client = Client()
    codes = [
        client.post(
            "/admin/login/",
            {"username": f"u{n}", "password": "x"},
            HTTP_X_FORWARDED_FOR=f"10.9.{n}.1",
        ).status_code
        for n in range(11)
    ]
    assert codes[-1] == 429


def test_usernames_differing_only_in_case_are_refused_by_the_database() -> None:
    User.objects.create_user("name", password=PASSWORD)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("NAME", password=PASSWORD)


def test_the_loser_of_a_registration_race_gets_a_400_not_a_500(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert register(APIClient(), username="name").status_code == 201
    # The winner's row is not yet visible when the loser's serializer checks (a race).
    monkeypatch.setattr(RegisterSerializer, "validate_username", lambda self, value: value)
    for loser in ("NAME", "Name"):
        response = register(APIClient(), username=loser)
        assert response.status_code == 400
        assert response.json()["error"] == "invalid"
        assert "username" in response.json()["fields"]
    assert User.objects.filter(username__iexact="name").count() == 1


def test_the_refresh_token_of_a_deleted_user_is_a_401_not_a_500() -> None:
    register(APIClient())
    refresh = login(APIClient()).json()["refresh"]
    User.objects.filter(username="carol").delete()
    response = APIClient().post("/api/v1/users/token/refresh/", {"refresh": refresh}, format="json")
    assert response.status_code == 401
    assert response.json()["error"] == "no_active_account"


def test_a_token_forged_with_the_key_that_used_to_be_in_the_repository_is_refused() -> None:
    user = User.objects.create_user("erin", password=PASSWORD)
    now = int(time.time())
    claims = {
        "token_type": "access",
        "exp": now + 600,
        "iat": now,
        "jti": "f" * 32,
        "user_id": str(user.pk),
    }
    forged = jwt.encode(claims, OLD_FIXED_KEY, algorithm="HS256")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {forged}")
    assert client.get("/api/v1/users/me/").status_code == 401

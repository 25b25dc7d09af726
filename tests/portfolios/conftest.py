"""A fixed cast for the portfolio API tests: alice owns things, bob must never see them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from stockvis.accounts.models import User
from stockvis.accounts.services import user_register
from stockvis.market.models import Asset, DailyPrice


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(username: str, *, base_currency: str = "KRW") -> User:
    return user_register(
        username=username,
        password="a-long-and-unusual-passphrase",
        email=f"{username}@example.org",
        base_currency=base_currency,
        timezone="UTC",
    )


def client_for(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        token = RefreshToken.for_user(user).access_token
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


@pytest.fixture
def alice(db: Any) -> User:
    return make_user("alice")


@pytest.fixture
def bob(db: Any) -> User:
    return make_user("bob")


@pytest.fixture
def as_alice(alice: User) -> APIClient:
    return client_for(alice)


@pytest.fixture
def as_bob(bob: User) -> APIClient:
    return client_for(bob)


ASSETS = {
    "AAPL": ("Apple Inc.", "stock", "US", "XNYS", "USD"),
    "MSFT": ("Microsoft", "stock", "US", "XNYS", "USD"),
    "005930": ("Samsung Electronics", "stock", "KR", "XKRX", "KRW"),
    "USD-KRW": ("US dollar / Korean won", "fx", "GLOBAL", "24/5", "KRW"),
    "BTC-KRW": ("Bitcoin", "crypto", "GLOBAL", "24/7", "KRW"),
}


def make_asset(symbol: str) -> Asset:
    name, category, market, exchange, currency = ASSETS[symbol]
    asset, _ = Asset.objects.get_or_create(
        symbol=symbol,
        defaults={
            "name": name,
            "category": category,
            "market": market,
            "exchange": exchange,
            "currency": currency,
            "preferred_source": "csv",
        },
    )
    return asset


def add_closes(symbol: str, closes: Mapping[dt.date, float]) -> Asset:
    asset = make_asset(symbol)
    for day, close in closes.items():
        DailyPrice.objects.update_or_create(
            asset=asset,
            date=day,
            source="csv",
            defaults={"open": close, "high": close, "low": close, "close": close, "volume": 1},
        )
    return asset


@pytest.fixture
def priced(db: Any) -> dict[str, Asset]:
    """Closes of the first week of March 2026 (Mon 2nd to Fri 6th)."""
    days = [dt.date(2026, 3, d) for d in range(2, 7)]
    return {
        "AAPL": add_closes("AAPL", dict(zip(days, [150, 170, 190, 190, 200], strict=True))),
        "MSFT": add_closes("MSFT", dict(zip(days, [400, 400, 400, 400, 410], strict=True))),
        "005930": add_closes(
            "005930", dict(zip(days, [61000, 63000, 66000, 70000, 72000], strict=True))
        ),
        "USD-KRW": add_closes(
            "USD-KRW", dict(zip(days, [1380, 1385, 1390, 1390, 1400], strict=True))
        ),
    }

"""Realtime fixtures: the embedded channel layer on a private outbox, a fixed cast of users and
the assets their sockets watch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from rest_framework_simplejwt.tokens import AccessToken

from stockvis.accounts.models import User
from stockvis.market.models import Asset, DailyPrice
from stockvis.realtime import quotes
from stockvis.realtime.feed import watch


@pytest.fixture(autouse=True)
def embedded_layer(settings: Any, tmp_path: Path) -> Path:
    path = tmp_path / "channels.sqlite3"
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "stockvis.realtime.layers.LocalProcessChannelLayer",
            "CONFIG": {"path": str(path), "capacity": 100},
        }
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    quotes._marked.clear()
    watch._previous.clear()
    return path


def make_asset(symbol: str, exchange: str = "XNYS", currency: str = "USD", **extra: Any) -> Asset:
    category = extra.pop("category", "crypto" if exchange == "24/7" else "stock")
    return Asset.objects.create(
        symbol=symbol,
        name=symbol,
        category=category,
        exchange=exchange,
        currency=currency,
        market="GLOBAL" if exchange == "24/7" else "US",
        **extra,
    )


def add_closes(
    asset: Asset, closes: list[tuple[dt.date, float]], source: str = "synthetic"
) -> None:
    DailyPrice.objects.bulk_create(
        DailyPrice(
            asset=asset, date=day, source=source, open=c, high=c, low=c, close=c, volume=1000
        )
        for day, c in closes
    )


def token_for(user: User) -> str:
    return str(AccessToken.for_user(user))


def make_user(username: str, base_currency: str = "USD") -> User:
    from stockvis.accounts.services import user_register

    return user_register(
        username=username,
        password="a-long-and-unusual-passphrase",
        email=f"{username}@example.org",
        base_currency=base_currency,
        timezone="UTC",
    )

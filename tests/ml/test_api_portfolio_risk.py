"""GET /api/v1/users/portfolios/<id>/risk/: VaR/ES in the base currency with FX, contributions."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import pytest

from stockvis.portfolios import services
from stockvis.portfolios.models import Portfolio
from tests.portfolios.conftest import client_for, make_user

from .conftest import store_bars
from .series import bars_from_returns, random_walk

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.setattr(services, "send_collection_task", lambda symbol: None)


def test_the_owner_gets_var_and_es_in_krw_with_fx_and_each_holdings_share() -> None:
    store_bars("US500", random_walk(500, seed=11))
    store_bars("AAPL", random_walk(500, seed=12, sigma=0.015))
    store_bars("005930", random_walk(500, seed=13), exchange="XKRX", market="KR", currency="KRW")
    fx = bars_from_returns(np.random.default_rng(14).normal(0, 0.004, 540), start=1380.0)
    store_bars("USD-KRW", fx, exchange="24/5", market="GLOBAL", currency="KRW")
    alice = make_user("alice", base_currency="KRW")
    portfolio = Portfolio.objects.get(owner=alice)
    for symbol, quantity in (("AAPL", 10), ("005930", 20)):
        services.holding_create(
            portfolio=portfolio, symbol=symbol, quantity=Decimal(quantity), average_price=Decimal(1)
        )
    response = client_for(alice).get(f"/api/v1/users/portfolios/{portfolio.pk}/risk/")
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    assert body["base_currency"] == "KRW"
    assert body["fx"] == "USD-KRW"
    risk = body["risk"]
    assert risk["days_of_history"] >= 200
    var99 = risk["var"]["99"]
    assert (
        var99["parametric_es"] > var99["parametric_var"] > risk["var"]["95"]["parametric_var"] > 0
    )
    assert var99["historical_var"] > 0
    shares = {c["symbol"]: c for c in risk["contributions"]}
    assert set(shares) == {"AAPL", "005930"}
    assert sum(c["var_99_contribution"] for c in shares.values()) == pytest.approx(
        var99["parametric_var"]
    )
    # The won value of the dollar holding moves with the rate: its volatility includes FX.
    assert shares["AAPL"]["volatility_1d"] > 0.015
    for holding in body["holdings"]:
        assert holding["trend"]["label"] in {"uptrend", "sideways", "downtrend"}
        assert holding["risk"]["label"] in {"LOW", "MEDIUM", "HIGH"}


def test_an_empty_portfolio_says_there_is_nothing_to_assess() -> None:
    alice = make_user("alice")
    portfolio = Portfolio.objects.get(owner=alice)
    body = client_for(alice).get(f"/api/v1/users/portfolios/{portfolio.pk}/risk/").json()
    assert body["risk"] is None
    assert body["message"] == "no priced holdings to assess"

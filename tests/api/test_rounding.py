"""Figures in the market and screener answers follow the one rounding rule (stockvis.core.numbers)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def decimals(value: float) -> int:
    text = repr(value)
    return len(text.split(".")[1]) if "." in text else 0


@pytest.mark.parametrize("symbol", ["AAPL", "005930", "USD-KRW", "BTC-KRW", "KS11"])
def test_the_overview_change_has_no_float_noise(market: None, client: Client, symbol: str) -> None:
    quote = client.get(f"/api/v1/stocks/api/overview/{symbol}/").json()["quote"]
    assert decimals(quote["change"]) <= 4
    assert decimals(quote["change_percent"]) <= 2


def test_screener_scores_have_one_decimal_and_changes_two(market: None, client: Client) -> None:
    rows = client.get("/api/v1/analysis/screener/", {"page_size": 100}).json()["results"]
    assert rows
    for row in rows:
        assert decimals(row["score"]) <= 1
        if row["change_percent"] is not None:
            assert decimals(row["change_percent"]) <= 2

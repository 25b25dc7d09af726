"""Symbol search on PostgreSQL: names that cannot be symbols (Korean, wildcards) and a NUL byte."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from stockvis.market.models import Asset

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SEARCH = "/api/v1/stocks/api/search/symbols/"


@pytest.fixture
def market() -> None:
    Asset.objects.create(
        symbol="005930",
        name="Samsung Electronics",
        name_local="삼성전자",
        category="stock",
        exchange="XKRX",
        currency="KRW",
    )
    Asset.objects.create(
        symbol="AAPL", name="Apple Inc.", category="stock", exchange="XNYS", currency="USD"
    )


def test_a_name_that_cannot_be_a_symbol_is_searched_by_name(market: None, client: Client) -> None:
    assert connection.vendor == "postgresql"
    body = client.get(SEARCH, {"keywords": "삼성"}).json()
    assert [r["symbol"] for r in body["results"]] == ["005930"]
    assert client.get(SEARCH, {"keywords": "%"}).json()["results"] == []
    assert [r["symbol"] for r in client.get(SEARCH, {"keywords": "aap"}).json()["results"]] == [
        "AAPL"
    ]


def test_a_nul_byte_in_the_keywords_is_a_400_not_a_database_error(
    market: None, client: Client
) -> None:
    answer = client.get(SEARCH, {"keywords": "a\x00b"})
    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid"

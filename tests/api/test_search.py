import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from django.test import Client

from stockvis.market.models import Asset

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/stocks/api/search/symbols/"
VALIDATE = "/api/v1/stocks/api/search/validate/{}/"
POPULAR = "/api/v1/stocks/api/search/popular/"
AV_URL = "https://www.alphavantage.co/query"


@pytest.fixture
def alphavantage(settings: Any, tmp_path: Path, shared_data: Path) -> Iterator[respx.Route]:
    """Alpha Vantage configured as the provider; its network edge answers the recorded BA search."""
    settings.DEFAULT_PROVIDER = "alphavantage"
    settings.ALPHA_VANTAGE_API_KEY = "test-key"
    settings.ALPHA_VANTAGE_BASE_URL = AV_URL
    settings.VAR_DIR = tmp_path  # the rate limiter's state file
    payload = json.loads((shared_data / "alpha_vantage" / "symbol_search").read_text())
    with respx.mock(assert_all_called=False) as mock:
        yield mock.get(AV_URL).mock(return_value=httpx.Response(200, json=payload))


def _symbols(body: dict[str, Any]) -> list[str]:
    return [r["symbol"] for r in body["results"]]


def test_an_exact_symbol_ranks_before_prefixes_and_names(market: None, client: Client) -> None:
    Asset.objects.create(
        symbol="MSFTX", name="Prefix Fund", category="etf", exchange="XNYS", currency="USD"
    )
    Asset.objects.create(
        symbol="ZZZ", name="Not msft at all", category="etf", exchange="XNYS", currency="USD"
    )
    body = client.get(SEARCH, {"keywords": "msft"}).json()
    assert _symbols(body) == ["MSFT", "MSFTX", "ZZZ"]
    assert [r["match"] for r in body["results"]] == ["exact", "prefix", "name"]
    assert all(r["collected"] is True and r["source"] == "local" for r in body["results"])


def test_names_match_anywhere_and_case_insensitively(market: None, client: Client) -> None:
    body = client.get(SEARCH, {"keywords": "micro"}).json()
    assert _symbols(body) == ["MSFT"]
    assert body["results"][0]["name"] == "Microsoft Corporation"


def test_korean_names_are_searchable(market: None, client: Client) -> None:
    body = client.get(SEARCH, {"keywords": "삼성"}).json()
    assert _symbols(body) == ["005930"]
    assert body["results"][0]["name_local"] == "삼성전자"
    assert (
        "하이닉스"
        in client.get(SEARCH, {"keywords": "하이닉스"}).json()["results"][0]["name_local"]
    )


def test_a_krx_code_prefix_finds_the_korean_shares(market: None, client: Client) -> None:
    body = client.get(SEARCH, {"keywords": "035"}).json()
    assert _symbols(body) == ["035420", "035720"]
    assert {r["match"] for r in body["results"]} == {"prefix"}


def test_results_are_bounded_by_limit(market: None, client: Client) -> None:
    body = client.get(SEARCH, {"keywords": "a", "limit": "3"}).json()
    assert body["count"] == len(body["results"]) == 3


def test_wildcards_in_keywords_match_literally(market: None, client: Client) -> None:
    assert client.get(SEARCH, {"keywords": "%"}).json()["results"] == []
    assert client.get(SEARCH, {"keywords": "_"}).json()["results"] == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "keywords"),
        ({"keywords": ""}, "keywords"),
        ({"keywords": "x" * 65}, "keywords"),
        ({"keywords": "a", "limit": "51"}, "limit"),
        ({"keywords": "a", "limit": "0"}, "limit"),
        ({"keywords": "a", "include_provider": "perhaps"}, "include_provider"),
    ],
)
def test_bad_search_parameters_are_a_400(
    db: None, client: Client, params: dict[str, str], field: str
) -> None:
    response = client.get(SEARCH, params)
    assert response.status_code == 400
    assert field in response.json()["detail"]


def test_without_a_real_provider_search_says_so_and_answers_locally(
    market: None, client: Client
) -> None:
    body = client.get(SEARCH, {"keywords": "boeing"}).json()
    assert body["results"] == []
    assert body["provider"] == {"name": None, "status": "not_configured", "message": None}


def test_provider_matches_follow_local_ones_marked_not_collected(
    market: None, client: Client, alphavantage: respx.Route
) -> None:
    body = client.get(SEARCH, {"keywords": "BA"}).json()
    assert body["provider"]["status"] == "ok"
    assert body["provider"]["name"] == "alphavantage"
    remote = [r for r in body["results"] if not r["collected"]]
    assert [r["symbol"] for r in remote][:3] == ["BA", "BABA", "BSVN"]
    assert remote[0] == {
        "symbol": "BA",
        "name": "The Boeing Company",
        "name_local": "",
        "category": None,
        "market": None,
        "exchange": None,
        "currency": "USD",
        "region": "United States",
        "asset_type": "Equity",
        "match": "provider",
        "collected": False,
        "source": "alphavantage",
    }
    assert alphavantage.calls.last.request.url.params["function"] == "SYMBOL_SEARCH"
    assert alphavantage.calls.last.request.url.params["keywords"] == "BA"


def test_provider_answers_are_cached_so_a_search_box_does_not_spend_the_quota(
    market: None, client: Client, alphavantage: respx.Route
) -> None:
    client.get(SEARCH, {"keywords": "boeing"})
    client.get(SEARCH, {"keywords": "Boeing"})
    assert alphavantage.call_count == 1


def test_the_provider_is_not_asked_when_local_hits_fill_the_limit(
    market: None, client: Client, alphavantage: respx.Route
) -> None:
    body = client.get(SEARCH, {"keywords": "msft", "limit": "1"}).json()
    assert _symbols(body) == ["MSFT"]
    assert body["provider"]["status"] == "skipped"
    assert alphavantage.call_count == 0


def test_include_provider_false_keeps_the_search_local(
    market: None, client: Client, alphavantage: respx.Route
) -> None:
    body = client.get(SEARCH, {"keywords": "boeing", "include_provider": "false"}).json()
    assert body["provider"]["status"] == "skipped"
    assert alphavantage.call_count == 0


def test_a_failing_provider_leaves_the_local_results_and_says_why(
    market: None, client: Client, alphavantage: respx.Route, shared_data: Path
) -> None:
    quota = (shared_data / "ThreeFourteen.AlphaVantage" / "ApiLimit.json").read_bytes()
    alphavantage.mock(return_value=httpx.Response(200, content=quota))
    response = client.get(SEARCH, {"keywords": "micro"})
    assert response.status_code == 200
    body = response.json()
    assert _symbols(body) == ["MSFT"]
    assert body["provider"]["status"] == "unavailable"
    assert body["provider"]["message"]
    assert alphavantage.call_count == 1  # one try: a request thread does not retry or wait


def test_a_provider_timeout_is_unavailable_not_an_error(
    market: None, client: Client, alphavantage: respx.Route
) -> None:
    alphavantage.mock(side_effect=httpx.ConnectTimeout("slow"))
    response = client.get(SEARCH, {"keywords": "boeing"})
    assert response.status_code == 200
    assert response.json()["provider"]["status"] == "unavailable"


def test_validate_knows_a_local_symbol_in_any_spelling(market: None, client: Client) -> None:
    body = client.get(VALIDATE.format("btc-krw")).json()
    assert (body["symbol"], body["valid"], body["known"]) == ("BTC-KRW", True, True)
    assert body["asset"]["category"] == "crypto"
    assert body["provider"]["status"] == "skipped"


def test_validate_asks_the_provider_for_a_symbol_not_collected_yet(
    db: None, client: Client, alphavantage: respx.Route
) -> None:
    body = client.get(VALIDATE.format("ba")).json()
    assert (body["symbol"], body["known"], body["found_at_provider"]) == ("BA", False, True)
    assert body["provider_match"]["name"] == "The Boeing Company"


def test_validate_says_when_the_provider_does_not_have_it_either(
    db: None, client: Client, alphavantage: respx.Route
) -> None:
    body = client.get(VALIDATE.format("NOSUCH")).json()
    assert (body["known"], body["found_at_provider"], body["provider_match"]) == (
        False,
        False,
        None,
    )


def test_validate_answers_a_malformed_symbol_as_invalid(db: None, client: Client) -> None:
    response = client.get(VALIDATE.format("a$b"))
    assert response.status_code == 200
    body = response.json()
    assert (body["valid"], body["known"]) == (False, False)
    assert "A-Z" in body["message"]


def test_popular_falls_back_to_well_known_demo_symbols(market: None, client: Client) -> None:
    body = client.get(POPULAR).json()
    assert body["basis"] == "default"
    assert _symbols(body)[:5] == ["AAPL", "MSFT", "NVDA", "TSLA", "005930"]
    assert body["count"] == 10


def test_popular_ranks_the_most_viewed_first(market: None, client: Client) -> None:
    for _ in range(3):
        client.get("/api/v1/stocks/api/chart/ibm/")
    client.get("/api/v1/stocks/api/overview/kq11/")
    body = client.get(POPULAR, {"limit": "3"}).json()
    assert body["basis"] == "views"
    assert _symbols(body) == ["IBM", "KQ11", "AAPL"]
    assert [r["views"] for r in body["results"]] == [3, 1, 0]


def test_popular_ranks_the_most_held_before_the_most_viewed(
    market: None, client: Client, django_user_model: Any
) -> None:
    from stockvis.portfolios.models import Holding, Portfolio

    owner = django_user_model.objects.create_user(username="ana", password="x" * 12)
    portfolio = Portfolio.objects.create(owner=owner, name="Main")
    Holding.objects.create(
        portfolio=portfolio,
        asset=Asset.objects.by_symbol("NVDA"),
        quantity=1,
        average_price=100,
        acquired_on="2026-01-02",
    )
    client.get("/api/v1/stocks/api/chart/ibm/")
    body = client.get(POPULAR, {"limit": "2"}).json()
    assert body["basis"] == "holdings"
    assert _symbols(body) == ["NVDA", "IBM"]
    assert body["results"][0]["holders"] == 1


def test_popular_limit_is_validated(db: None, client: Client) -> None:
    assert client.get(POPULAR, {"limit": "99"}).status_code == 400


def test_views_are_added_to_the_shared_counters_in_batches(
    market: None, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.cache import cache

    from stockvis.market import search

    search.flush_views()
    monkeypatch.setattr(search, "VIEW_FLUSH_SECONDS", 3600.0)
    for _ in range(3):
        client.get("/api/v1/stocks/api/chart/ibm/")
    assert cache.get("views:IBM") is None  # counted in this process only, so far
    assert search.view_counts() == {"IBM": 3}  # a read adds them first
    assert cache.get("views:IBM") == 3
    monkeypatch.setattr(search, "VIEW_FLUSH_SECONDS", 0.0)
    client.get("/api/v1/stocks/api/chart/ibm/")
    assert cache.get("views:IBM") == 4  # a due flush writes at once

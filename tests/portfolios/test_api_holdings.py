"""Portfolios, holdings and transactions through the API, and collection started on commit."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from stockvis.accounts.models import User
from stockvis.market.models import Asset
from stockvis.portfolios import services
from stockvis.portfolios.models import Holding, Portfolio, PortfolioMode, Transaction

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Collection tasks that left for the broker (the network edge of this app)."""
    calls: list[str] = []
    monkeypatch.setattr(services, "send_collection_task", calls.append)
    return calls


def add_holding(client: APIClient, **body: Any) -> Any:
    return client.post("/api/v1/users/portfolio/", body, format="json")


def test_portfolios_are_listed_created_renamed_and_deleted(
    as_alice: APIClient, alice: User
) -> None:
    listed = as_alice.get("/api/v1/users/portfolios/").json()["results"]
    assert [p["name"] for p in listed] == ["My portfolio"]
    created = as_alice.post(
        "/api/v1/users/portfolios/", {"name": "Trades", "mode": "ledger"}, format="json"
    )
    assert created.status_code == 201
    body = created.json()
    assert (body["mode"], body["base_currency"], body["is_default"]) == ("ledger", "KRW", False)
    duplicate = as_alice.post("/api/v1/users/portfolios/", {"name": "Trades"}, format="json")
    assert duplicate.status_code == 400
    url = f"/api/v1/users/portfolios/{body['id']}/"
    renamed = as_alice.patch(
        url, {"name": "US trades", "base_currency": "USD", "is_default": True}, format="json"
    )
    assert renamed.status_code == 200
    assert renamed.json()["is_default"] is True
    assert Portfolio.objects.filter(owner=alice, is_default=True).count() == 1
    assert as_alice.get(url).json()["name"] == "US trades"
    assert as_alice.delete(url).status_code == 204
    assert Portfolio.objects.get(owner=alice).is_default is True


def test_the_mode_changes_only_while_the_portfolio_is_empty(
    as_alice: APIClient, alice: User, priced: Any
) -> None:
    default = Portfolio.objects.get(owner=alice)
    url = f"/api/v1/users/portfolios/{default.pk}/"
    assert (
        add_holding(as_alice, symbol="AAPL", quantity="1", average_price="150").status_code == 201
    )
    refused = as_alice.patch(url, {"mode": "ledger"}, format="json")
    assert refused.status_code == 400
    assert "mode" in refused.json()["detail"]


def test_holdings_crud_on_the_default_portfolio(
    as_alice: APIClient, alice: User, priced: Any
) -> None:
    created = add_holding(as_alice, symbol="aapl", quantity="10", average_price="150.25")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["symbol"], body["quantity"], body["average_price"], body["currency"]) == (
        "AAPL",
        "10",
        "150.25",
        "USD",
    )
    assert body["portfolio"] == Portfolio.objects.get(owner=alice, is_default=True).pk
    url = f"/api/v1/users/portfolio/{body['id']}/"
    assert as_alice.get(url).json()["symbol"] == "AAPL"
    changed = as_alice.patch(url, {"quantity": "12", "average_price": "151"}, format="json")
    assert changed.status_code == 200
    assert (changed.json()["quantity"], changed.json()["average_price"]) == ("12", "151")
    assert as_alice.put(url, {"quantity": "-1"}, format="json").status_code == 400
    twice = add_holding(as_alice, symbol="AAPL", quantity="1", average_price="1")
    assert twice.status_code == 400
    assert [h["symbol"] for h in as_alice.get("/api/v1/users/portfolio/").json()["results"]] == [
        "AAPL"
    ]
    assert as_alice.delete(url).status_code == 204
    assert as_alice.get("/api/v1/users/portfolio/").json()["results"] == []


def test_holdings_can_be_listed_per_portfolio(
    as_alice: APIClient, alice: User, priced: Any
) -> None:
    other = services.portfolio_create(owner=alice, name="Second")
    add_holding(as_alice, symbol="AAPL", quantity="1", average_price="1")
    add_holding(as_alice, portfolio=other.pk, symbol="MSFT", quantity="1", average_price="1")
    listed = as_alice.get(f"/api/v1/users/portfolio/?portfolio={other.pk}").json()["results"]
    assert [h["symbol"] for h in listed] == ["MSFT"]


@pytest.mark.parametrize(
    ("symbol", "message"),
    [("a b", "invalid symbol"), ("KS99", "unknown symbol"), ("", "symbol")],
)
def test_malformed_or_unknown_symbols_are_a_400(
    as_alice: APIClient, symbol: str, message: str, sent: list[str]
) -> None:
    response = add_holding(as_alice, symbol=symbol, quantity="1", average_price="1")
    assert response.status_code == 400
    assert message in str(response.json())
    assert sent == []


def test_a_new_symbol_answers_201_at_once_and_is_collected_after_commit(
    as_alice: APIClient, sent: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = add_holding(as_alice, symbol="nvda", quantity="2", average_price="120")
        assert sent == []  # nothing leaves before the commit
    assert response.status_code == 201
    assert len(callbacks) == 1
    assert sent == ["NVDA"]
    asset = Asset.objects.get(symbol="NVDA")
    assert (asset.exchange, asset.currency, asset.market) == ("XNYS", "USD", "US")


def test_a_korean_code_is_registered_as_a_krx_stock(
    as_alice: APIClient, sent: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            add_holding(as_alice, symbol="000660", quantity="1", average_price="1").status_code
            == 201
        )
    asset = Asset.objects.get(symbol="000660")
    assert (asset.exchange, asset.currency) == ("XKRX", "KRW")
    assert sent == ["000660"]


def test_a_symbol_with_prices_is_not_collected_again(
    as_alice: APIClient, priced: Any, sent: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert (
            add_holding(as_alice, symbol="AAPL", quantity="1", average_price="1").status_code == 201
        )
    assert callbacks == []
    assert sent == []


def test_a_rolled_back_write_enqueues_nothing(
    alice: User, sent: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    portfolio = Portfolio.objects.get(owner=alice)

    def failing_request() -> None:
        with transaction.atomic():
            services.holding_create(
                portfolio=portfolio, symbol="AMD", quantity=Decimal(1), average_price=Decimal(1)
            )
            raise RuntimeError("the request failed after the holding was written")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        failing_request()
    assert callbacks == []
    assert sent == []
    assert not Holding.objects.exists()


def test_a_refused_sale_of_a_new_symbol_enqueues_nothing(
    as_alice: APIClient, alice: User, sent: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    ledger = services.portfolio_create(owner=alice, name="Trades", mode=PortfolioMode.LEDGER)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = as_alice.post(
            "/api/v1/users/transactions/",
            {
                "portfolio": ledger.pk,
                "symbol": "INTC",
                "kind": "sell",
                "date": "2026-03-02",
                "quantity": "1",
                "price": "20",
            },
            format="json",
        )
    assert response.status_code == 400
    assert "cannot sell" in str(response.json())
    assert callbacks == []
    assert sent == []


def test_a_second_add_of_the_same_new_symbol_is_collected_once(
    as_alice: APIClient, alice: User, sent: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    second = services.portfolio_create(owner=alice, name="Second")
    with django_capture_on_commit_callbacks(execute=True):
        add_holding(as_alice, symbol="AMZN", quantity="1", average_price="1")
        add_holding(as_alice, portfolio=second.pk, symbol="AMZN", quantity="1", average_price="1")
    assert sent == ["AMZN"]


def test_holdings_of_a_ledger_portfolio_follow_its_transactions(
    as_alice: APIClient, alice: User, priced: Any
) -> None:
    ledger = services.portfolio_create(owner=alice, name="Trades", mode=PortfolioMode.LEDGER)
    url = "/api/v1/users/transactions/"
    base = {"portfolio": ledger.pk, "symbol": "AAPL", "date": "2026-03-02"}
    buy = as_alice.post(
        url, {**base, "kind": "buy", "quantity": "10", "price": "150"}, format="json"
    )
    assert buy.status_code == 201, buy.json()
    assert buy.json()["currency"] == "USD"
    as_alice.post(
        url,
        {**base, "kind": "buy", "quantity": "10", "price": "170", "date": "2026-03-03"},
        format="json",
    )
    sell = as_alice.post(
        url,
        {**base, "kind": "sell", "quantity": "5", "price": "190", "date": "2026-03-04"},
        format="json",
    )
    assert sell.status_code == 201
    holding = Holding.objects.get(portfolio=ledger)
    assert (holding.quantity, holding.average_price) == (15, 160)
    # Holdings of a ledger portfolio are not edited directly.
    direct = add_holding(
        as_alice, portfolio=ledger.pk, symbol="MSFT", quantity="1", average_price="1"
    )
    assert direct.status_code == 400
    assert as_alice.delete(f"/api/v1/users/portfolio/{holding.pk}/").status_code == 400
    # Correcting the sale re-derives the holding; deleting the buy it depends on is refused.
    fixed = as_alice.patch(f"{url}{sell.json()['id']}/", {"quantity": "20"}, format="json")
    assert fixed.status_code == 200
    assert not Holding.objects.filter(portfolio=ledger).exists()
    refused = as_alice.delete(f"{url}{buy.json()['id']}/")
    assert refused.status_code == 400
    assert Transaction.objects.filter(portfolio=ledger).count() == 3
    listed = as_alice.get(f"{url}?portfolio={ledger.pk}").json()["results"]
    assert [t["kind"] for t in listed] == ["buy", "buy", "sell"]
    assert as_alice.delete(f"{url}{sell.json()['id']}/").status_code == 204
    assert Holding.objects.get(portfolio=ledger).quantity == 20


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "buy", "quantity": "0", "price": "1"}, "cannot"),
        ({"kind": "fee", "quantity": "1", "price": "1"}, "fee"),
        ({"kind": "buy", "quantity": "1", "price": "1", "currency": "KRW"}, "currency"),
        ({"kind": "swap", "quantity": "1", "price": "1"}, "kind"),
    ],
)
def test_transactions_the_ledger_cannot_apply_are_a_400(
    as_alice: APIClient, alice: User, priced: Any, body: dict[str, str], field: str
) -> None:
    ledger = services.portfolio_create(owner=alice, name="Trades", mode=PortfolioMode.LEDGER)
    response = as_alice.post(
        "/api/v1/users/transactions/",
        {"portfolio": ledger.pk, "symbol": "AAPL", "date": "2026-03-02", **body},
        format="json",
    )
    assert response.status_code == 400
    assert field in str(response.json()) or "quantity must be positive" in str(response.json())


def test_transactions_need_a_ledger_portfolio(as_alice: APIClient, priced: Any) -> None:
    response = as_alice.post(
        "/api/v1/users/transactions/",
        {"symbol": "AAPL", "kind": "buy", "date": "2026-03-02", "quantity": "1", "price": "1"},
        format="json",
    )
    assert response.status_code == 400
    assert "ledger" in str(response.json())


def test_snapshots_are_listed_oldest_first(as_alice: APIClient, alice: User, priced: Any) -> None:
    import datetime as dt

    portfolio = Portfolio.objects.get(owner=alice)
    services.holding_create(portfolio=portfolio, symbol="005930", quantity=2, average_price=60000)  # type: ignore[arg-type]
    for hour in (7, 6):
        services.snapshot_take(
            portfolio=portfolio, kind="intraday", at=dt.datetime(2026, 3, 6, hour, tzinfo=dt.UTC)
        )
    url = f"/api/v1/users/portfolios/{portfolio.pk}/snapshots/"
    rows = as_alice.get(url).json()
    assert [r["taken_at"][:13] for r in rows] == ["2026-03-06T06", "2026-03-06T07"]
    assert rows[0]["total_value"] == "144000.0000"
    assert len(as_alice.get(url + "?since=2026-03-06T06:30:00Z").json()) == 1
    assert as_alice.get(url + "?since=yesterday").status_code == 400


def test_lists_answer_one_bounded_page(as_alice: APIClient, alice: User, settings) -> None:
    settings.PAGE_SIZE = 2
    settings.PAGE_SIZE_MAX = 3
    for n in range(5):
        services.portfolio_create(owner=alice, name=f"P{n}")
    first = as_alice.get("/api/v1/users/portfolios/").json()
    assert first["count"] == 6
    assert len(first["results"]) == 2
    assert first["next"] is not None
    # A client may ask for more per page, never more than the cap.
    capped = as_alice.get("/api/v1/users/portfolios/?page_size=1000").json()
    assert len(capped["results"]) == 3
    beyond = as_alice.get("/api/v1/users/portfolios/?page=99")
    assert beyond.status_code == 404
    for bad in ("1.5", "0", "", "-3", "many"):
        refused = as_alice.get(f"/api/v1/users/portfolios/?page_size={bad}")
        assert refused.status_code == 400, bad
        assert "page_size" in refused.json()["fields"]


def test_a_symbol_no_provider_can_describe_is_kept_unresolved_not_invented(
    as_alice: APIClient, sent: list[str], settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from stockvis.collector import tasks
    from stockvis.collector.models import JobRun
    from stockvis.market.models import DailyPrice

    settings.DEFAULT_PROVIDER = "synthetic"  # offline: only the demo universe is known
    with django_capture_on_commit_callbacks(execute=True):
        created = add_holding(as_alice, symbol="VOO", quantity="3", average_price="480")
    assert created.status_code == 201, created.json()
    assert sent == ["VOO"]
    voo = Asset.objects.get(symbol="VOO")
    assert voo.preferred_source == ""  # no source invented for it

    status = as_alice.get("/api/v1/users/portfolio/symbol/VOO/status/").json()
    assert (status["resolved"], status["is_complete"]) == (False, False)
    assert "no provider has described it yet" in status["problem"]

    outcome = tasks.collect_symbol.apply(args=["VOO"], kwargs={"years": 1}).get()

    job = JobRun.objects.get(pk=outcome["job_id"])
    assert job.status == "failure"
    reason = job.results["VOO"]["error"]
    assert reason.startswith("cannot register: synthetic:")
    voo.refresh_from_db()
    assert voo.preferred_source == ""
    assert not DailyPrice.objects.filter(asset=voo).exists()
    assert Holding.objects.filter(asset=voo).exists()  # the user's holding is not lost
    status = as_alice.get("/api/v1/users/portfolio/symbol/voo/status/").json()
    assert status["resolved"] is False
    assert status["problem"] == f"collect_symbol #{job.pk} failed: {reason}"


@pytest.mark.parametrize("size", ["", "0", "-1", "1.5", "1e-299", "abc"])
def test_a_page_size_that_is_not_a_whole_number_from_one_is_a_400(
    as_alice: APIClient, size: str
) -> None:
    response = as_alice.get(f"/api/v1/users/portfolios/?page_size={size}")
    assert response.status_code == 400
    assert "page_size" in response.json()["fields"]


def test_a_page_size_of_thousands_of_digits_is_capped_not_a_500(as_alice: APIClient) -> None:
    assert as_alice.get("/api/v1/users/portfolios/?page_size=" + "9" * 5000).status_code == 200


@pytest.mark.parametrize("page", ["", "0", "-1", "1.5", "last", "abc", "٣"])
def test_a_page_that_is_not_a_whole_number_from_one_is_a_400(
    as_alice: APIClient, page: str
) -> None:
    """DRF read an empty ``page=`` as page 1 (found by the schema fuzzer: the schema says integer)."""
    response = as_alice.get(f"/api/v1/users/portfolios/?page={page}")
    assert response.status_code == 400
    assert "page" in response.json()["fields"]
    assert as_alice.get("/api/v1/users/portfolios/?page=01").status_code == 200

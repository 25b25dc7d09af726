"""Valuation, allocation and history through the API, checked against hand-computed numbers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from rest_framework.test import APIClient

from stockvis.accounts.models import User
from stockvis.portfolios import services
from stockvis.portfolios.ledger_cache import LEDGERS
from stockvis.portfolios.models import Portfolio, PortfolioMode

from .conftest import add_closes

pytestmark = pytest.mark.django_db

FRIDAY = "2026-03-06"


def ledger_portfolio(user: User, base: str = "KRW") -> Portfolio:
    return services.portfolio_create(
        owner=user, name=f"Trades {base}", base_currency=base, mode=PortfolioMode.LEDGER
    )


def record(client: APIClient, portfolio: Portfolio, **tx: Any) -> Any:
    response = client.post(
        "/api/v1/users/transactions/", {"portfolio": portfolio.pk, **tx}, format="json"
    )
    assert response.status_code == 201, response.json()
    return response.json()


@pytest.fixture
def traded(as_alice: APIClient, alice: User, priced: Any) -> Portfolio:
    """Two currencies, a sale and a dividend (the numbers below are worked by hand).

    AAPL: buy 10 @ 150 + 1 fee, buy 10 @ 170 + 1, sell 5 @ 190 + 1, dividend 15 × 0.25 − 0.56.
      held 15, cost 2,400 (average 160); realised (190 − 160) × 5 − 3 fees − 0.56 = 146.44;
      dividends 3.75; sold cost 800, so realised % = 146.44 / 800 = 18.305 % → 18.31.
    005930: buy 10 @ 60,000. Closes on Friday 6 March: AAPL 200 (190 before), 005930 72,000
    (70,000 before), USD-KRW 1,400 (1,380 1,385 1,390 1,390 from Monday to Thursday).

    In KRW each AAPL transaction converts at its own day's rate: cost 1,500 × 1,380 +
    1,700 × 1,385 = 4,424,500 for 20 shares; the sale releases a quarter, 1,106,125, for
    950 × 1,390 = 1,320,500, so realised 214,375 − fees (1,380 + 1,385 + 1,390 + 0.56 × 1,390 =
    4,933.4) = 209,441.6 and 18.934 % of the released cost; 15 held cost 3,318,375.
    """
    portfolio = ledger_portfolio(alice)
    record(
        as_alice,
        portfolio,
        symbol="aapl",
        kind="buy",
        date="2026-03-02",
        quantity="10",
        price="150",
        fee="1",
    )
    record(
        as_alice,
        portfolio,
        symbol="AAPL",
        kind="buy",
        date="2026-03-03",
        quantity="10",
        price="170",
        fee="1",
    )
    record(
        as_alice,
        portfolio,
        symbol="AAPL",
        kind="sell",
        date="2026-03-04",
        quantity="5",
        price="190",
        fee="1",
    )
    record(
        as_alice,
        portfolio,
        symbol="AAPL",
        kind="dividend",
        date="2026-03-05",
        quantity="15",
        price="0.25",
        fee="0.56",
    )
    record(
        as_alice,
        portfolio,
        symbol="005930",
        kind="buy",
        date="2026-03-02",
        quantity="10",
        price="60000",
    )
    return portfolio


def test_valuation_matches_the_hand_computed_figures_in_both_currencies(
    as_alice: APIClient, traded: Portfolio
) -> None:
    response = as_alice.get(f"/api/v1/users/portfolios/{traded.pk}/valuation/?date={FRIDAY}")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["fx"] == {
        "pair": "USD/KRW",
        "date": FRIDAY,
        "rate": "1400",
        "estimated_before": None,
    }
    aapl, samsung = (
        next(h for h in body["holdings"] if h["symbol"] == s) for s in ("AAPL", "005930")
    )
    assert aapl["quantity"] == "15"
    assert aapl["last_price"] == "200"
    assert aapl["local"] == {
        "currency": "USD",
        "market_value": "3000.00",
        "cost": "2400.00",
        "unrealised_pnl": "600.00",
        "unrealised_pnl_pct": "25.00",
        "price_effect": "600.00",
        "currency_effect": "0.00",
        "realised_pnl": "146.44",
        "realised_pnl_pct": "18.31",
        "dividends": "3.75",
        "day_change": "150.00",
        "day_change_pct": "5.26",
    }
    # Value 3,000 USD × 1,400 = 4,200,000 against a cost of 3,318,375: 881,625, of which the
    # price effect is 600 USD × 1,400 = 840,000 and the currency effect (the dollar rose from
    # 1,380 and 1,385 to 1,400) 2,400 × 1,400 − 3,318,375 = 41,625. Thursday's value was
    # 15 × 190 × 1,390 = 3,961,500, so the day change is 238,500 = 6.02 %.
    assert aapl["base"] == {
        "currency": "KRW",
        "market_value": "4200000",
        "cost": "3318375",
        "unrealised_pnl": "881625",
        "unrealised_pnl_pct": "26.57",
        "price_effect": "840000",
        "currency_effect": "41625",
        "realised_pnl": "209442",
        "realised_pnl_pct": "18.93",
        "dividends": "5213",
        "day_change": "238500",
        "day_change_pct": "6.02",
    }
    assert aapl["weight_pct"] == "85.37"
    assert samsung["base"]["market_value"] == "720000"
    assert samsung["base"]["day_change_pct"] == "2.86"  # 20,000 / 700,000
    assert samsung["weight_pct"] == "14.63"
    assert body["total"] == {
        "currency": "KRW",
        "market_value": "4920000",
        "cost": "3918375",
        "unrealised_pnl": "1001625",
        "unrealised_pnl_pct": "25.56",
        "price_effect": "960000",
        "currency_effect": "41625",
        "realised_pnl": "209442",
        "realised_pnl_pct": "18.93",
        "dividends": "5213",
        "day_change": "258500",
        "day_change_pct": "5.55",  # 258,500 / 4,661,500
    }
    assert body["unpriced"] == []
    assert body["synthetic"] is False


def test_a_usd_portfolio_converts_won_at_the_same_close(
    as_alice: APIClient, alice: User, priced: Any
) -> None:
    portfolio = ledger_portfolio(alice, "USD")
    record(
        as_alice,
        portfolio,
        symbol="005930",
        kind="buy",
        date="2026-03-02",
        quantity="7",
        price="60000",
    )
    body = as_alice.get(f"/api/v1/users/portfolios/{portfolio.pk}/valuation/?date={FRIDAY}").json()
    # 7 × 72,000 = 504,000 KRW / 1,400 = 360 USD; cost 420,000 KRW at Monday's 1,380 = 304.35
    # USD; P&L 55.65 = price effect 84,000 / 1,400 = 60 + currency effect 300 − 304.35 = −4.35.
    assert body["total"]["market_value"] == "360.00"
    assert body["total"]["cost"] == "304.35"
    assert body["total"]["unrealised_pnl"] == "55.65"
    assert body["total"]["price_effect"] == "60.00"
    assert body["total"]["currency_effect"] == "-4.35"


def test_a_weekend_valuation_uses_fridays_closes_and_rate(
    as_alice: APIClient, traded: Portfolio
) -> None:
    body = as_alice.get(f"/api/v1/users/portfolios/{traded.pk}/valuation/?date=2026-03-08").json()
    assert body["as_of"] == "2026-03-08"
    assert body["fx"]["date"] == FRIDAY
    assert body["total"]["market_value"] == "4920000"
    assert {h["price_date"] for h in body["holdings"]} == {FRIDAY}


def test_allocation_splits_by_asset_category_market_and_currency(
    as_alice: APIClient, traded: Portfolio
) -> None:
    response = as_alice.get(f"/api/v1/users/portfolios/{traded.pk}/allocation/?date={FRIDAY}")
    assert response.status_code == 200
    body = response.json()
    assert body["by_asset"] == [
        {"key": "AAPL", "value": "4200000", "pct": "85.37"},
        {"key": "005930", "value": "720000", "pct": "14.63"},
    ]
    assert body["by_currency"][0] == {"key": "USD", "value": "4200000", "pct": "85.37"}
    assert [s["key"] for s in body["by_market"]] == ["US", "KR"]
    assert body["by_category"] == [{"key": "stock", "value": "4920000", "pct": "100.00"}]


def test_a_valuation_without_any_exchange_rate_is_a_409(
    as_alice: APIClient, alice: User, db: Any
) -> None:
    add_closes("AAPL", {dt.date(2026, 3, 6): 200})
    portfolio = ledger_portfolio(alice)
    record(
        as_alice, portfolio, symbol="AAPL", kind="buy", date="2026-03-02", quantity="1", price="150"
    )
    response = as_alice.get(f"/api/v1/users/portfolios/{portfolio.pk}/valuation/?date={FRIDAY}")
    assert response.status_code == 409
    assert response.json()["error"] == "valuation_unavailable"
    assert "USD/KRW" in response.json()["detail"]


def test_a_holding_without_prices_is_listed_as_unpriced_not_a_failure(
    as_alice: APIClient, alice: User, priced: Any
) -> None:
    as_alice.post(
        "/api/v1/users/portfolio/",
        {"symbol": "005930", "quantity": "1", "average_price": "60000"},
        format="json",
    )
    as_alice.post(
        "/api/v1/users/portfolio/",
        {"symbol": "ZZZZ", "quantity": "3", "average_price": "10"},
        format="json",
    )
    default = Portfolio.objects.get(owner=alice, is_default=True)
    body = as_alice.get(f"/api/v1/users/portfolios/{default.pk}/valuation/?date={FRIDAY}").json()
    assert body["unpriced"] == ["ZZZZ"]
    assert body["total"]["market_value"] == "72000"


def test_history_rebuilds_daily_values_with_simple_and_time_weighted_returns(
    as_alice: APIClient, alice: User, priced: Any
) -> None:
    # Holdings mode: one holding counts as a buy of 10 @ 60,000 on 2 March (close 61,000), then
    # 63,000 on the 3rd. TWR = 610,000 / 600,000 × 630,000 / 610,000 − 1 = 5 %; simple = 30,000 / 600,000.
    created = as_alice.post(
        "/api/v1/users/portfolio/",
        {
            "symbol": "005930",
            "quantity": "10",
            "average_price": "60000",
            "acquired_on": "2026-03-02",
        },
        format="json",
    )
    assert created.status_code == 201
    default = Portfolio.objects.get(owner=alice, is_default=True)
    response = as_alice.get(f"/api/v1/users/portfolios/{default.pk}/history/?end=2026-03-03")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert [p["date"] for p in body["points"]] == ["2026-03-01", "2026-03-02", "2026-03-03"]
    assert [p["total_value"] for p in body["points"]] == ["0", "610000", "630000"]
    assert body["points"][1]["net_cash_flow"] == "600000"
    assert body["time_weighted_return_pct"] == "5.00"
    assert body["simple_return_pct"] == "5.00"
    bad = as_alice.get(
        f"/api/v1/users/portfolios/{default.pk}/history/?start=2026-03-05&end=2026-03-01"
    )
    assert bad.status_code == 400


def test_history_of_a_two_currency_ledger_converts_each_day(
    as_alice: APIClient, traded: Portfolio
) -> None:
    body = as_alice.get(f"/api/v1/users/portfolios/{traded.pk}/history/?end={FRIDAY}").json()
    last = body["points"][-1]
    assert last["date"] == FRIDAY
    assert last["total_value"] == "4920000"
    assert last["total_cost"] == "3918375"  # as the valuation: each buy at its own day's rate
    assert body["time_weighted_return_pct"] is not None


def test_an_empty_portfolio_has_an_empty_history(as_alice: APIClient, alice: User) -> None:
    default = Portfolio.objects.get(owner=alice, is_default=True)
    body = as_alice.get(f"/api/v1/users/portfolios/{default.pk}/history/").json()
    assert body["points"] == []
    assert body["time_weighted_return_pct"] is None


def test_a_holding_is_valued_on_its_real_closes_even_beside_newer_demo_ones(
    as_alice: APIClient, alice: User, priced: Any
) -> None:
    from stockvis.market.models import Asset, DailyPrice

    # MSFT prefers the demo's source and has newer synthetic closes; its real ones still count.
    msft = Asset.objects.get(symbol="MSFT")
    msft.preferred_source = "synthetic"
    msft.save(update_fields=["preferred_source"])
    DailyPrice.objects.create(
        asset=msft,
        date=dt.date(2026, 3, 6),
        source="synthetic",
        open=1,
        high=1,
        low=1,
        close=999,
        volume=1,
    )
    portfolio = ledger_portfolio(alice, "USD")
    record(
        as_alice,
        portfolio,
        symbol="MSFT",
        kind="buy",
        date="2026-03-02",
        quantity="1",
        price="400",
    )
    body = as_alice.get(f"/api/v1/users/portfolios/{portfolio.pk}/valuation/?date={FRIDAY}").json()
    (held,) = body["holdings"]
    assert (held["last_price"], held["previous_close"]) == ("410", "400")
    assert body["synthetic"] is False


def test_a_typed_in_holding_costs_what_it_did_on_its_acquisition_date(
    as_alice: APIClient, alice: User, priced: Any
) -> None:
    holdings = services.portfolio_create(owner=alice, name="Typed", base_currency="USD")
    services.holding_create(
        portfolio=holdings,
        symbol="005930",
        quantity=Decimal(10),
        average_price=Decimal(60000),
        acquired_on=dt.date(2026, 3, 4),
    )
    body = as_alice.get(f"/api/v1/users/portfolios/{holdings.pk}/valuation/?date={FRIDAY}").json()
    # 600,000 KRW on Wednesday at 1,390 = 431.65 USD; worth 720,000 / 1,400 = 514.29 on Friday.
    assert body["total"]["cost"] == "431.65"
    assert body["total"]["market_value"] == "514.29"
    assert body["fx"]["estimated_before"] is None


def test_a_purchase_older_than_every_stored_rate_is_valued_with_the_first_one_and_says_so(
    as_alice: APIClient, alice: User, priced: Any
) -> None:
    portfolio = ledger_portfolio(alice, "USD")
    record(
        as_alice,
        portfolio,
        symbol="005930",
        kind="buy",
        date="2026-02-02",
        quantity="7",
        price="60000",
    )
    body = as_alice.get(f"/api/v1/users/portfolios/{portfolio.pk}/valuation/?date={FRIDAY}").json()
    assert body["fx"]["estimated_before"] == "2026-03-02"
    assert body["total"]["cost"] == "304.35"  # 420,000 at the first stored rate, 1,380
    history = as_alice.get(f"/api/v1/users/portfolios/{portfolio.pk}/history/?end={FRIDAY}").json()
    assert history["fx_estimated_before"] == "2026-03-02"
    assert history["points"][-1]["total_cost"] == "304.35"


def test_a_valuation_reads_the_database_a_fixed_number_of_times(
    as_alice: APIClient, alice: User, traded: Portfolio, django_assert_num_queries: Any
) -> None:
    """The user, the portfolio, its ledger version, its transactions, their assets and the
    USD-KRW asset with their serving sources, the splits, the last two closes and the USD-KRW
    closes: 8 queries whatever the size of the ledger (12 before they were merged), and 7 while
    the process holds the decoded ledger of that version."""
    url = f"/api/v1/users/portfolios/{traded.pk}/valuation/?date={FRIDAY}"
    LEDGERS.clear()
    with django_assert_num_queries(8):
        assert as_alice.get(url).status_code == 200
    with django_assert_num_queries(7):
        assert as_alice.get(url).status_code == 200
    record(
        as_alice, traded, symbol="005930", kind="buy", date="2026-03-05", quantity="1", price="1"
    )
    record(
        as_alice,
        traded,
        symbol="AAPL",
        kind="fee",
        date="2026-03-05",
        quantity="0",
        price="0",
        fee="2",
    )
    # Recording rebuilt the holdings from the new ledger, which left it decoded in the cache.
    with django_assert_num_queries(7):
        assert as_alice.get(url).status_code == 200
    LEDGERS.clear()
    with django_assert_num_queries(8):
        assert as_alice.get(url).status_code == 200


def test_the_encoded_answer_is_what_the_json_ready_copy_encodes_to() -> None:
    import json

    from stockvis.portfolios.reports import encode, jsonable

    payload = {
        "as_of": dt.date(2026, 3, 6),
        "rate": Decimal("1400"),
        "holdings": [{"quantity": Decimal("15"), "pct": Decimal("18.31"), "none": None}],
        "notice": "Synthetic demo data — 예시",
        "pair": ("USD", "KRW"),
        "synthetic": True,
    }
    assert json.loads(encode(payload)) == jsonable(payload)
    assert (
        encode(payload)
        == json.dumps(jsonable(payload), ensure_ascii=False, separators=(",", ":")).encode()
    )


def test_the_browsable_api_still_renders_a_valuation(
    as_alice: APIClient, traded: Portfolio
) -> None:
    url = f"/api/v1/users/portfolios/{traded.pk}/valuation/?date={FRIDAY}"
    response = as_alice.get(url, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "market_value" in response.content.decode()


def test_a_live_day_change_converts_the_previous_close_at_its_own_days_rate(
    alice: User, priced: Any
) -> None:
    """Live on Monday 9 March: AAPL 210 against Friday's 200, USD-KRW 1,410 against Friday's
    1,400. The day change is 10 × 210 × 1,410 − 10 × 200 × 1,400 = 161,000 KRW, as a stored
    valuation would give it; at Monday's rate for both (the live quote has no previous-close
    date of its own) it was 141,000, leaving the currency's move out of the day change."""
    from stockvis.portfolios.reports import portfolio_valuation
    from stockvis.portfolios.selectors import Quote
    from stockvis.realtime.messages import LiveQuote

    monday = dt.date(2026, 3, 9)
    add_closes("USD-KRW", {monday: 1410})
    portfolio = ledger_portfolio(alice)
    services.transaction_record(
        portfolio=portfolio,
        symbol="AAPL",
        kind="buy",
        date=dt.date(2026, 3, 2),
        quantity=Decimal(10),
        price=Decimal(150),
    )
    live = LiveQuote(
        symbol="AAPL",
        price=210.0,
        previous_close=200.0,
        volume=None,
        timestamp=dt.datetime(2026, 3, 9, 15, 0, tzinfo=dt.UTC),
        source="alphavantage",
        synthetic=False,
    )
    report = portfolio_valuation(
        portfolio=portfolio, on=monday, live={"AAPL": Quote.from_live(live)}
    )
    assert report.quotes["AAPL"].previous_date == dt.date(2026, 3, 6)
    assert report.valuation.total.day_change == Decimal(161000)
    assert report.valuation.total.market_value == Decimal(2961000)

"""Snapshots every 5 minutes while a held market is open and once after each close."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import time_machine

from config.schedule import build_beat_schedule
from stockvis.accounts.models import User
from stockvis.portfolios import markets, services, tasks
from stockvis.portfolios.models import Portfolio, PortfolioSnapshot


@pytest.fixture
def holds_us_and_kr(alice: User, priced: Any) -> Portfolio:
    portfolio = Portfolio.objects.get(owner=alice)
    services.holding_create(
        portfolio=portfolio, symbol="AAPL", quantity=Decimal(1), average_price=Decimal(150)
    )
    return portfolio


@pytest.mark.parametrize(
    ("code", "at", "expected"),
    [
        ("XNYS", "2026-03-06 15:00", True),  # 10:00 in New York
        ("XNYS", "2026-03-06 22:00", False),  # after the close
        ("XNYS", "2026-03-07 15:00", False),  # Saturday
        ("XKRX", "2026-03-06 01:00", True),  # 10:00 in Seoul
        ("24/7", "2026-03-07 15:00", True),
        ("24/5", "2026-03-07 15:00", False),
        ("NOPE", "2026-03-06 15:00", False),
    ],
)
def test_market_hours_come_from_the_exchange_calendar(code: str, at: str, expected: bool) -> None:
    moment = dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC)
    assert markets.is_open_at(code, moment) is expected


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        markets.is_open_at("XNYS", dt.datetime(2026, 3, 6, 15))


@pytest.mark.django_db
def test_intraday_snapshots_are_taken_only_while_a_held_market_is_open(
    holds_us_and_kr: Portfolio,
) -> None:
    with time_machine.travel(dt.datetime(2026, 3, 6, 22, tzinfo=dt.UTC), tick=False):
        assert tasks.take_intraday_snapshots() == 0
    with time_machine.travel(dt.datetime(2026, 3, 6, 15, tzinfo=dt.UTC), tick=False):
        assert tasks.take_intraday_snapshots() == 1
    snapshot = PortfolioSnapshot.objects.get()
    # 1 AAPL at 200 USD × 1,400 KRW; cost 150 × 1,400.
    assert (snapshot.kind, snapshot.currency, snapshot.as_of) == (
        "intraday",
        "KRW",
        dt.date(2026, 3, 6),
    )
    assert (snapshot.total_value, snapshot.total_cost, snapshot.pnl) == (280000, 210000, 70000)
    assert snapshot.pnl_pct == Decimal("33.3333")


@pytest.mark.django_db
def test_close_snapshots_run_on_session_days_only(holds_us_and_kr: Portfolio) -> None:
    with time_machine.travel(dt.datetime(2026, 3, 6, 20, 15, tzinfo=dt.UTC), tick=False):
        assert tasks.take_close_snapshots("XNYS") == 0  # 15:15 in New York: still open
    with time_machine.travel(dt.datetime(2026, 3, 6, 21, 15, tzinfo=dt.UTC), tick=False):
        assert tasks.take_close_snapshots("XNYS") == 1
        assert tasks.take_close_snapshots("XNYS") == 0  # one close snapshot a session
        assert tasks.take_close_snapshots("XKRX") == 0  # nothing Korean held
        assert tasks.take_close_snapshots("MOON") == 0
    with time_machine.travel(dt.datetime(2026, 3, 7, 21, 15, tzinfo=dt.UTC), tick=False):
        assert tasks.take_close_snapshots("XNYS") == 0  # Saturday
    assert PortfolioSnapshot.objects.get().kind == "close"


@pytest.mark.django_db
def test_a_portfolio_that_cannot_be_valued_is_skipped_not_failed(alice: User) -> None:
    from .conftest import add_closes

    add_closes("AAPL", {dt.date(2026, 3, 6): 200})  # no USD-KRW rate stored
    portfolio = Portfolio.objects.get(owner=alice)
    services.holding_create(
        portfolio=portfolio, symbol="AAPL", quantity=Decimal(1), average_price=Decimal(150)
    )
    at = dt.datetime(2026, 3, 6, 15, tzinfo=dt.UTC)
    assert services.snapshot_take(portfolio=portfolio, kind="close", at=at) is None


def test_the_beat_schedule_has_the_snapshot_entries_each_expiring_before_its_next_run() -> None:
    schedule = build_beat_schedule(("stockvis.portfolios.schedule",))
    intraday = schedule["portfolio-snapshots-intraday"]
    assert intraday["task"] == "stockvis.portfolios.tasks.take_intraday_snapshots"
    assert intraday["options"]["expires"] < 300
    closes = {name: entry["args"] for name, entry in schedule.items() if "close" in name}
    assert closes == {
        "portfolio-snapshots-close-xnys": ("XNYS",),
        "portfolio-snapshots-close-xkrx": ("XKRX",),
        "portfolio-snapshots-close-crypto": ("24/7",),
        "portfolio-snapshots-close-fx": ("24/5",),
    }


def test_a_snapshot_entry_can_be_switched_off_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SCHEDULE_PORTFOLIO_SNAPSHOTS_INTRADAY", "off")
    assert "portfolio-snapshots-intraday" not in build_beat_schedule(
        ("stockvis.portfolios.schedule",)
    )

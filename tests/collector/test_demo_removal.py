"""`stockvis seed_demo --remove`: the demo data goes, real data and the users' assets stay."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from stockvis.accounts.services import user_register
from stockvis.collector.demo import demo_load
from stockvis.collector.demo_removal import demo_was_removed
from stockvis.collector.models import JobRun
from stockvis.market.models import (
    Asset,
    BalanceSheet,
    CompanyProfile,
    DailyPrice,
    IncomeStatement,
    WeeklyPrice,
)
from stockvis.market.selectors import serving_source
from stockvis.portfolios import services
from stockvis.portfolios.models import Holding, Portfolio

pytestmark = pytest.mark.django_db


def seed(*args: str, **options: object) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out, **options)
    return out.getvalue()


def test_remove_deletes_demo_data_and_the_demo_assets_nothing_else_uses(settings: object) -> None:
    demo_load(today=dt.date(2026, 11, 20), years=1)
    spy = Asset.objects.by_symbol("SPY")
    DailyPrice.objects.create(
        asset=spy, date=dt.date(2020, 9, 4), source="csv", open=1, high=1, low=1, close=1, volume=1
    )
    alice = user_register(
        username="alice",
        password="a-long-and-unusual-passphrase",
        email="a@example.org",
        base_currency="USD",
        timezone="UTC",
    )
    portfolio = Portfolio.objects.get(owner=alice)
    services.holding_create(
        portfolio=portfolio, symbol="AAPL", quantity=Decimal(1), average_price=Decimal(150)
    )

    shown = seed(remove=True)

    for model in (DailyPrice, WeeklyPrice, CompanyProfile, BalanceSheet, IncomeStatement):
        assert not model.objects.filter(source="synthetic").exists()
    assert set(Asset.objects.values_list("symbol", flat=True)) == {"AAPL", "SPY"}
    # SPY keeps its real bar and is served (and collected) from it from now on.
    assert list(spy.daily_prices.values_list("source", flat=True)) == ["csv"]
    assert serving_source(spy) == "csv"
    spy.refresh_from_db()
    assert spy.preferred_source == "csv"
    # AAPL stays because alice holds it, but no scheduled collection refills it with demo bars.
    assert Holding.objects.filter(portfolio=portfolio, asset__symbol="AAPL").exists()
    aapl = Asset.objects.by_symbol("AAPL")
    assert (aapl.preferred_source, aapl.is_active) == ("synthetic", False)
    assert "Kept AAPL: used by a portfolio, watchlist or alert." in shown
    assert "Kept SPY: has real data." in shown
    removed_line = next(line for line in shown.splitlines() if line.startswith("Assets removed:"))
    assert "005930" in removed_line
    assert "AAPL" not in removed_line
    assert demo_was_removed()


def test_after_a_removal_startup_does_not_load_the_demo_but_an_explicit_seed_does() -> None:
    JobRun.objects.create(job_name="seed_demo", status="success")
    assert not demo_was_removed()
    seed(remove=True)
    assert demo_was_removed()
    assert "not loading it" in seed(unless_removed=True)
    assert not DailyPrice.objects.exists()
    JobRun.objects.create(job_name="seed_demo", status="success", started_at=timezone.now())
    assert not demo_was_removed()

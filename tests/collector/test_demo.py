import datetime as dt

import pytest

from stockvis.collector.demo import demo_load
from stockvis.market.models import Asset, BalanceSheet, CompanyProfile, DailyPrice, WeeklyPrice

pytestmark = pytest.mark.django_db


def test_demo_load_fills_about_twenty_assets_all_marked_synthetic() -> None:
    report = demo_load(today=dt.date(2026, 11, 22), years=1)
    assert Asset.objects.count() == report.assets == 20
    assert set(Asset.objects.values_list("preferred_source", flat=True)) == {"synthetic"}
    assert set(DailyPrice.objects.values_list("source", flat=True).distinct()) == {"synthetic"}
    aapl = Asset.objects.by_symbol("aapl")
    assert aapl.daily_prices.count() == 250  # NYSE sessions from 2025-11-22 to 2026-11-20
    assert aapl.daily_prices.latest("date").date == dt.date(2026, 11, 20)
    assert Asset.objects.by_symbol("btc-krw").daily_prices.latest("date").date == dt.date(
        2026, 11, 22
    )
    assert CompanyProfile.objects.filter(asset=aapl).exists()
    assert BalanceSheet.objects.filter(asset=aapl, period_type="annual").count() == 5
    assert Asset.objects.by_symbol("005930").name_local == "삼성전자"


def test_a_second_load_loads_nothing_twice_and_tops_up_to_the_new_day() -> None:
    demo_load(today=dt.date(2026, 11, 20), years=1)
    bars, weeks = DailyPrice.objects.count(), WeeklyPrice.objects.count()
    again = demo_load(today=dt.date(2026, 11, 20), years=1)
    assert again.daily.inserted == 0
    assert again.weekly.inserted == 0
    assert again.statements.inserted == 0
    assert (DailyPrice.objects.count(), WeeklyPrice.objects.count()) == (bars, weeks)
    later = demo_load(today=dt.date(2026, 11, 24), years=1)
    # Monday the 23rd and Tuesday the 24th for the 18 assets with weekday sessions, and four
    # days (21st to 24th) for the two crypto pairs; the partial week is re-aggregated, not duplicated.
    assert later.daily.inserted == 18 * 2 + 2 * 4
    assert Asset.objects.by_symbol("AAPL").daily_prices.latest("date").date == dt.date(2026, 11, 24)
    assert (
        WeeklyPrice.objects.filter(asset__symbol="AAPL", date__gte=dt.date(2026, 11, 23)).count()
        == 1
    )


def test_demo_bars_never_go_beside_an_assets_real_bars() -> None:
    spy = Asset.objects.create(
        symbol="SPY",
        name="SPDR S&P 500 ETF Trust (real)",
        category="etf",
        exchange="XNYS",
        currency="USD",
        preferred_source="csv",
    )
    DailyPrice.objects.create(
        asset=spy, date=dt.date(2020, 9, 4), source="csv", open=1, high=1, low=1, close=1, volume=1
    )
    report = demo_load(today=dt.date(2026, 11, 20), years=1)
    assert report.skipped == ("SPY",)
    assert report.assets == 19
    assert set(spy.daily_prices.values_list("source", flat=True)) == {"csv"}
    assert not spy.weekly_prices.exists()
    spy.refresh_from_db()
    assert (spy.name, spy.preferred_source) == ("SPDR S&P 500 ETF Trust (real)", "csv")
    assert Asset.objects.by_symbol("QQQ").daily_prices.exists()  # the rest loads as before

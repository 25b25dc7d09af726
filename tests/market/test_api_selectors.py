import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stockvis.market.models import Asset, DailyPrice
from stockvis.market.selectors import (
    MatchRank,
    assets_matching,
    bars_between,
    latest_quotes,
    serving_source,
    serving_sources,
    symbol_data_status,
)

pytestmark = pytest.mark.django_db


def _asset(symbol: str, source: str = "synthetic") -> Asset:
    return Asset.objects.create(
        symbol=symbol,
        name=f"{symbol} Inc",
        category="stock",
        exchange="XNYS",
        currency="USD",
        preferred_source=source,
    )


def _bar(asset: Asset, day: int, close: float, source: str = "synthetic") -> None:
    DailyPrice.objects.create(
        asset=asset,
        date=dt.date(2026, 11, day),
        source=source,
        open=close,
        high=close,
        low=close,
        close=close,
        volume=1,
    )


def test_latest_quotes_reads_any_number_of_assets_in_two_queries() -> None:
    assets = [_asset(f"A{i}") for i in range(5)]
    for i, asset in enumerate(assets):
        for day in range(2, 20):
            _bar(asset, day, 100 + i + day)
    with CaptureQueriesContext(connection) as queries:
        quotes = latest_quotes(assets)
    # The serving sources, the two newest bars of every asset, their splits (the change is per
    # post-split share): never one query per asset.
    assert len(queries) == 3
    first = quotes[assets[0].pk]
    assert (first.date, first.close, first.previous_close) == (dt.date(2026, 11, 19), 119, 118)
    assert first.change == 1
    assert first.change_percent == round(100 / 118, 2)  # percentages to two decimals
    assert first.synthetic is True


def test_latest_quotes_prefers_the_preferred_source_and_skips_assets_without_bars() -> None:
    mixed, empty = _asset("MIX", source="alphavantage"), _asset("EMPTY")
    _bar(mixed, 18, 10.0, source="alphavantage")
    _bar(mixed, 19, 11.0, source="alphavantage")
    _bar(mixed, 20, 50.0, source="csv")  # newer, but not the source the asset prefers
    quotes = latest_quotes([mixed, empty])
    assert set(quotes) == {mixed.pk}
    assert (quotes[mixed.pk].source, quotes[mixed.pk].close) == ("alphavantage", 11.0)
    assert quotes[mixed.pk].synthetic is False


def test_real_bars_are_served_before_newer_synthetic_ones_whatever_the_preference() -> None:
    # SPY after a CSV import of old real bars: the demo's synthetic bars are newer and the asset
    # still prefers synthetic, yet the real ones are what every reader gets.
    spy = _asset("SPY", source="synthetic")
    _bar(spy, 2, 300.0, source="csv")
    _bar(spy, 3, 301.0, source="csv")
    for day in range(10, 20):
        _bar(spy, day, 500.0 + day)
    assert serving_source(spy) == "csv"
    assert latest_quotes([spy])[spy.pk].source == "csv"
    assert latest_quotes([spy])[spy.pk].close == 301.0
    assert latest_quotes([spy])[spy.pk].synthetic is False
    assert bars_between(spy).source == "csv"
    assert list(bars_between(spy).close) == [300.0, 301.0]
    assert bars_between(spy, source="synthetic").source == "synthetic"


def test_the_preferred_real_source_wins_then_the_newest_real_then_synthetic() -> None:
    preferred = _asset("PREF", source="alphavantage")
    _bar(preferred, 2, 1.0, source="alphavantage")
    _bar(preferred, 5, 1.0, source="csv")
    _bar(preferred, 9, 1.0)
    without_preferred_bars = _asset("NEWEST", source="fdr")
    _bar(without_preferred_bars, 2, 1.0, source="alphavantage")
    _bar(without_preferred_bars, 5, 1.0, source="csv")
    _bar(without_preferred_bars, 9, 1.0)
    demo_only, bare = _asset("DEMO"), _asset("BARE", source="csv")
    _bar(demo_only, 2, 1.0)
    assets = [preferred, without_preferred_bars, demo_only, bare]
    with CaptureQueriesContext(connection) as queries:
        chosen = serving_sources(assets)
    assert len(queries) == 1
    assert chosen == {
        preferred.pk: "alphavantage",
        without_preferred_bars.pk: "csv",
        demo_only.pk: "synthetic",
    }
    assert serving_source(bare) is None
    assert serving_source(preferred, "weekly") is None


def test_latest_quotes_of_a_single_bar_has_no_change() -> None:
    one = _asset("ONE")
    _bar(one, 20, 5.0)
    quote = latest_quotes([one])[one.pk]
    assert (quote.close, quote.previous_close, quote.change, quote.change_percent) == (
        5.0,
        None,
        None,
        None,
    )
    assert latest_quotes([]) == {}


def test_assets_matching_ranks_exact_then_prefix_then_name() -> None:
    _asset("AB")
    _asset("ABC")
    Asset.objects.create(
        symbol="ZZ",
        name="Zed",
        name_local="에이비",
        category="etf",
        exchange="XKRX",
        currency="KRW",
    )
    matches = assets_matching("ab", limit=10)
    assert [(m.asset.symbol, m.rank) for m in matches] == [
        ("AB", MatchRank.EXACT_SYMBOL),
        ("ABC", MatchRank.SYMBOL_PREFIX),
    ]
    assert [m.asset.symbol for m in assets_matching("에이", limit=10)] == ["ZZ"]
    assert assets_matching("   ", limit=10) == []
    assert len(assets_matching("inc", limit=1)) == 1


def test_symbol_data_status_counts_everything_in_three_queries() -> None:
    asset = _asset("CNT")
    _bar(asset, 19, 1.0)
    _bar(asset, 20, 1.0)
    with CaptureQueriesContext(connection) as queries:
        status = symbol_data_status("CNT")
    assert len(queries) == 3  # the asset with its counts, then the bars of each source
    assert (status.daily_prices, status.weekly_prices, status.has_prices) == (2, 0, True)
    assert (status.source, status.synthetic) == ("synthetic", True)
    assert status.is_complete is False
    assert symbol_data_status("NONE").stock_exists is False


def test_symbol_data_status_counts_the_bars_served_not_the_demo_bars_beside_them() -> None:
    asset = _asset("MIXED")
    for day in range(2, 5):
        _bar(asset, day, 1.0, source="csv")
    for day in range(10, 20):
        _bar(asset, day, 1.0)
    status = symbol_data_status("MIXED")
    assert (status.source, status.synthetic, status.daily_prices) == ("csv", False, 3)
    assert status.daily_by_source == {"csv": 3, "synthetic": 10}

import datetime as dt

import pytest

from stockvis.market.cache import bump_symbol_version, symbol_cache_key
from stockvis.market.params import InvalidChartParams, parse_chart_window
from stockvis.market.signals import prices_changed


# The signal's other receivers (indicator snapshots, price alerts) read the database.
@pytest.mark.django_db
def test_a_price_ingest_makes_every_cached_response_key_of_that_symbol_new() -> None:
    before = symbol_cache_key("chart", "AAPL", {"period": "1y"})
    other_before = symbol_cache_key("chart", "MSFT", {"period": "1y"})
    prices_changed.send(sender=None, symbols=["AAPL"], kind="daily")
    assert symbol_cache_key("chart", "AAPL", {"period": "1y"}) != before
    assert symbol_cache_key("chart", "MSFT", {"period": "1y"}) == other_before


def test_bumping_twice_never_reuses_a_version() -> None:
    first = bump_symbol_version("IBM")
    assert bump_symbol_version("IBM") == first + 1


def test_chart_windows_reach_back_from_the_latest_bar() -> None:
    latest = dt.date(2026, 11, 20)
    assert parse_chart_window(None, None, None).start_for(latest) == dt.date(2025, 11, 20)
    assert parse_chart_window("weekly", "max", None).start_for(latest) is None
    assert parse_chart_window("daily", "1d", None).start_for(latest) == latest
    assert parse_chart_window("daily", "1y", "30").start_for(latest) == dt.date(2026, 10, 22)


@pytest.mark.parametrize(
    ("bar_type", "period", "days", "field"),
    [
        ("hourly", None, None, "type"),
        (None, "7y", None, "period"),
        (None, None, "0", "days"),
        (None, None, "x", "days"),
        (None, None, "99999999", "days"),
    ],
)
def test_bad_chart_parameters_name_the_field_and_its_allowed_values(
    bar_type: str | None, period: str | None, days: str | None, field: str
) -> None:
    with pytest.raises(InvalidChartParams) as caught:
        parse_chart_window(bar_type, period, days)
    assert caught.value.field == field


def test_five_days_is_a_stocks_last_five_sessions() -> None:
    friday = dt.date(2026, 11, 20)
    start = parse_chart_window("daily", "5d", None).start_for(friday)
    assert start == dt.date(2026, 11, 14)  # the Saturday before: Monday to Friday remain

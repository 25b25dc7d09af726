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


def test_recent_bodies_expire_with_their_ttl_and_keep_within_their_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from stockvis.market.views import common
    from stockvis.market.views.common import RecentBodies

    now = [1000.0]
    monkeypatch.setattr(common.time, "monotonic", lambda: now[0])
    bodies = RecentBodies(max_bytes=40)
    bodies.put("a", b"x" * 10, ttl=60)
    bodies.put("b", b"y" * 10, ttl=60)
    assert bodies.get("a") == b"x" * 10
    bodies.put("c", b"z" * 10, ttl=60)
    bodies.put("d", b"w" * 10, ttl=60)
    bodies.put("e", b"v" * 10, ttl=60)  # 50 bytes: the least recently used one ("b") goes
    assert bodies.get("b") is None
    assert bodies.get("a") == b"x" * 10
    bodies.put("huge", b"h" * 11, ttl=60)  # over a quarter of the budget: never kept
    assert bodies.get("huge") is None
    now[0] += 60
    assert bodies.get("a") is None  # expired with its shared copy


def test_a_kept_chart_body_is_not_served_after_an_ingest_of_its_symbol() -> None:
    from stockvis.market.views.common import cached

    first = cached("chart", "AAPL", {"period": "1y"}, 60, lambda: b"before")
    assert cached("chart", "AAPL", {"period": "1y"}, 60, lambda: b"unused") == first
    bump_symbol_version("AAPL")
    assert cached("chart", "AAPL", {"period": "1y"}, 60, lambda: b"after") == b"after"

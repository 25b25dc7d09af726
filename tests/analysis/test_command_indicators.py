"""`stockvis indicators`: a readable table of the latest values and signals; snapshot rebuilds."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from stockvis.analysis.models import IndicatorSnapshot
from stockvis.market.models import Asset
from tests.analysis.api_fixtures import (  # noqa: F401  (fixtures)
    after_the_close,
    demo,
)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("indicators", *args, stdout=out)
    return out.getvalue()


@pytest.mark.usefixtures("demo")
def test_it_prints_the_latest_values_and_signals_as_a_table():
    output = run("aapl", "--period", "3m")

    assert output.startswith(
        "AAPL Apple Inc. (stock, US), daily bars from synthetic, as of 2026-11-20"
    )
    assert "Latest values" in output
    assert "Signals" in output
    for name in ("rsi", "macd_signal", "bb_upper", "sma_200", "ema_50", "stoch_k", "obv", "atr"):
        assert f"│ {name} " in output
    for signal in ("rsi", "macd", "bbands", "ma_cross", "stoch", "obv", "atr"):
        assert f"│ {signal} " in output
    assert "Composite: " in output
    assert "weights rsi 20%" in output


@pytest.mark.usefixtures("demo")
def test_it_shows_the_synthetic_notice_only_for_demo_data():
    assert "not real market prices" in run("BTC-KRW")

    Asset.objects.filter(symbol="BTC-KRW").update(preferred_source="csv")
    from stockvis.market.models import DailyPrice

    DailyPrice.objects.filter(asset__symbol="BTC-KRW").update(source="csv")
    assert "not real market prices" not in run("BTC-KRW")


@pytest.mark.usefixtures("demo")
def test_weekly_bars_and_the_period_are_honoured():
    output = run("005930", "--type", "weekly", "--period", "2y")

    assert "weekly bars from synthetic" in output
    assert "Crossovers in the last 2y" in output


def test_an_unknown_symbol_is_a_clear_error(db):
    with pytest.raises(CommandError, match="unknown symbol 'NOPE'"):
        run("NOPE")
    with pytest.raises(CommandError, match="give a SYMBOL, or --refresh-all"):
        run()


@pytest.mark.usefixtures("demo")
def test_refresh_all_rebuilds_every_snapshot():
    IndicatorSnapshot.objects.all().delete()

    assert run("--refresh-all") == "Refreshed 20 indicator snapshots.\n"
    assert IndicatorSnapshot.objects.filter(as_of__isnull=False).count() == 20

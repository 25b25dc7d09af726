"""Signals fire on hand-built series, the composite is labelled right, and nothing looks ahead."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockvis.analysis.indicators import (
    Bars,
    IndicatorResult,
    IndicatorSpec,
    InvalidBars,
    InvalidIndicatorParams,
    compute_indicators,
)
from stockvis.analysis.signals import (
    REASON_CODES,
    CompositeLabel,
    CrossoverKind,
    Direction,
    IndicatorSignal,
    InvalidSignalParams,
    SignalConfig,
    SignalName,
    SignalReport,
    composite_label,
    composite_signal,
    compute_signals,
    crossover_events,
    latest_snapshot,
    required_indicator_spec,
)
from tests.analysis.random_bars import random_bars
from tests.analysis.shared_data import read_price_bars

FIRST_DATE = np.datetime64("2024-01-01")


def bars_from_close(close, *, spread: float = 0.5, volume=None) -> Bars:
    """Bars whose high and low sit `spread` around the close, one per calendar day."""
    close = np.asarray(close, dtype=np.float64)
    return Bars(
        open=close,
        high=close + spread,
        low=close - spread,
        close=close,
        volume=np.ones_like(close) if volume is None else np.asarray(volume, dtype=np.float64),
        dates=FIRST_DATE + np.arange(close.shape[0]),
    )


def report_for(bars: Bars, config: SignalConfig | None = None) -> SignalReport:
    config = config or SignalConfig()
    indicators = compute_indicators(bars, required_indicator_spec(config=config))
    return compute_signals(bars, indicators, config)


def signal_named(report: SignalReport, name: SignalName) -> IndicatorSignal:
    (signal,) = [signal for signal in report.signals if signal.name == name]
    return signal


def date_of(index: int) -> dt.date:
    return (FIRST_DATE + index).astype(dt.date)


def falling_then_rising(fall_bars: int, rise_bars: int, low: float = 100.0) -> np.ndarray:
    return np.concatenate(
        [np.linspace(low * 2, low, fall_bars), np.linspace(low, low * 2, rise_bars + 1)[1:]]
    )


# --- RSI -------------------------------------------------------------------------------------


def test_a_falling_series_is_oversold_on_rsi_and_a_buy():
    bars = bars_from_close(np.linspace(100, 60, 40))

    rsi = signal_named(report_for(bars), SignalName.RSI)

    assert rsi.direction is Direction.BUY
    assert rsi.value == pytest.approx(0.0)
    assert rsi.strength == 1.0
    assert "below 30" in rsi.reason
    assert "oversold" in rsi.reason
    assert rsi.code == "rsi_oversold"
    assert rsi.params == {"rsi": pytest.approx(0.0), "low": 30, "high": 70}
    assert rsi.date == date_of(39)


def test_a_rising_series_is_overbought_on_rsi_and_a_sell():
    bars = bars_from_close(np.linspace(60, 100, 40))

    rsi = signal_named(report_for(bars), SignalName.RSI)

    assert rsi.direction is Direction.SELL
    assert rsi.strength == 1.0
    assert "above 70" in rsi.reason
    assert rsi.code == "rsi_overbought"


def test_rsi_between_the_zones_is_neutral_and_just_inside_a_zone_counts_half():
    bars = bars_from_close(100 + np.tile([0.0, 1.0], 30))

    neutral = signal_named(report_for(bars), SignalName.RSI)
    assert neutral.value is not None
    custom = SignalConfig(rsi_oversold=neutral.value + 0.01, rsi_overbought=99)
    just_oversold = signal_named(report_for(bars, custom), SignalName.RSI)

    assert neutral.direction is Direction.NEUTRAL
    assert neutral.strength == 0.0
    assert "neither oversold nor overbought" in neutral.reason
    assert neutral.code == "rsi_neutral"
    assert just_oversold.direction is Direction.BUY
    assert just_oversold.strength == pytest.approx(0.5, abs=1e-3)


# --- MACD ------------------------------------------------------------------------------------


def test_macd_crossing_above_its_signal_line_is_a_buy_that_fades_over_the_lookback():
    close = falling_then_rising(60, 20, low=80)
    indicators = compute_indicators(bars_from_close(close))
    macd, signal_line = indicators["macd"], indicators["macd_signal"]
    # On a straight line MACD settles onto its signal line (a tie up to rounding) until the turn.
    assert macd[59] == pytest.approx(signal_line[59])
    assert macd[60] > signal_line[60]

    fresh = signal_named(report_for(bars_from_close(close[:62])), SignalName.MACD)
    fading = signal_named(report_for(bars_from_close(close[:65])), SignalName.MACD)
    expired = signal_named(report_for(bars_from_close(close[:66])), SignalName.MACD)

    assert fresh.direction is Direction.BUY
    assert fresh.strength == pytest.approx(0.8)
    assert fresh.index == 60
    assert fresh.date == date_of(60)
    assert fresh.reason == ("MACD crossed above its signal line 1 bar ago (2024-03-01): buy.")
    assert fresh.code == "macd_cross_up"
    assert fresh.params == {"side": "above", "bars_since": 1, "date": "2024-03-01"}
    assert fading.direction is Direction.BUY
    assert fading.strength == pytest.approx(0.2)
    assert expired.direction is Direction.NEUTRAL
    assert expired.reason == "MACD is above its signal line with no cross in the last 5 bars."
    assert expired.code == "macd_cross_none"
    assert expired.params == {"side": "above", "lookback": 5}


def test_macd_crossing_below_its_signal_line_is_a_sell():
    close = 240 - falling_then_rising(60, 20, low=80)
    indicators = compute_indicators(bars_from_close(close))
    macd, signal_line = indicators["macd"], indicators["macd_signal"]
    # On a straight line MACD settles onto its signal line (a tie up to rounding) until the turn.
    assert macd[59] == pytest.approx(signal_line[59])
    assert macd[60] < signal_line[60]

    signal = signal_named(report_for(bars_from_close(close[:61])), SignalName.MACD)

    assert signal.direction is Direction.SELL
    assert signal.strength == 1.0
    assert signal.index == 60
    assert "crossed below its signal line" in signal.reason


# --- Bollinger Bands -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last_close", "direction", "words"),
    [
        (110.0, Direction.SELL, "above the upper Bollinger Band"),
        (90.0, Direction.BUY, "below the lower Bollinger Band"),
        (100.5, Direction.NEUTRAL, "inside the Bollinger Bands"),
    ],
)
def test_a_close_outside_the_bollinger_bands_is_a_signal_and_inside_is_neutral(
    last_close, direction, words
):
    calm = 100 + np.sin(np.arange(40))

    bands = signal_named(
        report_for(bars_from_close(np.append(calm, last_close))), SignalName.BBANDS
    )

    assert bands.direction is direction
    assert words in bands.reason
    assert bands.strength == (0.0 if direction is Direction.NEUTRAL else 1.0)


# --- SMA 50/200 crosses ----------------------------------------------------------------------


def test_a_golden_cross_of_sma_50_over_sma_200_is_a_buy():
    close = falling_then_rising(200, 120)
    indicators = compute_indicators(bars_from_close(close), IndicatorSpec(sma_periods=[50, 200]))
    fast, slow = indicators["sma_50"], indicators["sma_200"]
    (cross,) = np.flatnonzero((fast[:-1] < slow[:-1]) & (fast[1:] > slow[1:])) + 1

    signal = signal_named(report_for(bars_from_close(close[: cross + 1])), SignalName.MA_CROSS)

    assert signal.direction is Direction.BUY
    assert signal.strength == 1.0
    assert signal.index == cross
    assert signal.reason.startswith("Golden cross: SMA 50 crossed above SMA 200 on the last bar")
    assert signal.code == "ma_cross_up"
    assert (signal.params["fast"], signal.params["slow"], signal.params["bars_since"]) == (
        50,
        200,
        0,
    )


def test_a_death_cross_of_sma_50_under_sma_200_is_a_sell():
    close = 500 - falling_then_rising(200, 120)
    indicators = compute_indicators(bars_from_close(close), IndicatorSpec(sma_periods=[50, 200]))
    fast, slow = indicators["sma_50"], indicators["sma_200"]
    (cross,) = np.flatnonzero((fast[:-1] > slow[:-1]) & (fast[1:] < slow[1:])) + 1

    signal = signal_named(report_for(bars_from_close(close[: cross + 4])), SignalName.MA_CROSS)

    assert signal.direction is Direction.SELL
    assert signal.strength == pytest.approx(1 - 3 / 10)
    assert signal.reason.startswith("Death cross: SMA 50 crossed below SMA 200 3 bars ago")
    assert signal.code == "ma_cross_down"
    assert signal.params["bars_since"] == 3


def test_spy_golden_and_death_crosses_fall_on_the_dates_reported_at_the_time():
    bars = read_price_bars("pandas-ta", "SPY_D.csv")

    events = report_for(bars).events
    since_2018 = [
        (event.kind, event.date)
        for event in events
        if event.signal == SignalName.MA_CROSS
        and event.date is not None
        and event.date >= dt.date(2018, 1, 1)
    ]

    assert since_2018 == [
        (CrossoverKind.DEATH_CROSS, dt.date(2018, 12, 7)),
        (CrossoverKind.GOLDEN_CROSS, dt.date(2019, 4, 1)),
        (CrossoverKind.DEATH_CROSS, dt.date(2020, 3, 30)),
        (CrossoverKind.GOLDEN_CROSS, dt.date(2020, 7, 9)),
    ]


def moving_average_events(gaps: list[float]) -> list[tuple[CrossoverKind, int]]:
    """Cross events for an SMA 50 that sits `gaps` above an SMA 200 of 100 (NaN: warming up)."""
    slow = np.where(np.isnan(gaps), np.nan, 100.0)
    fast = slow + np.nan_to_num(gaps)
    bars = bars_from_close(np.full(len(gaps), 100.0))
    indicators = IndicatorResult(
        IndicatorSpec(), len(gaps), MappingProxyType({"sma_50": fast, "sma_200": slow})
    )
    return [(event.kind, event.index) for event in crossover_events(bars, indicators)]


def test_lines_that_touch_and_turn_back_do_not_cross():
    nan = float("nan")

    events = moving_average_events([nan, 1, 0, 1, 0, 0, -1, 0, -2, 0, 3])

    assert events == [(CrossoverKind.DEATH_CROSS, 6), (CrossoverKind.GOLDEN_CROSS, 10)]


def test_lines_tied_since_warm_up_cross_when_they_part_but_the_end_of_warm_up_is_no_cross():
    nan = float("nan")

    assert moving_average_events([nan, nan, 0, 0, 0.5]) == [(CrossoverKind.GOLDEN_CROSS, 4)]
    assert moving_average_events([nan, nan, -1, -1]) == []
    assert moving_average_events([nan, 1, 1e-12, -1e-12, 1e-12, 1]) == []


# --- Stochastic ------------------------------------------------------------------------------


def test_a_stochastic_cross_up_in_the_oversold_zone_is_a_buy():
    bars = bars_from_close(np.append(np.linspace(100, 60, 40), 63))
    indicators = compute_indicators(bars)
    stoch_k, stoch_d = indicators["stoch_k"], indicators["stoch_d"]
    assert stoch_k[-2] <= stoch_d[-2]
    assert stoch_k[-1] > stoch_d[-1]
    assert stoch_d[-1] < 20

    stoch = signal_named(report_for(bars), SignalName.STOCH)

    assert stoch.direction is Direction.BUY
    assert stoch.strength == 1.0
    assert "crossed above %D below 20.00 (oversold) on the last bar" in stoch.reason


def test_a_stochastic_cross_down_in_the_overbought_zone_is_a_sell():
    bars = bars_from_close(np.append(np.linspace(60, 100, 40), 97))

    stoch = signal_named(report_for(bars), SignalName.STOCH)

    assert stoch.direction is Direction.SELL
    assert "crossed below %D above 80.00 (overbought)" in stoch.reason


def test_stochastic_crosses_count_only_inside_the_zones():
    bars = read_price_bars("pandas-ta", "SPY_D.csv")
    indicators = compute_indicators(bars)
    stoch_d = indicators["stoch_d"]

    events = [e for e in compute_signals(bars, indicators).events if e.signal == SignalName.STOCH]

    assert len(events) > 50
    for event in events:
        if event.direction is Direction.BUY:
            assert stoch_d[event.index] < 20
        else:
            assert stoch_d[event.index] > 80


# --- OBV and ATR -----------------------------------------------------------------------------


def test_obv_rising_with_price_confirms_the_rise():
    obv = signal_named(report_for(bars_from_close(np.linspace(50, 60, 30))), SignalName.OBV)

    assert obv.direction is Direction.BUY
    assert obv.strength == 1.0
    assert "volume confirms the rise" in obv.reason
    assert obv.code == "obv_confirms_rise"


@pytest.mark.parametrize(
    ("big_step", "direction", "words"),
    [(2.0, Direction.SELL, "bearish divergence"), (-2.0, Direction.BUY, "bullish divergence")],
)
def test_obv_moving_against_price_is_a_divergence(big_step, direction, words):
    # Big light-volume steps one way, small heavy-volume steps back: price follows the big
    # steps, OBV follows the heavy volume.
    steps = np.tile([big_step, -big_step / 2], 20)
    volume = np.tile([100.0, 1000.0], 20)

    obv = signal_named(
        report_for(bars_from_close(100 + np.cumsum(steps), volume=volume)), SignalName.OBV
    )

    assert obv.direction is direction
    assert words in obv.reason
    assert obv.code == "obv_" + words.replace(" ", "_")
    assert obv.strength == pytest.approx(9000 / 11000)


@pytest.mark.parametrize(("spread", "level"), [(0.2, "low"), (1.0, "moderate"), (5.0, "high")])
def test_atr_gives_volatility_as_a_percent_of_price_with_no_direction(spread, level):
    bars = bars_from_close(np.full(30, 100.0), spread=spread)

    atr = signal_named(report_for(bars), SignalName.ATR)

    assert atr.direction is Direction.NEUTRAL
    assert atr.value == pytest.approx(2 * spread)
    assert f"{2 * spread:.2f}% of the close: {level} volatility" in atr.reason
    assert atr.code == f"atr_{level}"
    assert atr.params["percent"] == pytest.approx(2 * spread)


# --- Warm-up, composite and configuration ----------------------------------------------------


def test_a_short_history_gives_neutral_signals_without_data_and_a_neutral_composite():
    report = report_for(bars_from_close(np.linspace(10, 12, 10)))

    assert {signal.name for signal in report.signals} == set(SignalName)
    assert all(not signal.has_data for signal in report.signals)
    assert all(signal.direction is Direction.NEUTRAL for signal in report.signals)
    assert report.composite.score == 0.0
    assert report.composite.label is CompositeLabel.NEUTRAL
    assert dict(report.composite.weights) == {}


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (-100.0, CompositeLabel.STRONG_SELL),
        (-60.0, CompositeLabel.STRONG_SELL),
        (-59.99, CompositeLabel.SELL),
        (-20.0, CompositeLabel.SELL),
        (-19.99, CompositeLabel.NEUTRAL),
        (0.0, CompositeLabel.NEUTRAL),
        (19.99, CompositeLabel.NEUTRAL),
        (20.0, CompositeLabel.BUY),
        (59.99, CompositeLabel.BUY),
        (60.0, CompositeLabel.STRONG_BUY),
        (100.0, CompositeLabel.STRONG_BUY),
    ],
)
def test_the_composite_label_follows_the_score_thresholds(score, label):
    assert composite_label(score) is label


def make_signal(name: SignalName, direction: Direction, strength: float, has_data: bool = True):
    return IndicatorSignal(name, direction, strength, "test.", 0, None, None, has_data)


def test_the_composite_is_a_weighted_score_over_signals_with_data_and_returns_its_weights():
    signals = (
        make_signal(SignalName.RSI, Direction.BUY, 1.0),
        make_signal(SignalName.MACD, Direction.SELL, 0.5),
        make_signal(SignalName.BBANDS, Direction.NEUTRAL, 0.0),
        make_signal(SignalName.OBV, Direction.BUY, 1.0, has_data=False),
        make_signal(SignalName.ATR, Direction.NEUTRAL, 0.0),
    )

    composite = composite_signal(signals)

    assert dict(composite.weights) == pytest.approx(
        {SignalName.RSI: 0.2 / 0.55, SignalName.MACD: 0.2 / 0.55, SignalName.BBANDS: 0.15 / 0.55}
    )
    assert composite.score == pytest.approx(100 * (0.2 - 0.1) / 0.55)
    assert sum(composite.contributions.values()) == pytest.approx(composite.score)
    assert composite.label is CompositeLabel.NEUTRAL


@pytest.mark.parametrize(
    ("direction", "score", "label"),
    [(Direction.BUY, 100.0, CompositeLabel.STRONG_BUY), (Direction.SELL, -100.0, "strong_sell")],
)
def test_every_signal_agreeing_at_full_strength_scores_the_extreme(direction, score, label):
    signals = tuple(make_signal(name, direction, 1.0) for name in SignalName)

    composite = composite_signal(signals)

    assert composite.score == pytest.approx(score)
    assert composite.label == label


def test_custom_weights_choose_which_signals_count():
    bars = bars_from_close(np.linspace(100, 60, 40))

    report = report_for(bars, SignalConfig(weights={"rsi": 3, "OBV": 0}))

    assert dict(report.composite.weights) == {SignalName.RSI: 1.0}
    assert report.composite.score == pytest.approx(100.0)


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"rsi_oversold": 80}, "rsi_oversold"),
        ({"rsi_overbought": 101}, "rsi_overbought"),
        ({"stoch_oversold": -1}, "stoch_oversold"),
        ({"cross_lookback": 0}, "cross_lookback"),
        ({"ma_fast_period": 200, "ma_slow_period": 50}, "ma_fast_period"),
        ({"ma_slow_period": 501}, "ma_slow_period"),
        ({"obv_lookback": 2.5}, "obv_lookback"),
        ({"atr_low_percent": 5}, "atr_low_percent"),
        ({"weights": {"vwap": 1}}, "weights"),
        ({"weights": {"rsi": -1}}, "weights.rsi"),
        ({"weights": [0.5]}, "weights"),
    ],
)
def test_an_invalid_signal_setting_is_rejected_with_its_name(params, param):
    with pytest.raises(InvalidSignalParams) as raised:
        SignalConfig(**params)

    assert raised.value.param == param
    assert isinstance(raised.value, InvalidIndicatorParams)


def test_signals_refuse_indicators_computed_for_other_bars():
    bars = bars_from_close(np.linspace(10, 12, 30))

    with pytest.raises(InvalidBars):
        compute_signals(bars.head(20), compute_indicators(bars))


def test_the_signal_spec_keeps_the_requested_moving_averages_and_adds_the_cross_pair():
    spec = required_indicator_spec(IndicatorSpec(indicators={"rsi", "sma"}, sma_periods=[10]))

    assert spec.sma_periods == (10, 50, 200)
    assert spec.rsi_period == 14
    assert "sma_20" not in required_indicator_spec(IndicatorSpec(indicators={"ema"})).output_names()


# --- Snapshot --------------------------------------------------------------------------------


def test_the_snapshot_holds_the_latest_indicator_values_and_the_signals_of_the_last_bar():
    bars = read_price_bars("pandas-ta", "SPY_D.csv")

    snapshot = latest_snapshot(bars, IndicatorSpec(sma_periods=[20], ema_periods=[9]))
    report = report_for(bars)

    assert snapshot.date == dt.date(2020, 8, 28)
    assert snapshot.close == 350.58
    assert {"sma_20", "sma_50", "sma_200", "ema_9", "rsi", "atr", "obv"} <= set(snapshot.indicators)
    assert snapshot.indicators["sma_20"] == pytest.approx(np.mean(bars.close[-20:]))
    assert snapshot.signals == report.signals
    assert snapshot.composite == report.composite


def test_a_snapshot_of_no_bars_is_refused():
    with pytest.raises(InvalidBars):
        latest_snapshot(bars_from_close(np.empty(0)))


# --- Properties on random bar series ---------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(bars=random_bars())
def test_signals_on_random_bars_are_well_formed(bars):
    report = report_for(bars)

    assert -100.0 <= report.composite.score <= 100.0
    assert report.composite.label is composite_label(report.composite.score)
    for signal in report.signals:
        assert 0.0 <= signal.strength <= 1.0
        assert signal.reason.endswith(".")
        assert signal.code in REASON_CODES, signal.code
        assert (signal.code == "warming_up") is not signal.has_data
        assert signal.index is None or 0 <= signal.index < len(bars)
        assert signal.direction is Direction.NEUTRAL or signal.has_data


@settings(max_examples=50, deadline=None)
@given(bars=random_bars(), data=st.data())
def test_signals_on_a_prefix_equal_those_read_from_the_full_series_cut_at_that_bar(bars, data):
    spec = required_indicator_spec()
    full_indicators = compute_indicators(bars, spec)
    full_events = compute_signals(bars, full_indicators).events
    cut = data.draw(st.integers(min_value=0, max_value=len(bars)), label="cut")
    prefix = bars.head(cut)

    from_prefix = compute_signals(prefix, compute_indicators(prefix, spec))
    from_full_cut = compute_signals(prefix, full_indicators.head(cut))

    assert from_prefix == from_full_cut
    assert from_prefix.events == tuple(event for event in full_events if event.index < cut)

"""Indicators equal the StockCharts worked examples, direct TA-Lib calls, and never look ahead."""

from __future__ import annotations

import numpy as np
import pytest
import talib
from hypothesis import given, settings
from hypothesis import strategies as st

from stockvis.analysis.indicators import (
    ALL_INDICATORS,
    Bars,
    Indicator,
    IndicatorSpec,
    InvalidBars,
    InvalidIndicatorParams,
    compute_indicators,
)
from tests.analysis.random_bars import random_bars
from tests.analysis.shared_data import (
    assert_equals_worksheet,
    half_unit_in_last_place,
    read_price_bars,
    read_worksheet,
    worksheet_floats,
)


def bars_from_close(close: np.ndarray, high=None, low=None, volume=None) -> Bars:
    return Bars(
        open=close,
        high=close if high is None else high,
        low=close if low is None else low,
        close=close,
        volume=np.ones_like(close) if volume is None else volume,
    )


def with_flat_history(values: np.ndarray, length: int, level: float) -> np.ndarray:
    return np.concatenate([np.full(length, level), values])


# --- StockCharts worked examples -------------------------------------------------------------


def test_rsi_matches_the_stockcharts_worked_example():
    sheet = read_worksheet("cs-rsi.csv")
    close = worksheet_floats(sheet["Close"])
    # The worksheet starts Wilder's smoothing from averages of zero on its first bar
    # (Avg Gain on row 2 is 0.0595 / 14), while TA-Lib seeds it with the plain mean of the first
    # 14 changes; with only 33 rows the two seeds never converge (RSI still differs by ~3 points
    # at the end). Fourteen flat bars before the series make TA-Lib's seed exactly zero, so its
    # state on the worksheet's first bar is the worksheet's and every later RSI must agree.
    flat_bars = 14
    padded = with_flat_history(close, flat_bars, close[0])
    spec = IndicatorSpec(indicators={"rsi"}, rsi_period=14)
    rsi = compute_indicators(bars_from_close(padded), spec)["rsi"][flat_bars:]

    compared = assert_equals_worksheet(rsi, sheet["RSI"], first_row=14, what="RSI")

    assert compared == len(sheet) - 14


def test_rsi_without_the_flat_history_differs_from_the_worksheet_only_by_its_seed():
    sheet = read_worksheet("cs-rsi.csv")
    close = worksheet_floats(sheet["Close"])
    rsi = compute_indicators(bars_from_close(close), IndicatorSpec(indicators={"rsi"}))["rsi"]

    # TA-Lib's simple-mean seed is StockCharts' published first RSI (70.53 on 2010-01-05);
    # this worksheet's zero seed gives 71.86 there. Same recursion, different starting point.
    assert rsi[14] == pytest.approx(70.5328, abs=5e-5)
    assert float(sheet["RSI"].iloc[14]) == pytest.approx(71.862114)


def test_atr_matches_the_stockcharts_worked_example():
    sheet = read_worksheet("cs-atr.csv")
    high, low, close = (worksheet_floats(sheet[name]) for name in ("High", "Low", "Close"))
    # The worksheet's first true range is high - low (no previous close) and its first ATR, on
    # row 14, is the mean of true ranges 1..14. TA-Lib needs a previous close, so its first ATR
    # comes one bar later and leaves out that first range. One flat bar before the series, at a
    # price inside the first bar's range, makes TA-Lib's first true range high - low too, and
    # its ATR then follows the worksheet from row 14 on.
    first_bar_middle = (high[0] + low[0]) / 2
    padded = [with_flat_history(values, 1, first_bar_middle) for values in (high, low, close)]
    bars = bars_from_close(padded[2], high=padded[0], low=padded[1])
    atr = compute_indicators(bars, IndicatorSpec(indicators={"atr"}, atr_period=14))["atr"][1:]

    assert_equals_worksheet(talib.TRANGE(*padded)[1:], sheet["TR"], first_row=0, what="TR")
    compared = assert_equals_worksheet(atr, sheet["ATR"], first_row=13, what="ATR")

    assert compared == len(sheet) - 13


def test_bollinger_bands_match_the_stockcharts_worked_example():
    sheet = read_worksheet("cs-bbands.csv")
    close = worksheet_floats(sheet["Close"])
    spec = IndicatorSpec(indicators={"bbands"}, bb_period=20, bb_stddev=2.0)
    result = compute_indicators(bars_from_close(close), spec)

    assert_equals_worksheet(result["bb_middle"], sheet["MiddleBand"], first_row=19, what="middle")
    assert_equals_worksheet(result["bb_upper"], sheet["HighBand"], first_row=19, what="upper")
    assert_equals_worksheet(result["bb_lower"], sheet["LowBand"], first_row=19, what="lower")
    # Half the distance between the bands is the population standard deviation StockCharts uses.
    implied_stddev = (result["bb_upper"] - result["bb_lower"]) / 4
    compared = assert_equals_worksheet(
        implied_stddev, sheet["20-day Standard Deviation"], first_row=19, what="stddev"
    )
    assert compared == len(sheet) - 19
    assert np.isnan(result["bb_middle"][:19]).all()


# TA-Lib seeds an EMA with the mean of its first `period` values, the worksheet with the first
# close (pandas' ewm(adjust=False)). A flat history at the first close makes both seeds that
# close, so the EMAs and the MACD line must agree from the first row.
MACD_FLAT_BARS = 60


def macd_worksheet_and_ours():
    sheet = read_worksheet("cs-macd.csv")
    close = worksheet_floats(sheet["Close"])
    padded = with_flat_history(close, MACD_FLAT_BARS, close[0])
    spec = IndicatorSpec(indicators={"macd", "ema"}, ema_periods=[12, 26])
    result = compute_indicators(bars_from_close(padded), spec)
    ours = {name: values[MACD_FLAT_BARS:] for name, values in result.values.items()}
    return sheet, ours


def test_macd_line_and_its_emas_match_the_stockcharts_worked_example():
    sheet, ours = macd_worksheet_and_ours()

    assert_equals_worksheet(ours["ema_12"], sheet["short_ema"], first_row=0, what="EMA 12")
    assert_equals_worksheet(ours["ema_26"], sheet["long_ema"], first_row=0, what="EMA 26")
    compared = assert_equals_worksheet(ours["macd"], sheet["MACD_line"], first_row=0, what="MACD")

    assert compared == len(sheet) - 1


def test_macd_signal_line_differs_from_the_worksheet_only_by_a_decaying_seed():
    sheet, ours = macd_worksheet_and_ours()
    theirs = worksheet_floats(sheet["MACD_signal"])
    first = 2  # the worksheet's first signal value
    # The worksheet's signal line starts on row 2 at -0.129, a value it carries over from data
    # before its first row (the EMA of two MACD values near 0.02 cannot be -0.129). From there
    # both lines follow signal += 0.2 * (macd - signal), so their gap shrinks by 0.8 per bar.
    # Checking that exact decay on every row proves the seed is the only difference.
    seed_gap = theirs[first] - ours["macd_signal"][first]
    decay = 1 - 2 / (9 + 1)
    seed_text = sheet["MACD_signal"].iloc[first]
    for row in range(first, len(sheet)):
        text = sheet["MACD_signal"].iloc[row]
        expected_gap = seed_gap * decay ** (row - first)
        gap = float(text) - ours["macd_signal"][row]
        tolerance = half_unit_in_last_place(text) + half_unit_in_last_place(seed_text)
        assert abs(gap - expected_gap) <= tolerance, f"row {row}"

    # Once the seed's gap is a tenth of the worksheet's precision the lines are equal outright.
    converged = next(
        row
        for row in range(first, len(sheet))
        if abs(seed_gap) * decay ** (row - first)
        < 0.1 * half_unit_in_last_place(sheet["MACD_signal"].iloc[row])
    )
    assert len(sheet) - converged >= 10, "the worksheet is too short to see convergence"
    assert_equals_worksheet(
        ours["macd_signal"], sheet["MACD_signal"], first_row=converged, what="signal"
    )
    assert_equals_worksheet(
        ours["macd_hist"], sheet["MACD_diff"], first_row=converged, what="histogram"
    )


# --- Direct TA-Lib calls on real prices ------------------------------------------------------

REAL_PRICE_FILES = [("pandas-ta", "SPY_D.csv"), ("ecstasyego-CSV", "005930.csv")]


@pytest.mark.parametrize("price_file", REAL_PRICE_FILES, ids=lambda parts: parts[1])
def test_every_indicator_equals_a_direct_talib_call_on_real_prices(price_file):
    bars = read_price_bars(*price_file)
    spec = IndicatorSpec(sma_periods=[20, 50, 200], ema_periods=[12, 26, 200])
    result = compute_indicators(bars, spec)
    high, low, close, volume = bars.high, bars.low, bars.close, bars.volume

    expected = {"rsi": talib.RSI(close, 14), "obv": talib.OBV(close, volume)}
    expected["macd"], expected["macd_signal"], expected["macd_hist"] = talib.MACD(close, 12, 26, 9)
    expected["bb_upper"], expected["bb_middle"], expected["bb_lower"] = talib.BBANDS(
        close, 20, 2.0, 2.0, talib.MA_Type.SMA
    )
    expected.update({f"sma_{period}": talib.SMA(close, period) for period in (20, 50, 200)})
    expected.update({f"ema_{period}": talib.EMA(close, period) for period in (12, 26, 200)})
    expected["stoch_k"], expected["stoch_d"] = talib.STOCH(
        high, low, close, 14, 3, talib.MA_Type.SMA, 3, talib.MA_Type.SMA
    )
    expected["atr"] = talib.ATR(high, low, close, 14)

    assert set(result.names()) == set(expected)
    for name, values in expected.items():
        np.testing.assert_array_equal(result[name], values, err_msg=name)
        assert result[name].shape == (len(bars),)


def test_real_prices_have_values_everywhere_after_warm_up():
    bars = read_price_bars("pandas-ta", "SPY_D.csv")
    result = compute_indicators(bars, IndicatorSpec(sma_periods=[200]))
    # TA-Lib starts all outputs of one function on the same bar (MACD's line waits for its
    # signal line, %K for %D).
    warm_up = {"rsi": 14, "macd": 33, "macd_signal": 33, "bb_upper": 19, "sma_200": 199}
    warm_up |= {"stoch_k": 17, "stoch_d": 17, "obv": 0, "atr": 14}

    for name, lookback in warm_up.items():
        assert np.isnan(result[name][:lookback]).all(), name
        assert np.isfinite(result[name][lookback:]).all(), name


# --- Parameters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "param", "allowed"),
    [
        ({"rsi_period": 1}, "rsi_period", "from 2 to 500"),
        ({"rsi_period": 501}, "rsi_period", "from 2 to 500"),
        ({"rsi_period": 14.5}, "rsi_period", "integer from 2 to 500"),
        ({"rsi_period": True}, "rsi_period", "integer from 2 to 500"),
        ({"macd_slow_period": 600}, "macd_slow_period", "from 2 to 500"),
        ({"macd_fast_period": 26, "macd_slow_period": 12}, "macd_fast_period", "below"),
        ({"macd_signal_period": 0}, "macd_signal_period", "from 2 to 500"),
        ({"bb_period": 1}, "bb_period", "from 2 to 500"),
        ({"bb_stddev": 0.05}, "bb_stddev", "from 0.1 to 5.0"),
        ({"bb_stddev": 5.5}, "bb_stddev", "from 0.1 to 5.0"),
        ({"bb_stddev": float("nan")}, "bb_stddev", "from 0.1 to 5.0"),
        ({"bb_stddev": "2"}, "bb_stddev", "number from 0.1 to 5.0"),
        ({"sma_periods": [20, 1]}, "sma_periods", "from 2 to 500"),
        ({"sma_periods": []}, "sma_periods", "1 to 10 distinct periods"),
        ({"sma_periods": list(range(2, 14))}, "sma_periods", "1 to 10 distinct periods"),
        ({"ema_periods": "20"}, "ema_periods", "list of integers"),
        ({"ema_periods": 20}, "ema_periods", "list of integers"),
        ({"stoch_fastk_period": 1}, "stoch_fastk_period", "from 2 to 500"),
        ({"stoch_slowk_period": 0}, "stoch_slowk_period", "from 1 to 500"),
        ({"stoch_slowd_period": 501}, "stoch_slowd_period", "from 1 to 500"),
        ({"atr_period": 1000}, "atr_period", "from 2 to 500"),
        ({"indicators": ["rsi", "vwap"]}, "indicators", "chosen from atr, bbands"),
        ({"indicators": []}, "indicators", "at least one"),
        ({"indicators": "rsi"}, "indicators", "list of names"),
    ],
)
def test_an_invalid_parameter_is_rejected_with_its_name_and_allowed_range(params, param, allowed):
    with pytest.raises(InvalidIndicatorParams, match=allowed) as raised:
        IndicatorSpec(**params)

    assert raised.value.param == param
    assert str(raised.value).startswith(param)
    assert isinstance(raised.value, ValueError)


def test_the_spec_accepts_any_list_of_periods_and_keeps_them_sorted_and_distinct():
    spec = IndicatorSpec(sma_periods=[200, 20, 50, 20], ema_periods=np.array([50, 9]))

    assert spec.sma_periods == (20, 50, 200)
    assert spec.ema_periods == (9, 50)
    assert IndicatorSpec(sma_periods={100}).sma_periods == (100,)


def test_the_default_spec_computes_all_eight_indicators_with_the_usual_parameters():
    spec = IndicatorSpec()

    assert spec.indicators == ALL_INDICATORS
    assert (spec.rsi_period, spec.bb_period, spec.bb_stddev, spec.atr_period) == (14, 20, 2.0, 14)
    assert (spec.macd_fast_period, spec.macd_slow_period, spec.macd_signal_period) == (12, 26, 9)
    assert (spec.stoch_fastk_period, spec.stoch_slowk_period, spec.stoch_slowd_period) == (14, 3, 3)
    assert spec.output_names() == (
        "rsi",
        "macd",
        "macd_signal",
        "macd_hist",
        "bb_upper",
        "bb_middle",
        "bb_lower",
        "sma_20",
        "ema_20",
        "stoch_k",
        "stoch_d",
        "obv",
        "atr",
    )


def test_only_the_chosen_indicators_are_computed():
    close = np.linspace(10, 20, 50)
    spec = IndicatorSpec(indicators=["RSI", Indicator.SMA], sma_periods=[5, 10])

    result = compute_indicators(bars_from_close(close), spec)

    assert result.names() == ("rsi", "sma_5", "sma_10") == spec.output_names()


# --- Inputs and outputs ----------------------------------------------------------------------


def test_bars_use_contiguous_float64_input_without_copying_it_and_are_read_only():
    close = np.linspace(1.0, 2.0, 30)

    bars = bars_from_close(close)

    assert np.shares_memory(bars.close, close)
    assert not bars.close.flags.writeable
    assert close.flags.writeable, "the caller's own array must stay writeable"


def test_bars_convert_other_inputs_to_contiguous_float64_once():
    # Deliberately not the float64 arrays the annotations ask for.
    bars = Bars(
        open=[1, 2, 3],  # type: ignore[arg-type]
        high=np.array([2, 3, 4], dtype=np.int64),
        low=np.arange(6.0)[::2],
        close=(1.5, 2.5, 3.5),  # type: ignore[arg-type]
        volume=[10, 20, 30],  # type: ignore[arg-type]
        dates=["2024-01-02", "2024-01-03", "2024-01-04"],  # type: ignore[arg-type]
    )

    for values in (bars.open, bars.high, bars.low, bars.close, bars.volume):
        assert values.dtype == np.float64
        assert values.flags.c_contiguous
    assert bars.dates is not None
    assert bars.dates.dtype == np.dtype("datetime64[D]")


@pytest.mark.parametrize(
    "bad_field", [{"high": np.ones(4)}, {"dates": ["2024-01-02"]}, {"close": np.ones((5, 1))}]
)
def test_bars_reject_arrays_that_do_not_line_up(bad_field):
    columns = {name: np.ones(5) for name in ("open", "high", "low", "close", "volume")}

    with pytest.raises(InvalidBars):
        Bars(**(columns | bad_field))


def test_outputs_are_read_only_arrays_as_long_as_the_input():
    close = np.linspace(10, 20, 40)

    result = compute_indicators(bars_from_close(close))

    for name in result:
        assert result[name].shape == (40,), name
        assert not result[name].flags.writeable, name


def test_empty_and_short_series_give_outputs_of_their_own_length_all_warming_up():
    for length in (0, 1, 5):
        close = np.linspace(10, 11, length)
        result = compute_indicators(bars_from_close(close))

        assert all(result[name].shape == (length,) for name in result)
        assert all(value is None for name, value in result.latest().items() if name != "obv")


def test_latest_gives_the_last_value_of_every_indicator_and_none_while_warming_up():
    close = np.linspace(10, 20, 25)

    latest = compute_indicators(bars_from_close(close), IndicatorSpec(sma_periods=[5, 50])).latest()

    assert latest["sma_5"] == pytest.approx(np.mean(close[-5:]))
    assert latest["sma_50"] is None
    assert latest["rsi"] == 100.0


# --- Properties on random bar series ---------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(bars=random_bars(), data=st.data())
def test_indicators_on_a_prefix_equal_the_full_series_up_to_that_bar(bars, data):
    result = compute_indicators(bars, IndicatorSpec(sma_periods=[2, 20, 50]))
    cut = data.draw(st.integers(min_value=0, max_value=len(bars)), label="cut")

    prefix_result = compute_indicators(bars.head(cut), result.spec)

    assert all(result[name].shape == (len(bars),) for name in result)
    for name in result:
        np.testing.assert_array_equal(prefix_result[name], result[name][:cut], err_msg=name)

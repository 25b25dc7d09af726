"""A hypothesis strategy for valid random OHLCV bar series, shared by the property tests."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from stockvis.analysis.indicators import Bars


@st.composite
def random_bars(draw, max_length: int = 260) -> Bars:
    """Valid OHLCV bars: positive prices, high >= max(open, close), low <= min(open, close)."""
    length = draw(st.integers(min_value=0, max_value=max_length))
    # Filling with zero moves gives flat stretches, where lines tie and crosses are subtle.
    moves = draw(
        arrays(
            np.float64,
            length,
            elements=st.floats(-0.2, 0.2, allow_subnormal=False),
            fill=st.just(0.0),
        )
    )
    close = 100.0 * np.exp(np.cumsum(moves))
    open_ = np.concatenate([[100.0], close[:-1]])[:length]
    wicks = draw(arrays(np.float64, (2, length), elements=st.floats(0.0, 0.1)))
    volume = draw(arrays(np.float64, length, elements=st.floats(0.0, 1e9)))
    return Bars(
        open=open_,
        high=np.maximum(open_, close) * (1 + wicks[0]),
        low=np.minimum(open_, close) * (1 - wicks[1]),
        close=close,
        volume=volume,
        dates=np.datetime64("2020-01-01") + np.arange(length),
    )

"""The synthetic intraday walk (pure): a symbol's price at any instant of a session, as a
random walk from the previous close in one-second steps, the same for the same symbol and minute
in every process and every run."""

from __future__ import annotations

import datetime as dt
import math
import zlib
from functools import lru_cache

import numpy as np

STEP_SECONDS = 1


@lru_cache(maxsize=256)
def _path(symbol: str, session: str, steps: int) -> np.ndarray:
    """Cumulative standard-normal steps of one session (a fresh seed per symbol and session)."""
    seed = zlib.crc32(f"intraday|{symbol}|{session}".encode())
    shocks = np.random.Generator(np.random.PCG64(seed)).standard_normal(steps)
    return np.concatenate(([0.0], np.cumsum(shocks)))


def intraday_price(
    *,
    symbol: str,
    previous_close: float,
    daily_volatility: float,
    session_open: dt.datetime,
    session_close: dt.datetime,
    at: dt.datetime,
    decimals: int = 2,
) -> float:
    """The price at ``at``: the walk scaled so a whole session moves by ``daily_volatility``."""
    steps = max(1, math.ceil((session_close - session_open).total_seconds() / STEP_SECONDS))
    elapsed = int((at - session_open).total_seconds() // STEP_SECONDS)
    index = min(max(elapsed, 0), steps)
    path = _path(symbol, session_open.isoformat(), steps)
    sigma = daily_volatility / math.sqrt(steps)
    return round(previous_close * math.exp(sigma * float(path[index])), decimals)


def intraday_volume(
    *, typical_volume: float, session_open: dt.datetime, session_close: dt.datetime, at: dt.datetime
) -> float:
    """The session's volume so far: the typical daily volume in proportion to time elapsed."""
    length = (session_close - session_open).total_seconds()
    done = min(max((at - session_open).total_seconds(), 0.0), length)
    minutes = int(done // 60)
    return float(round(typical_volume * minutes * 60 / length)) if length else 0.0

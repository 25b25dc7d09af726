"""A forecast turned into what a user reads: prices with intervals, a fan to draw, a trend label."""

# Pure core: numbers in, JSON-able dicts out. The fan widens with the square root of the sessions
# ahead (a random walk's spread), anchored at the last close and meeting the calibrated interval
# at the target session.

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any, Final

UP_THRESHOLD: Final = 0.55
DOWN_THRESHOLD: Final = 0.45


def price_answer(
    last_close: float, log_return: float, radius: Mapping[float, float]
) -> dict[str, Any]:
    predicted = last_close * math.exp(log_return)
    intervals = {
        f"{round(c * 100)}": {
            "lower": last_close * math.exp(log_return - r),
            "upper": last_close * math.exp(log_return + r),
        }
        for c, r in radius.items()
    }
    return {
        "predicted_close": predicted,
        "expected_return": math.exp(log_return) - 1.0,
        "intervals": intervals,
    }


def fan(
    sessions: Sequence[dt.date],
    as_of: dt.date,
    last_close: float,
    log_return: float,
    radius: Mapping[float, float],
) -> list[dict[str, Any]]:
    """One point per session from ``as_of`` (width 0) to the target (the calibrated width)."""
    horizon = len(sessions)
    points = [
        {"time": as_of.isoformat(), "value": last_close}
        | {f"lower_{round(c * 100)}": last_close for c in radius}
        | {f"upper_{round(c * 100)}": last_close for c in radius}
    ]
    for k, day in enumerate(sessions, start=1):
        share = k / horizon
        centre = log_return * share
        point: dict[str, Any] = {"time": day.isoformat(), "value": last_close * math.exp(centre)}
        for c, r in radius.items():
            width = r * math.sqrt(share)
            point[f"lower_{round(c * 100)}"] = last_close * math.exp(centre - width)
            point[f"upper_{round(c * 100)}"] = last_close * math.exp(centre + width)
        points.append(point)
    return points


def trend_answer(p_up: float) -> dict[str, Any]:
    if p_up >= UP_THRESHOLD:
        label = "uptrend"
    elif p_up <= DOWN_THRESHOLD:
        label = "downtrend"
    else:
        label = "sideways"
    return {
        "probability_up": p_up,
        "probability_down": 1.0 - p_up,
        "label": label,
        "strength": min(1.0, abs(p_up - 0.5) * 2.0),
        "rule": f"uptrend when P(up) >= {UP_THRESHOLD}, downtrend when <= {DOWN_THRESHOLD}; "
        "strength is |P(up) - 0.5| x 2",
    }

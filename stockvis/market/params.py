"""Validated chart-window parameters shared by the chart, indicator and screener endpoints (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

BAR_TYPES = ("daily", "weekly")
# Calendar days each period reaches back from the latest bar; None means all history.
PERIODS: dict[str, int | None] = {
    "1d": 1,
    "5d": 7,
    "1m": 31,
    "3m": 92,
    "6m": 183,
    "1y": 366,
    "2y": 731,
    "5y": 1827,
    "max": None,
}
MAX_DAYS = 36500


class InvalidChartParams(ValueError):
    """A parameter outside its allowed values; ``field`` names it, ``allowed`` lists the choices."""

    def __init__(self, field: str, message: str, allowed: object = None) -> None:
        super().__init__(message)
        self.field = field
        self.allowed = allowed


@dataclass(frozen=True)
class ChartWindow:
    bar_type: str = "daily"
    period: str | None = "1y"
    days: int | None = None

    def start_for(self, latest: dt.date) -> dt.date | None:
        """First date of the window ending at the latest stored bar (None: from the beginning).

        A window is ``span`` calendar days ending on the latest bar, both ends included: "1d" is
        the latest bar alone, "5d" (seven calendar days) a stock's last five sessions.
        """
        if self.days is not None:
            span: int | None = self.days
        else:
            span = PERIODS[self.period or "max"]
        if span is None:
            return None
        return latest - dt.timedelta(days=span - 1)

    def as_params(self) -> dict[str, object]:
        return {"type": self.bar_type, "period": self.period or "", "days": self.days or ""}


def parse_chart_window(bar_type: str | None, period: str | None, days: str | None) -> ChartWindow:
    bar_type = (bar_type or "daily").lower()
    if bar_type not in BAR_TYPES:
        raise InvalidChartParams(
            "type", f"type must be one of {', '.join(BAR_TYPES)}", list(BAR_TYPES)
        )
    if days not in (None, ""):
        try:
            count = int(str(days))
        except ValueError:
            raise InvalidChartParams(
                "days", f"days must be a whole number from 1 to {MAX_DAYS}"
            ) from None
        if not 1 <= count <= MAX_DAYS:
            raise InvalidChartParams("days", f"days must be a whole number from 1 to {MAX_DAYS}")
        return ChartWindow(bar_type=bar_type, period=None, days=count)
    period = (period or "1y").lower()
    if period not in PERIODS:
        raise InvalidChartParams(
            "period", f"period must be one of {', '.join(PERIODS)}", list(PERIODS)
        )
    return ChartWindow(bar_type=bar_type, period=period)


# Statement and search list bounds, shared by the API and its schema.
STATEMENT_PERIODS = ("annual", "quarterly")
STATEMENT_LIMIT_DEFAULT = 5
STATEMENT_LIMIT_MAX = 40
SEARCH_LIMIT_DEFAULT = 10
SEARCH_LIMIT_MAX = 50
SEARCH_KEYWORDS_MAX = 64

# Named choice sets for the OpenAPI schema (SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]).
PERIOD_CHOICES = tuple((period, period) for period in PERIODS)
STATEMENT_PERIOD_CHOICES = tuple((period, period) for period in STATEMENT_PERIODS)

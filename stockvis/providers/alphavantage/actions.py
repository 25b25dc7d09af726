"""Alpha Vantage's SPLITS and DIVIDENDS payloads → corporate action records (pure)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from stockvis.providers.alphavantage.processors import PROVIDER, to_date, to_float
from stockvis.providers.base import ActionKind, CorporateActionRecord, ProviderError


def _rows(payload: Mapping[str, Any], function: str) -> list[Mapping[str, Any]]:
    # {"symbol": "IBM", "data": [...]}; an unknown symbol answers {} or an empty list.
    data = payload.get("data", [])
    if not isinstance(data, list):
        raise ProviderError(
            f"{function}: unexpected payload shape (data is {type(data).__name__})",
            permanent=True,
            provider=PROVIDER,
        )
    return [row for row in data if isinstance(row, Mapping)]


def _records(
    rows: Iterable[Mapping[str, Any]], kind: ActionKind, date_key: str, value_key: str
) -> list[CorporateActionRecord]:
    records = []
    for row in rows:
        day = to_date(row.get(date_key))
        value = to_float(row.get(value_key))
        # "None" dates and amounts appear in old rows; a ratio or amount that is not a positive
        # finite number cannot adjust anything.
        if day is None or value is None or not math.isfinite(value) or value <= 0:
            continue
        records.append(CorporateActionRecord(ex_date=day, kind=kind, value=value))
    return sorted(records, key=lambda r: r.ex_date)


def parse_splits(payload: Mapping[str, Any]) -> list[CorporateActionRecord]:
    """SPLITS: ``effective_date`` and ``split_factor`` (new shares per old, "2.0000")."""
    return _records(_rows(payload, "SPLITS"), ActionKind.SPLIT, "effective_date", "split_factor")


def parse_dividends(payload: Mapping[str, Any]) -> list[CorporateActionRecord]:
    """DIVIDENDS: ``ex_dividend_date`` and ``amount`` per share."""
    return _records(_rows(payload, "DIVIDENDS"), ActionKind.DIVIDEND, "ex_dividend_date", "amount")

"""Price CSV files in the common layouts (Yahoo, FinanceDataReader, Korean, Alpha Vantage) → bars."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from stockvis.providers.base import ActionKind, CorporateActionRecord, price_frame

#: Header spellings per canonical column, compared lower-cased with spaces and dots trimmed.
HEADER_NAMES: dict[str, frozenset[str]] = {
    "date": frozenset({"date", "datetime", "timestamp", "time", "day", "날짜", "일자", "거래일"}),
    "open": frozenset({"open", "1. open", "시가"}),
    "high": frozenset({"high", "2. high", "고가"}),
    "low": frozenset({"low", "3. low", "저가"}),
    "close": frozenset({"close", "4. close", "close/last", "price", "종가", "현재가"}),
    "volume": frozenset({"volume", "5. volume", "vol", "vol.", "거래량"}),
}

#: Yahoo-style columns of corporate actions on their ex-date (0 on other days).
ACTION_COLUMNS: dict[str, ActionKind] = {
    "dividends": ActionKind.DIVIDEND,
    "stock splits": ActionKind.SPLIT,
}

#: Cell spellings of "no value"; such a cell becomes NaN and the validators reject its row.
MISSING_CELLS = frozenset({"", "null", "nan", "none", "-", "n/a", "na"})

_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[ T])")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_US_MDY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_TIME_ONLY = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")


class CsvImportError(ValueError):
    """A price file we cannot read; the message names the line and what is wrong with it."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(f"line {line}: {message}" if line is not None else message)
        self.line = line


@dataclass(frozen=True, eq=False)
class ParsedPrices:
    """The bars of a file (canonical price frame, oldest first) and what was noticed on the way."""

    frame: pd.DataFrame
    layout: str
    warnings: tuple[str, ...] = field(default=())
    #: Splits and dividends read from Yahoo-style ``Dividends`` and ``Stock Splits`` columns.
    actions: tuple[CorporateActionRecord, ...] = field(default=())

    @property
    def rows(self) -> int:
        return len(self.frame)


def decode(data: str | bytes) -> str:
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    with contextlib.suppress(UnicodeDecodeError):
        return data.decode("utf-8-sig")
    try:
        # Korean Excel saves CSV as CP949 unless told otherwise.
        return data.decode("cp949")
    except UnicodeDecodeError as exc:
        raise CsvImportError("the file is neither UTF-8 nor CP949 text") from exc


def _header_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().strip('"').lower())


def map_columns(header: list[str]) -> tuple[dict[str, int], str]:
    """Find the canonical columns in a header row; return their positions and the layout name."""
    positions: dict[str, int] = {}
    prefixed = False
    for index, raw in enumerate(header):
        key = _header_key(raw)
        canonical = next((c for c, names in HEADER_NAMES.items() if key in names), None)
        if canonical is None and "." in key and not key[0].isdigit():
            # plotly style "AAPL.Open": the part after the ticker names the column.
            suffix = key.rsplit(".", 1)[1]
            canonical = next((c for c, names in HEADER_NAMES.items() if suffix in names), None)
            prefixed = prefixed or canonical is not None
        if canonical is None:
            continue
        if canonical in positions:
            raise CsvImportError(
                f"two columns mean {canonical}: {header[positions[canonical]]!r} and {raw!r}",
                line=1,
            )
        positions[canonical] = index
    if "date" not in positions and header and _header_key(header[0]) == "":
        # pandas writes an unnamed DatetimeIndex as a first column without a header.
        positions["date"] = 0
    missing = [c for c in ("date", "open", "high", "low", "close") if c not in positions]
    if missing:
        raise CsvImportError(
            f"no {', '.join(missing)} column in header {','.join(header)!r}; expected "
            "Date,Open,High,Low,Close[,Volume] or 날짜,시가,고가,저가,종가[,거래량]",
            line=1,
        )
    keys = {_header_key(h) for h in header}
    if prefixed:
        layout = "plotly"
    elif "날짜" in keys or "일자" in keys:
        layout = "korean"
    elif "timestamp" in keys:
        layout = "alphavantage"
    elif "adj close" in keys or "dividends" in keys:
        layout = "yahoo"
    elif "change" in keys:
        layout = "financedatareader"
    else:
        layout = "generic"
    return positions, layout


def _parse_dates(cells: pd.Series, lines: pd.Series) -> pd.Series:
    """Cells → dates (NaT where unreadable). A timestamp keeps its local calendar date."""
    text = cells.str.strip()
    parts = text.str.extract(_YMD)
    for pattern, order in ((_COMPACT, (0, 1, 2)), (_US_MDY, (2, 0, 1))):
        todo = parts[0].isna()
        if todo.any():
            other = text[todo].str.extract(pattern)
            other = other[[order[0], order[1], order[2]]]
            other.columns = [0, 1, 2]
            parts.loc[todo] = other
    numbers = parts.apply(pd.to_numeric, errors="coerce")
    return pd.to_datetime(
        {"year": numbers[0], "month": numbers[1], "day": numbers[2]}, errors="coerce"
    )


def _parse_numbers(cells: pd.Series, lines: pd.Series, column: str, header: str) -> np.ndarray:
    text = cells.str.strip()
    missing = text.str.lower().isin(MISSING_CELLS)
    # Thousands separators, currency signs and stray spaces ("4,787,699", "$189.98").
    cleaned = text.str.replace(r"[,\s$₩]", "", regex=True)
    values = pd.to_numeric(cleaned.where(~missing), errors="coerce")
    bad = values.isna() & ~missing
    if bad.any():
        first = bad.idxmax()
        raise CsvImportError(
            f"{header or column} value {cells[first]!r} is not a number", line=int(lines[first])
        )
    return values.to_numpy(dtype="float64")


def parse_price_csv(data: str | bytes) -> ParsedPrices:
    """Read one OHLCV file. Unreadable input raises :class:`CsvImportError` naming the line.

    Rows without a date but with a time of day (a live intraday snapshot some sites put on top)
    are skipped with a warning. Duplicate dates with identical values are merged with a warning;
    duplicates that disagree are an error, because picking one of two prices silently would store
    a number nobody can vouch for.
    """
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    try:
        for record in reader:
            if not record or all(not cell.strip() for cell in record):
                continue
            if header is None:
                header = [cell.lstrip("\ufeff") for cell in record]
                continue
            rows.append(record)
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise CsvImportError(f"malformed CSV: {exc}", line=reader.line_num) from exc
    if header is None:
        raise CsvImportError("the file is empty")
    positions, layout = map_columns(header)
    if not rows:
        raise CsvImportError("the file has a header but no rows", line=1)
    width = len(header)
    for record, line in zip(rows, lines, strict=True):
        if len(record) != width:
            raise CsvImportError(
                f"expected {width} fields like the header, found {len(record)}", line=line
            )

    table = pd.DataFrame(rows, dtype=str)
    line_numbers = pd.Series(lines)
    warnings: list[str] = []

    dates_text = table[positions["date"]].str.strip()
    intraday = dates_text.str.match(_TIME_ONLY)
    for index in intraday[intraday].index:
        warnings.append(
            f"line {lines[index]}: skipped an intraday row stamped {dates_text[index]!r} "
            "without a date"
        )
    keep = ~intraday
    table = table.loc[keep].reset_index(drop=True)
    line_numbers = line_numbers.loc[keep].reset_index(drop=True)
    if table.empty:
        raise CsvImportError("no daily rows: only intraday rows without a date", line=lines[0])

    dates = _parse_dates(table[positions["date"]], line_numbers)
    if dates.isna().any():
        first = int(dates.isna().idxmax())
        raise CsvImportError(
            f"cannot read date {table[positions['date']][first]!r}; use YYYY-MM-DD",
            line=int(line_numbers[first]),
        )
    numbers = {
        column: _parse_numbers(
            table[positions[column]], line_numbers, column, header[positions[column]]
        )
        for column in ("open", "high", "low", "close")
    }
    if "volume" in positions:
        numbers["volume"] = _parse_numbers(
            table[positions["volume"]], line_numbers, "volume", header[positions["volume"]]
        )
    else:
        numbers["volume"] = np.zeros(len(table))
        warnings.append("no volume column; volume set to 0")

    actions = _actions(header, table, dates, line_numbers)
    frame = pd.DataFrame({"date": dates, **numbers, "line": line_numbers})
    frame = _merge_duplicates(frame, warnings)
    bars = price_frame(
        frame["date"].to_numpy(),
        frame["open"],
        frame["high"],
        frame["low"],
        frame["close"],
        frame["volume"],
    )
    return ParsedPrices(frame=bars, layout=layout, warnings=tuple(warnings), actions=actions)


def _actions(
    header: list[str], table: pd.DataFrame, dates: pd.Series, lines: pd.Series
) -> tuple[CorporateActionRecord, ...]:
    """Non-zero cells of the action columns, one record per (date, kind).

    Yahoo's OHLC are split-adjusted; with an ``Adj Close`` column beside them they are not
    dividend-adjusted, without one (``auto_adjust``) they are both.
    """
    keys = [_header_key(name) for name in header]
    dividends_in_prices = "adj close" not in keys
    found: dict[tuple[pd.Timestamp, ActionKind], CorporateActionRecord] = {}
    for index, key in enumerate(keys):
        kind = ACTION_COLUMNS.get(key)
        if kind is None:
            continue
        values = _parse_numbers(table[index], lines, key, header[index])
        for row in np.flatnonzero(np.isfinite(values) & (values > 0)):
            day = dates.iloc[row]
            found[(day, kind)] = CorporateActionRecord(
                ex_date=day.date(),
                kind=kind,
                value=float(values[row]),
                in_prices=kind == ActionKind.SPLIT or dividends_in_prices,
            )
    return tuple(sorted(found.values(), key=lambda r: (r.ex_date, r.kind)))


def _merge_duplicates(frame: pd.DataFrame, warnings: list[str]) -> pd.DataFrame:
    duplicated = frame["date"].duplicated(keep=False)
    if not duplicated.any():
        return frame
    values = ["open", "high", "low", "close", "volume"]
    for date, group in frame.loc[duplicated].groupby("date", sort=True):
        first = group.iloc[0]
        for _, other in group.iloc[1:].iterrows():
            same = np.allclose(
                first[values].to_numpy(float), other[values].to_numpy(float), equal_nan=True
            )
            if not same:
                raise CsvImportError(
                    f"date {date:%Y-%m-%d} appears again with different prices "
                    f"(first on line {int(first['line'])})",
                    line=int(other["line"]),
                )
        warnings.append(
            f"date {date:%Y-%m-%d} appears on lines "
            f"{', '.join(str(int(n)) for n in group['line'])} with the same prices; kept once"
        )
    return frame.drop_duplicates(subset="date", keep="last")

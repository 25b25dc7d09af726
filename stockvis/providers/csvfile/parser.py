"""Price CSV files in the common layouts (Yahoo, FinanceDataReader, Korean, Alpha Vantage) → bars."""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

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

#: Rows parsed at a time: their text cells are the bulk of the memory a file needs while read.
CHUNK_ROWS = 20_000
_SNIFF_BYTES = 64 * 1024

#: A whole file as text or bytes, or a binary stream positioned at its start.
PriceSource = str | bytes | BinaryIO


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


def _encoding_of(stream: BinaryIO) -> str:
    """UTF-8 (with or without a BOM) or CP949, judged from the first bytes (the stream is left
    where it was); a bad byte later in the file is reported when the reader reaches it."""
    position = stream.tell()
    head = stream.read(_SNIFF_BYTES)
    stream.seek(position)
    for encoding in ("utf-8-sig", "cp949"):
        with contextlib.suppress(UnicodeDecodeError):
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
            return encoding
    raise CsvImportError("the file is neither UTF-8 nor CP949 text")


def _text_stream(source: PriceSource) -> TextIO:
    if isinstance(source, str):
        return io.StringIO(source.lstrip("\ufeff"), newline="")
    stream: BinaryIO = io.BytesIO(source) if isinstance(source, bytes) else source
    return io.TextIOWrapper(stream, encoding=_encoding_of(stream), newline="")


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


@dataclass(frozen=True, eq=False)
class PriceChunk:
    """Up to ``chunk_rows`` parsed rows: date, open, high, low, close, volume and source line."""

    frame: pd.DataFrame
    layout: str
    warnings: tuple[str, ...] = field(default=())
    actions: tuple[CorporateActionRecord, ...] = field(default=())


def iter_price_chunks(source: PriceSource, *, chunk_rows: int = CHUNK_ROWS) -> Iterator[PriceChunk]:
    """Read a file ``chunk_rows`` rows at a time, so only one chunk of raw text cells is ever
    held (they cost ~30 times the numbers they become); raises :class:`CsvImportError` naming
    the line of the first unreadable row."""
    reader = csv.reader(_text_stream(source))
    header: list[str] | None = None
    positions: dict[str, int] = {}
    layout = ""
    rows: list[list[str]] = []
    lines: list[int] = []
    seen = kept = 0
    first_line = 1
    try:
        for record in reader:
            if not record or all(not cell.strip() for cell in record):
                continue
            if header is None:
                header = [cell.lstrip("\ufeff") for cell in record]
                positions, layout = map_columns(header)
                continue
            if len(record) != len(header):
                raise CsvImportError(
                    f"expected {len(header)} fields like the header, found {len(record)}",
                    line=reader.line_num,
                )
            if not seen and not rows:
                first_line = reader.line_num
            rows.append(record)
            lines.append(reader.line_num)
            if len(rows) >= chunk_rows:
                chunk = _chunk(rows, lines, header, positions, layout, first=not seen)
                seen += len(rows)
                kept += len(chunk.frame)
                rows, lines = [], []
                yield chunk
    except csv.Error as exc:
        raise CsvImportError(f"malformed CSV: {exc}", line=reader.line_num) from exc
    except UnicodeDecodeError as exc:
        raise CsvImportError("the file is neither UTF-8 nor CP949 text") from exc
    if header is None:
        raise CsvImportError("the file is empty")
    if rows:
        chunk = _chunk(rows, lines, header, positions, layout, first=not seen)
        seen += len(rows)
        kept += len(chunk.frame)
        yield chunk
    if not seen:
        raise CsvImportError("the file has a header but no rows", line=1)
    if not kept:
        raise CsvImportError("no daily rows: only intraday rows without a date", line=first_line)


def _chunk(
    rows: list[list[str]],
    lines: list[int],
    header: list[str],
    positions: dict[str, int],
    layout: str,
    *,
    first: bool,
) -> PriceChunk:
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

    dates = _parse_dates(table[positions["date"]], line_numbers)
    if dates.isna().any():
        bad = int(dates.isna().idxmax())
        raise CsvImportError(
            f"cannot read date {table[positions['date']][bad]!r}; use YYYY-MM-DD",
            line=int(line_numbers[bad]),
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
        if first:
            warnings.append("no volume column; volume set to 0")
    actions = _actions(header, table, dates, line_numbers)
    frame = pd.DataFrame({"date": dates, **numbers, "line": line_numbers.to_numpy(dtype="int64")})
    return PriceChunk(frame=frame, layout=layout, warnings=tuple(warnings), actions=actions)


def parse_price_csv(source: PriceSource, *, chunk_rows: int = CHUNK_ROWS) -> ParsedPrices:
    """Read one OHLCV file (text, bytes or a binary stream, read chunk by chunk). Unreadable
    input raises :class:`CsvImportError` naming the line.

    Rows without a date but with a time of day (a live intraday snapshot some sites put on top)
    are skipped with a warning. Duplicate dates with identical values are merged with a warning;
    duplicates that disagree are an error, because picking one of two prices silently would store
    a number nobody can vouch for.
    """
    frames: list[pd.DataFrame] = []
    warnings: list[str] = []
    actions: dict[tuple[dt.date, ActionKind], CorporateActionRecord] = {}
    layout = ""
    for chunk in iter_price_chunks(source, chunk_rows=chunk_rows):
        frames.append(chunk.frame)
        warnings.extend(chunk.warnings)
        actions.update(((a.ex_date, a.kind), a) for a in chunk.actions)
        layout = chunk.layout
    frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    del frames
    frame = _merge_duplicates(frame, warnings)
    bars = price_frame(
        frame["date"].to_numpy(),
        frame["open"],
        frame["high"],
        frame["low"],
        frame["close"],
        frame["volume"],
    )
    return ParsedPrices(
        frame=bars,
        layout=layout,
        warnings=tuple(warnings),
        actions=tuple(sorted(actions.values(), key=lambda r: (r.ex_date, r.kind))),
    )


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

"""Find and load the shared reference data (worked examples, real price files) for the tests."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from stockvis.analysis.indicators import Bars
from tests.shared_data import shared_data_path


def shared_data_file(*parts: str) -> Path:
    path = shared_data_path(*parts)
    assert path.is_file(), f"{path} is not a file"
    return path


def read_worksheet(name: str) -> pd.DataFrame:
    """A StockCharts-style worksheet from shared/data/ta, every cell kept as its original text.

    Cells stay text so a comparison can honour the precision each value was written with.
    """
    sheet = pd.read_csv(shared_data_file("ta", name), dtype=str, keep_default_na=False)
    sheet["Date"] = pd.to_datetime(sheet["Date"], format="%d-%b-%y")
    return sheet


def worksheet_floats(column: pd.Series) -> np.ndarray:
    return np.array([float(text) if text else np.nan for text in column], dtype=np.float64)


def half_unit_in_last_place(text: str) -> float:
    """How far a value written as `text` may be from the exact number it was rounded from."""
    exponent = Decimal(text).as_tuple().exponent
    assert isinstance(exponent, int)
    # The 1e-12 absorbs binary floating point on our side only; it is far below every
    # precision the worksheets use (at most 15 decimals for values below 10).
    return 0.5 * 10.0**exponent + 1e-12


def assert_equals_worksheet(
    actual: np.ndarray, column: pd.Series, *, first_row: int, what: str
) -> int:
    """Assert `actual` equals every non-empty worksheet cell from `first_row` on, to the
    precision the cell was written with; returns how many cells were compared."""
    compared = 0
    for row in range(first_row, len(column)):
        text = column.iloc[row]
        if not text:
            continue
        difference = abs(actual[row] - float(text))
        assert difference <= half_unit_in_last_place(text), (
            f"{what} row {row}: ours {actual[row]!r}, worksheet {text} (off by {difference:.3g})"
        )
        compared += 1
    assert compared > 0, f"{what}: no worksheet cells compared"
    return compared


def read_price_bars(*parts: str) -> Bars:
    """A real daily price file (SPY from pandas-ta, Samsung 005930 from ecstasyego) as Bars."""
    frame = pd.read_csv(shared_data_file(*parts))
    frame.columns = [str(name).strip().lower() for name in frame.columns]
    return Bars(
        open=frame["open"].to_numpy(np.float64),
        high=frame["high"].to_numpy(np.float64),
        low=frame["low"].to_numpy(np.float64),
        close=frame["close"].to_numpy(np.float64),
        volume=frame["volume"].to_numpy(np.float64),
        dates=pd.to_datetime(frame["date"]).to_numpy(dtype="datetime64[D]"),
    )

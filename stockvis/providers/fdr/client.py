"""The FinanceDataReader client: Korean stocks and indices, crypto, FX and commodities."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from stockvis.core.symbols import normalize_symbol
from stockvis.providers.aggregate import weekly_from_daily
from stockvis.providers.base import (
    AssetInfo,
    AssetRef,
    Category,
    CompanyOverview,
    DataKind,
    ProviderError,
    StatementKind,
    StatementReport,
    SymbolMatch,
    price_frame,
    provider_unreachable,
)

logger = logging.getLogger(__name__)

PROVIDER = "fdr"

#: ``reader(provider_symbol, "YYYY-MM-DD", "YYYY-MM-DD") -> DataFrame`` (FinanceDataReader's).
Reader = Callable[[str, str, str], pd.DataFrame]
#: ``listing() -> DataFrame`` with ``Code`` and ``Name`` columns (KRX stock listing).
Listing = Callable[[], pd.DataFrame]

KRX_CODE = re.compile(r"^\d{6}$")

#: Assets that are not KRX stocks: canonical symbol → (name, category, calendar, currency, fdr symbol).
STATIC_ASSETS: dict[str, tuple[str, Category, str, str, str]] = {
    "KS11": ("KOSPI", Category.INDEX, "XKRX", "KRW", "KS11"),
    "KQ11": ("KOSDAQ", Category.INDEX, "XKRX", "KRW", "KQ11"),
    "KS200": ("KOSPI 200", Category.INDEX, "XKRX", "KRW", "KS200"),
    "US500": ("S&P 500", Category.INDEX, "XNYS", "USD", "US500"),
    "IXIC": ("NASDAQ Composite", Category.INDEX, "XNYS", "USD", "IXIC"),
    "DJI": ("Dow Jones Industrial Average", Category.INDEX, "XNYS", "USD", "DJI"),
    "BTC-KRW": ("Bitcoin", Category.CRYPTO, "24/7", "KRW", "BTC/KRW"),
    "ETH-KRW": ("Ethereum", Category.CRYPTO, "24/7", "KRW", "ETH/KRW"),
    "BTC-USD": ("Bitcoin", Category.CRYPTO, "24/7", "USD", "BTC/USD"),
    "USD-KRW": ("US dollar in won", Category.FX, "24/5", "KRW", "USD/KRW"),
    "EUR-KRW": ("Euro in won", Category.FX, "24/5", "KRW", "EUR/KRW"),
    "JPY-KRW": ("Japanese yen in won", Category.FX, "24/5", "KRW", "JPY/KRW"),
    "GC=F": ("Gold futures", Category.COMMODITY, "24/5", "USD", "GC=F"),
    "SI=F": ("Silver futures", Category.COMMODITY, "24/5", "USD", "SI=F"),
    "CL=F": ("WTI crude oil futures", Category.COMMODITY, "24/5", "USD", "CL=F"),
}


def default_reader(symbol: str, start: str, end: str) -> pd.DataFrame:
    import FinanceDataReader as fdr  # imported late: it pulls in requests and friends

    return fdr.DataReader(symbol, start, end)


def default_listing() -> pd.DataFrame:
    import FinanceDataReader as fdr

    return fdr.StockListing("KRX")


def provider_symbol(asset: AssetRef) -> str:
    """FinanceDataReader's spelling: pairs use ``/`` where our canonical symbols use ``-``."""
    if asset.provider_symbol:
        return asset.provider_symbol
    known = STATIC_ASSETS.get(asset.symbol)
    if known is not None:
        return known[4]
    if asset.category in (Category.CRYPTO, Category.FX) and "-" in asset.symbol:
        return asset.symbol.replace("-", "/")
    return asset.symbol


@dataclass(frozen=True)
class PriceFetch:
    """Bars from one call plus what was cleaned away, so the collector can log and record it."""

    frame: pd.DataFrame
    dropped_all_nan_rows: int = 0
    warnings: tuple[str, ...] = field(default=())


def is_network_error(exc: BaseException) -> bool:
    """Whether the reader failed on the way (worth a retry) rather than on the symbol."""
    if isinstance(exc, TimeoutError | ConnectionError | OSError):
        return True
    try:
        import requests
    except ImportError:  # pragma: no cover - FinanceDataReader depends on requests
        return False
    if isinstance(exc, requests.HTTPError):
        status = getattr(exc.response, "status_code", None)
        return status is None or status >= 500 or status == 429
    return isinstance(exc, requests.RequestException)


def network_cause(exc: BaseException) -> BaseException | None:
    """The network error behind ``exc``, if any: FinanceDataReader sometimes hides one behind
    its own error (an ``UnboundLocalError`` raised while handling a ``ConnectionError``)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _is_connection_failure(current):
            return current
        current = current.__cause__ or current.__context__
    return None


def _is_connection_failure(exc: BaseException) -> bool:
    if isinstance(exc, TimeoutError | ConnectionError):
        return True
    try:
        import requests
    except ImportError:  # pragma: no cover - FinanceDataReader depends on requests
        return False
    return isinstance(exc, requests.ConnectionError | requests.Timeout)


def _column(frame: pd.DataFrame, name: str) -> pd.Series | None:
    for column in frame.columns:
        if str(column).strip().lower() == name:
            return frame[column]
    return None


def normalize_reader_frame(raw: pd.DataFrame, symbol: str) -> PriceFetch:
    """A DataReader frame (dates in the index or a ``Date`` column) → canonical bars.

    Rows with every price missing (holidays some sources pad in) are dropped and counted; a
    source without a volume column (FX) gets zero volume; without open/high/low the close is used
    for all three and a warning says so.
    """
    if raw is None or raw.empty:
        raise ProviderError(f"no data for {symbol}", permanent=True, provider=PROVIDER)
    frame = raw
    dates_column = _column(frame, "date")
    if dates_column is not None:
        dates = pd.to_datetime(dates_column)
    else:
        dates = pd.to_datetime(pd.Series(frame.index, index=frame.index))
    if getattr(dates.dt, "tz", None) is not None:
        # Keep the local trading date of a tz-aware index, not its UTC date.
        dates = dates.dt.tz_localize(None)
    close = _column(frame, "close")
    if close is None:
        raise ProviderError(
            f"data for {symbol} has no Close column", permanent=True, provider=PROVIDER
        )
    warnings: list[str] = []
    values: dict[str, np.ndarray] = {"close": pd.to_numeric(close, errors="coerce").to_numpy(float)}
    for name in ("open", "high", "low"):
        column = _column(frame, name)
        values[name] = (
            values["close"]
            if column is None
            else pd.to_numeric(column, errors="coerce").to_numpy(float)
        )
        if column is None:
            warnings.append(f"{symbol}: no {name} column; filled from close")
    volume = _column(frame, "volume")
    values["volume"] = (
        np.zeros(len(frame))
        if volume is None
        else pd.to_numeric(volume, errors="coerce").to_numpy(float)
    )
    prices = np.column_stack([values[c] for c in ("open", "high", "low", "close")])
    all_nan = np.isnan(prices).all(axis=1)
    dropped = int(all_nan.sum())
    if dropped:
        warnings.append(f"{symbol}: dropped {dropped} all-NaN rows")
    keep = ~all_nan
    if not keep.any():
        raise ProviderError(f"no data for {symbol}", permanent=True, provider=PROVIDER)
    bars = price_frame(
        dates.to_numpy()[keep],
        values["open"][keep],
        values["high"][keep],
        values["low"][keep],
        values["close"][keep],
        values["volume"][keep],
    )
    bars.attrs["dropped_all_nan_rows"] = dropped
    return PriceFetch(frame=bars, dropped_all_nan_rows=dropped, warnings=tuple(warnings))


class FdrClient:
    """FinanceDataReader as a ``MarketDataProvider``: prices only, no fundamentals.

    ``reader`` and ``listing`` are the network edge; tests pass fakes. The reader has no timeout of
    its own, so whoever schedules it must bound the task (Celery ``time_limit``).
    """

    name = PROVIDER
    label = "FinanceDataReader"
    synthetic = False
    #: Weekly bars are daily ones aggregated: the collector rebuilds them from stored dailies.
    weekly_aggregated = True

    def __init__(self, *, reader: Reader | None = None, listing: Listing | None = None) -> None:
        self.reader: Reader = reader or default_reader
        self.listing: Listing = listing or default_listing
        self._names: dict[str, str] | None = None
        self._names_unreachable = ""

    def supports(self, asset: AssetRef, kind: DataKind) -> bool:
        return kind in (DataKind.DAILY, DataKind.WEEKLY)

    def fetch_daily(self, asset: AssetRef, start: dt.date, end: dt.date) -> PriceFetch:
        """Daily bars from ``start`` to ``end`` inclusive, with the count of rows dropped."""
        symbol = provider_symbol(asset)
        try:
            raw = self.reader(symbol, start.isoformat(), end.isoformat())
        except ProviderError:
            raise
        except Exception as exc:
            cause = network_cause(exc)
            if cause is not None:
                raise provider_unreachable(
                    self.name, f"reading {symbol}: {type(cause).__name__}"
                ) from exc
            raise ProviderError(
                f"reading {symbol} failed: {type(exc).__name__}: {exc}",
                permanent=not is_network_error(exc),
                provider=self.name,
            ) from exc
        fetch = normalize_reader_frame(raw, symbol)
        bars = fetch.frame
        in_range = (bars["date"] >= pd.Timestamp(start)) & (bars["date"] <= pd.Timestamp(end))
        if not in_range.all():
            bars = bars.loc[in_range].reset_index(drop=True)
            bars.attrs["dropped_all_nan_rows"] = fetch.dropped_all_nan_rows
        return PriceFetch(bars, fetch.dropped_all_nan_rows, fetch.warnings)

    def fetch_weekly(self, asset: AssetRef, start: dt.date, end: dt.date) -> PriceFetch:
        """Weekly bars aggregated from daily ones; the first week is read from its Monday."""
        monday = start - dt.timedelta(days=start.weekday())
        daily = self.fetch_daily(asset, monday, end)
        weekly = weekly_from_daily(daily.frame)
        weekly = weekly.loc[weekly["date"] >= pd.Timestamp(start)].reset_index(drop=True)
        weekly.attrs["dropped_all_nan_rows"] = daily.dropped_all_nan_rows
        return PriceFetch(weekly, daily.dropped_all_nan_rows, daily.warnings)

    def daily_prices(self, asset: AssetRef, start: dt.date, end: dt.date) -> pd.DataFrame:
        """The frame of :meth:`fetch_daily`; ``frame.attrs["dropped_all_nan_rows"]`` has the count."""
        return self.fetch_daily(asset, start, end).frame

    def weekly_prices(self, asset: AssetRef, start: dt.date, end: dt.date) -> pd.DataFrame:
        return self.fetch_weekly(asset, start, end).frame

    def company_overview(self, asset: AssetRef) -> CompanyOverview:
        raise ProviderError(
            "company overviews are not available", permanent=True, provider=self.name
        )

    def statements(self, asset: AssetRef, kind: StatementKind) -> list[StatementReport]:
        raise ProviderError(
            "financial statements are not available", permanent=True, provider=self.name
        )

    def search(self, keywords: str) -> list[SymbolMatch]:
        """KRX stocks whose code or name contains ``keywords``, plus the static assets."""
        needle = keywords.strip().lower()
        if not needle:
            return []
        matches = [
            SymbolMatch(symbol, name, category.value, "Korea" if cal == "XKRX" else "", currency)
            for symbol, (name, category, cal, currency, _) in STATIC_ASSETS.items()
            if needle in symbol.lower() or needle in name.lower()
        ]
        for code, name in self._krx_names().items():
            if needle in code or needle in name.lower():
                matches.append(SymbolMatch(code, name, Category.STOCK.value, "Korea", "KRW"))
        return matches[:50]

    def describe_asset(self, symbol: str) -> AssetInfo:
        canonical = normalize_symbol(symbol)
        known = STATIC_ASSETS.get(canonical)
        if known is not None:
            name, category, calendar, currency, remote = known
            return AssetInfo(canonical, name, category, calendar, currency, provider_symbol=remote)
        if KRX_CODE.match(canonical):
            name = self._krx_names().get(canonical, "")
            notes: tuple[str, ...] = ()
            if self._names_unreachable:
                notes = (
                    f"{self._names_unreachable}; the name of {canonical} was not looked up "
                    "(a stored one is kept): run this again when online",
                )
            return AssetInfo(
                canonical,
                name or canonical,
                Category.STOCK,
                "XKRX",
                "KRW",
                provider_symbol=canonical,
                name_local=name,
                notes=notes,
            )
        raise ProviderError(
            f"{canonical} is neither a KRX code nor a known index, currency pair or commodity",
            permanent=True,
            provider=self.name,
        )

    def _krx_names(self) -> dict[str, str]:
        """Code → Korean name from the KRX listing; names are a nicety, so a failure costs only them."""
        if self._names is None:
            try:
                listing = self.listing()
                self._names = dict(
                    zip(
                        listing["Code"].astype(str).str.zfill(6),
                        listing["Name"].astype(str),
                        strict=True,
                    )
                )
            except Exception as exc:  # the listing is a network call into a third-party parser
                cause = network_cause(exc)
                if cause is not None:
                    self._names_unreachable = str(
                        provider_unreachable(self.name, f"KRX listing: {type(cause).__name__}")
                    )
                    logger.warning("%s; assets get no Korean names", self._names_unreachable)
                else:
                    logger.warning("KRX listing unavailable, assets get no Korean names: %s", exc)
                self._names = {}
        return self._names

"""What every provider speaks: data transfer objects, the provider protocol and its one error type.

Pure: no Django. Prices travel as a pandas DataFrame with the columns of ``PRICE_COLUMNS`` (one row
per bar, oldest first); everything else as frozen dataclasses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, runtime_checkable

import numpy as np
import pandas as pd

PRICE_COLUMNS: tuple[str, ...] = ("date", "open", "high", "low", "close", "volume")


class Category(StrEnum):
    STOCK = "stock"
    ETF = "etf"
    INDEX = "index"
    CRYPTO = "crypto"
    COMMODITY = "commodity"
    FX = "fx"


class DataKind(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    OVERVIEW = "overview"
    STATEMENTS = "statements"
    #: Splits and dividends (corporate actions), for adjusted price series.
    ACTIONS = "actions"


class StatementKind(StrEnum):
    BALANCE_SHEET = "balance_sheet"
    INCOME_STATEMENT = "income_statement"
    CASH_FLOW = "cash_flow"


class PeriodType(StrEnum):
    ANNUAL = "annual"
    QUARTERLY = "quarterly"


class ProviderError(Exception):
    """Any failure of a provider call.

    ``permanent``: retrying the same call cannot help (bad symbol, premium-only endpoint).
    ``retry_after``: seconds the provider asked us to wait, when it said so.
    ``quota_exhausted``: the daily allowance is spent; stop calling until it resets.
    """

    def __init__(
        self,
        message: str,
        *,
        permanent: bool = False,
        retry_after: float | None = None,
        quota_exhausted: bool = False,
        provider: str = "",
        unreachable: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent
        self.retry_after = retry_after
        self.quota_exhausted = quota_exhausted
        self.provider = provider
        #: The provider could not be reached at all (no network, DNS, refused, timed out).
        self.unreachable = unreachable

    def __str__(self) -> str:
        if self.unreachable:
            return self.message  # already names the provider
        prefix = f"{self.provider}: " if self.provider else ""
        return f"{prefix}{self.message}"


UNREACHABLE = "offline or provider unreachable"


def provider_unreachable(provider: str, detail: str) -> ProviderError:
    """The one wording of a network failure: ``offline or provider unreachable: fdr (...)``."""
    return ProviderError(
        f"{UNREACHABLE}: {provider} ({detail})", provider=provider, unreachable=True
    )


@dataclass(frozen=True, slots=True)
class AssetRef:
    """The asset as a provider call needs it."""

    symbol: str
    exchange: str
    category: Category
    currency: str
    provider_symbol: str = ""

    @property
    def remote_symbol(self) -> str:
        return self.provider_symbol or self.symbol


@dataclass(frozen=True, slots=True)
class AssetInfo:
    """What a provider says an asset is (used to register it in the asset master)."""

    symbol: str
    name: str
    category: Category
    exchange: str
    currency: str
    provider_symbol: str = ""
    listing_date: dt.date | None = None
    name_local: str = ""
    #: What the provider could not find out this time (e.g. a lookup that was offline).
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    symbol: str
    price: float
    previous_close: float | None
    change: float | None
    change_percent: float | None
    volume: float | None
    latest_trading_day: dt.date | None


@dataclass(frozen=True, slots=True)
class SymbolMatch:
    symbol: str
    name: str
    asset_type: str
    region: str
    currency: str
    match_score: float | None = None


@dataclass(frozen=True, slots=True)
class CompanyOverview:
    """A company profile; ``fields`` uses the snake_case column names of the CompanyProfile model."""

    symbol: str
    fields: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StatementReport:
    """One reported period of one statement; ``values`` maps snake_case line items to numbers."""

    kind: StatementKind
    period_type: PeriodType
    fiscal_date_ending: dt.date
    reported_currency: str
    values: Mapping[str, int | None] = field(default_factory=dict)


class ActionKind(StrEnum):
    SPLIT = "split"
    DIVIDEND = "dividend"


@dataclass(frozen=True, slots=True)
class CorporateActionRecord:
    """A split or a cash dividend as a provider reports it.

    ``value`` is the split ratio (new shares per old share: 2.0 for a 2-for-1 split, 0.1 for a
    1-for-10 reverse split) or the cash amount per share in the asset's currency.
    """

    ex_date: dt.date
    kind: ActionKind
    value: float
    #: The same source's bars already reflect it (Yahoo's OHLC are split-adjusted): adjusting
    #: those bars again would apply it twice.
    in_prices: bool = False


def empty_price_frame() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="float64") for c in PRICE_COLUMNS})
    frame["date"] = pd.Series(dtype="datetime64[ns]")
    return frame


def price_frame(
    dates: object, open_: object, high: object, low: object, close: object, volume: object
) -> pd.DataFrame:
    """Build a canonical price frame (dates normalised to midnight, floats, oldest first)."""
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime(dates).normalize(),
            "open": np.asarray(open_, dtype="float64"),
            "high": np.asarray(high, dtype="float64"),
            "low": np.asarray(low, dtype="float64"),
            "close": np.asarray(close, dtype="float64"),
            "volume": np.asarray(volume, dtype="float64"),
        }
    )
    return frame.sort_values("date", kind="stable").reset_index(drop=True)


@runtime_checkable
class MarketDataProvider(Protocol):
    """A source of market data. Implementations raise only :class:`ProviderError`."""

    name: str
    #: Human-readable label shown next to its data ("Synthetic demo data" for the offline provider).
    label: str
    synthetic: bool

    def supports(self, asset: AssetRef, kind: DataKind) -> bool: ...

    def describe_asset(self, symbol: str) -> AssetInfo: ...

    def daily_prices(self, asset: AssetRef, start: dt.date, end: dt.date) -> pd.DataFrame: ...

    def weekly_prices(self, asset: AssetRef, start: dt.date, end: dt.date) -> pd.DataFrame: ...

    def company_overview(self, asset: AssetRef) -> CompanyOverview: ...

    def statements(self, asset: AssetRef, kind: StatementKind) -> list[StatementReport]: ...

    def search(self, keywords: str) -> list[SymbolMatch]: ...


@runtime_checkable
class CorporateActionSource(Protocol):
    """A provider that also reports splits and dividends (``supports(asset, DataKind.ACTIONS)``)."""

    def corporate_actions(self, asset: AssetRef) -> list[CorporateActionRecord]: ...

"""The one place providers are built: by name, from settings, sharing one global rate limiter."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from django.conf import settings

from stockvis.providers.alphavantage import AlphaVantageClient
from stockvis.providers.base import (
    AssetInfo,
    AssetRef,
    CompanyOverview,
    CorporateActionRecord,
    DataKind,
    MarketDataProvider,
    ProviderError,
    StatementKind,
    StatementReport,
    SymbolMatch,
    empty_price_frame,
    provider_unreachable,
)
from stockvis.providers.circuit import CircuitBreaker
from stockvis.providers.csvfile import CsvImportError, ParsedPrices, parse_price_csv
from stockvis.providers.deadline import call_with_deadline
from stockvis.providers.fdr import FdrClient
from stockvis.providers.fdr.client import (
    default_listing,
    default_reader,
    is_network_error,
    network_cause,
)
from stockvis.providers.ratelimit import ProviderLimits, RateLimiter
from stockvis.providers.retry import RetryPolicy
from stockvis.providers.synthetic import SyntheticProvider

PROVIDER_NAMES: tuple[str, ...] = ("synthetic", "alphavantage", "fdr", "csv")

_limiter: RateLimiter | None = None
_limiter_key: tuple[object, ...] | None = None
_lock = threading.Lock()


def provider_limits() -> dict[str, ProviderLimits]:
    """Each network provider's allowance, from settings (paid keys differ from free ones)."""
    return {
        "alphavantage": ProviderLimits(
            per_minute=settings.ALPHA_VANTAGE_CALLS_PER_MINUTE or None,
            per_day=settings.ALPHA_VANTAGE_CALLS_PER_DAY or None,
        ),
        "fdr": ProviderLimits(per_minute=settings.FDR_CALLS_PER_MINUTE or None),
    }


def rate_limiter() -> RateLimiter:
    """The limiter every provider client shares: Redis when REDIS_URL is set, else a state file
    under VAR_DIR that all local processes (web, worker, beat, commands) lock in turn."""
    global _limiter, _limiter_key
    key = (
        settings.REDIS_URL,
        str(settings.VAR_DIR),
        settings.RATE_LIMIT_TZ,
        settings.RATE_LIMIT_MAX_WAIT,
        tuple(sorted(provider_limits().items())),
    )
    with _lock:
        if _limiter is None or _limiter_key != key:
            _limiter = RateLimiter.from_settings(
                provider_limits(),
                redis_url=settings.REDIS_URL or None,
                state_dir=Path(settings.VAR_DIR) / "ratelimit",
                tz=settings.RATE_LIMIT_TZ,
                max_wait=settings.RATE_LIMIT_MAX_WAIT,
            )
            _limiter_key = key
        return _limiter


def circuit_breaker(provider: str) -> CircuitBreaker:
    """The provider's breaker; its state is in the cache every process shares."""
    from django.core.cache import cache

    return CircuitBreaker(
        provider,
        cache,
        threshold=settings.CIRCUIT_FAILURE_THRESHOLD,
        cooldown=settings.CIRCUIT_COOLDOWN,
    )


def circuit_states() -> dict[str, dict[str, object]]:
    """Each network provider's breaker, for the health check."""
    return {name: circuit_breaker(name).state().as_dict() for name in provider_limits()}


def retry_policy(provider: str | None = None) -> RetryPolicy:
    return RetryPolicy(
        max_retries=settings.PROVIDER_MAX_RETRIES,
        base_delay=settings.PROVIDER_RETRY_BASE_DELAY,
        max_delay=settings.RATE_LIMIT_MAX_WAIT,
        breaker=circuit_breaker(provider) if provider else None,
    )


def _limited_fdr_reader(limiter: RateLimiter, policy: RetryPolicy) -> Callable[..., pd.DataFrame]:
    """FinanceDataReader behind the shared limiter; network failures retried as transient."""

    def once(symbol: str, start: str, end: str) -> pd.DataFrame:
        limiter.acquire("fdr")
        try:
            return call_with_deadline(
                lambda: default_reader(symbol, start, end),
                settings.PROVIDER_TIMEOUT,
                provider="fdr",
                what=f"reading {symbol}",
            )
        except ProviderError:
            raise
        except Exception as exc:
            cause = network_cause(exc)
            if cause is not None:
                raise provider_unreachable(
                    "fdr", f"reading {symbol}: {type(cause).__name__}"
                ) from exc
            if is_network_error(exc):
                raise ProviderError(
                    f"reading {symbol} failed: {type(exc).__name__}: {exc}", provider="fdr"
                ) from exc
            raise

    def read(symbol: str, start: str, end: str) -> pd.DataFrame:
        return policy.call(lambda: once(symbol, start, end))

    return read


def _listing_with_deadline() -> pd.DataFrame:
    return call_with_deadline(
        default_listing, settings.PROVIDER_TIMEOUT, provider="fdr", what="KRX listing"
    )


class CsvDirectoryProvider:
    """Daily bars from ``<directory>/<SYMBOL>.csv`` files (any layout the CSV parser reads).

    For people who export prices from elsewhere and drop them in a folder; ``collect --provider
    csv`` then treats the files like any other source. Weekly bars are not offered: the selectors
    read weekly bars from a provider that has them, and a CSV folder has daily files only.
    """

    name = "csv"
    label = "CSV files"
    synthetic = False

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)

    def _path(self, symbol: str) -> Path:
        return self.directory / f"{symbol}.csv"

    def supports(self, asset: AssetRef, kind: DataKind) -> bool:
        return kind in (DataKind.DAILY, DataKind.ACTIONS) and self._path(asset.symbol).is_file()

    def describe_asset(self, symbol: str) -> AssetInfo:
        raise ProviderError(
            f"{symbol}: a CSV file does not say what the asset is; register it with "
            "`stockvis assets add SYMBOL --provider fdr|alphavantage` first",
            permanent=True,
            provider=self.name,
        )

    def _parsed(self, asset: AssetRef) -> ParsedPrices:
        path = self._path(asset.symbol)
        try:
            with path.open("rb") as stream:
                return parse_price_csv(stream)
        except FileNotFoundError:
            raise ProviderError(
                f"no file {path.name}", permanent=True, provider=self.name
            ) from None
        except CsvImportError as exc:
            raise ProviderError(f"{path.name}: {exc}", permanent=True, provider=self.name) from None

    def corporate_actions(self, asset: AssetRef) -> list[CorporateActionRecord]:
        """The ``Dividends`` and ``Stock Splits`` columns of a Yahoo-style file (else none)."""
        return list(self._parsed(asset).actions)

    def daily_prices(self, asset: AssetRef, start: dt.date, end: dt.date) -> pd.DataFrame:
        frame = self._parsed(asset).frame
        mask = (frame["date"] >= pd.Timestamp(start)) & (frame["date"] <= pd.Timestamp(end))
        return frame.loc[mask].reset_index(drop=True)

    def weekly_prices(self, asset: AssetRef, start: dt.date, end: dt.date) -> pd.DataFrame:
        return empty_price_frame()

    def company_overview(self, asset: AssetRef) -> CompanyOverview:
        raise ProviderError("no company overviews in CSV files", permanent=True, provider="csv")

    def statements(self, asset: AssetRef, kind: StatementKind) -> list[StatementReport]:
        raise ProviderError("no statements in CSV files", permanent=True, provider="csv")

    def search(self, keywords: str) -> list[SymbolMatch]:
        return []


def provider_build(name: str | None = None) -> MarketDataProvider:
    """The provider called ``name`` (default: DEFAULT_PROVIDER), configured from settings.

    Raises :class:`ProviderError` (permanent) for an unknown name or a missing API key, so a
    collect job records the reason instead of crashing.
    """
    name = (name or settings.DEFAULT_PROVIDER).strip().lower()
    if name == "synthetic":
        return SyntheticProvider()
    if name == "alphavantage":
        if not settings.ALPHA_VANTAGE_API_KEY:
            raise ProviderError(
                "ALPHA_VANTAGE_API_KEY is not set", permanent=True, provider="alphavantage"
            )
        return AlphaVantageClient(
            settings.ALPHA_VANTAGE_API_KEY,
            base_url=settings.ALPHA_VANTAGE_BASE_URL,
            timeout=settings.PROVIDER_TIMEOUT,
            outputsize=settings.ALPHA_VANTAGE_OUTPUTSIZE,
            rate_limiter=rate_limiter(),
            retry_policy=retry_policy("alphavantage"),
        )
    if name == "fdr":
        return FdrClient(
            reader=_limited_fdr_reader(rate_limiter(), retry_policy("fdr")),
            listing=_listing_with_deadline,
        )
    if name == "csv":
        return CsvDirectoryProvider(settings.CSV_IMPORT_DIR)
    raise ProviderError(
        f"unknown provider {name!r}; choose one of {', '.join(PROVIDER_NAMES)}",
        permanent=True,
        provider=name,
    )

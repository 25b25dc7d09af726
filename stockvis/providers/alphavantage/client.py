"""The Alpha Vantage HTTP client: the only code that calls www.alphavantage.co."""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
from collections.abc import Callable
from typing import Any

import httpx
import pandas as pd

from stockvis.providers.alphavantage import actions, processors
from stockvis.providers.base import (
    AssetInfo,
    AssetRef,
    Category,
    CompanyOverview,
    CorporateActionRecord,
    DataKind,
    ProviderError,
    Quote,
    StatementKind,
    StatementReport,
    SymbolMatch,
    provider_unreachable,
)
from stockvis.providers.ratelimit import RateLimiter
from stockvis.providers.retry import RetryPolicy

DEFAULT_BASE_URL = "https://www.alphavantage.co/query"
PROVIDER = processors.PROVIDER
#: A compact answer holds the latest 100 sessions: about 140 calendar days, less a margin for
#: holidays, so a window starting later than this is always inside it.
COMPACT_SPAN = dt.timedelta(days=135)

_STATEMENT_FUNCTIONS = {
    StatementKind.BALANCE_SHEET: "BALANCE_SHEET",
    StatementKind.INCOME_STATEMENT: "INCOME_STATEMENT",
    StatementKind.CASH_FLOW: "CASH_FLOW",
}


def parse_retry_after(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: either a number or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    with contextlib.suppress(ValueError):  # not a number of seconds: try an HTTP date
        return max(float(value), 0.0)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    reference = now or dt.datetime.now(dt.UTC)
    return max((when - reference).total_seconds(), 0.0)


class AlphaVantageClient:
    """US stocks and ETFs from Alpha Vantage, implementing ``MarketDataProvider``.

    Every request goes through the shared ``rate_limiter`` (when given) and the ``retry_policy``;
    failures surface as :class:`ProviderError` only, and the API key never appears in one.
    """

    name = PROVIDER
    label = "Alpha Vantage"
    synthetic = False

    def __init__(
        self,
        api_key: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float = 10.0,
        outputsize: str = "compact",
        http_client: httpx.Client | None = None,
        rate_limiter: RateLimiter | None = None,
        retry_policy: RetryPolicy | None = None,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        if outputsize not in {"compact", "full"}:
            raise ValueError(f"outputsize must be 'compact' or 'full', not {outputsize!r}")
        self.api_key = api_key
        self.base_url = base_url
        self.timeout = timeout
        self.outputsize = outputsize
        self.http = http_client or httpx.Client(timeout=timeout)
        self.rate_limiter = rate_limiter
        self.retry_policy = retry_policy or RetryPolicy()
        self.today = today or dt.date.today
        self._series: dict[tuple[str, str, str], dict[str, Any]] = {}

    # -- the network edge -------------------------------------------------------------------

    def request(self, function: str, **params: str) -> dict[str, Any]:
        """Call ``function`` with retries; return the JSON body once it is known to carry data."""
        return self.retry_policy.call(lambda: self._request_once(function, params))

    def _request_once(self, function: str, params: dict[str, str]) -> dict[str, Any]:
        if self.rate_limiter is not None:
            self.rate_limiter.acquire(self.name)
        query = {"function": function, **params, "datatype": "json", "apikey": self.api_key}
        try:
            response = self.http.get(self.base_url, params=query, timeout=self.timeout)
        except httpx.TimeoutException as exc:
            raise provider_unreachable(
                self.name, f"{function}: timed out after {self.timeout:g} s, {type(exc).__name__}"
            ) from None
        except httpx.TransportError as exc:
            raise provider_unreachable(self.name, f"{function}: {type(exc).__name__}") from None
        self._raise_for_status(function, response)
        try:
            payload = processors.decode_json(response.content)
            error = processors.classify_payload(payload)
        except ProviderError as exc:
            exc.message = f"{function}: {exc.message}"
            raise
        if error is not None:
            error.message = f"{function}: {error.message}"
            if error.quota_exhausted and self.rate_limiter is not None:
                # Tell every other process too, so none of them spends a call to learn it.
                self.rate_limiter.mark_exhausted(self.name)
            raise error
        return payload

    def _raise_for_status(self, function: str, response: httpx.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        if status == 429:
            raise ProviderError(
                f"{function}: HTTP 429 too many requests",
                retry_after=parse_retry_after(response.headers.get("Retry-After")),
                provider=self.name,
            )
        if status >= 500 or status == 408:
            raise ProviderError(
                f"{function}: HTTP {status}",
                retry_after=parse_retry_after(response.headers.get("Retry-After")),
                provider=self.name,
            )
        raise ProviderError(f"{function}: HTTP {status}", permanent=True, provider=self.name)

    def close(self) -> None:
        self.http.close()

    # -- MarketDataProvider -----------------------------------------------------------------

    def supports(self, asset: AssetRef, kind: DataKind) -> bool:
        if asset.exchange != processors.US_CALENDAR:
            return False
        if kind in (DataKind.DAILY, DataKind.WEEKLY, DataKind.ACTIONS):
            return asset.category in (Category.STOCK, Category.ETF)
        return asset.category == Category.STOCK

    def describe_asset(self, symbol: str) -> AssetInfo:
        """From OVERVIEW; ETFs and fresh listings have an empty overview, so SYMBOL_SEARCH next."""
        payload = self.request("OVERVIEW", symbol=symbol)
        if payload.get("Symbol"):
            return processors.asset_info_from_overview(processors.parse_overview(payload, symbol))
        for match in self.search(symbol):
            if match.symbol.upper() == symbol.upper():
                return processors.asset_info_from_match(match)
        raise ProviderError(f"unknown symbol {symbol}", permanent=True, provider=self.name)

    def daily_prices(self, asset: AssetRef, start: dt.date, end: dt.date) -> pd.DataFrame:
        """Daily bars of ``start``..``end``. A window within the last 100 sessions costs one
        compact call whatever the key; an older one asks for ``full`` only when the client is
        configured for it (a premium key). One job asking for several windows of the same symbol
        (a backfill's chunks) spends one call: the answer is kept for the client's lifetime."""
        symbol = asset.remote_symbol
        size = "compact" if start >= self.today() - COMPACT_SPAN else self.outputsize
        payload = self._time_series("TIME_SERIES_DAILY", symbol, size)
        frame = processors.parse_time_series(payload, symbol)
        return processors.filter_dates(frame, start, end)

    def _time_series(self, function: str, symbol: str, size: str) -> dict[str, Any]:
        for held in ("full", size):  # a full answer holds every compact one
            payload = self._series.get((function, symbol, held))
            if payload is not None:
                return payload
        payload = self.request(function, symbol=symbol, outputsize=size)
        self._series[(function, symbol, size)] = payload
        return payload

    def weekly_prices(self, asset: AssetRef, start: dt.date, end: dt.date) -> pd.DataFrame:
        symbol = asset.remote_symbol
        payload = self.request("TIME_SERIES_WEEKLY", symbol=symbol)
        frame = processors.parse_time_series(payload, symbol)
        return processors.filter_dates(frame, start, end)

    def quote(self, asset: AssetRef) -> Quote:
        symbol = asset.remote_symbol
        return processors.parse_global_quote(self.request("GLOBAL_QUOTE", symbol=symbol), symbol)

    def raw_overview(self, symbol: str) -> CompanyOverview:
        return processors.parse_overview(self.request("OVERVIEW", symbol=symbol), symbol)

    def company_overview(self, asset: AssetRef) -> CompanyOverview:
        return self.raw_overview(asset.remote_symbol)

    def statements(self, asset: AssetRef, kind: StatementKind) -> list[StatementReport]:
        symbol = asset.remote_symbol
        payload = self.request(_STATEMENT_FUNCTIONS[kind], symbol=symbol)
        return processors.parse_statements(payload, kind, symbol)

    def corporate_actions(self, asset: AssetRef) -> list[CorporateActionRecord]:
        """Splits and dividends: TIME_SERIES_DAILY and _WEEKLY are unadjusted, these adjust them."""
        symbol = asset.remote_symbol
        splits = actions.parse_splits(self.request("SPLITS", symbol=symbol))
        dividends = actions.parse_dividends(self.request("DIVIDENDS", symbol=symbol))
        return sorted([*splits, *dividends], key=lambda r: (r.ex_date, r.kind))

    def search(self, keywords: str) -> list[SymbolMatch]:
        return processors.parse_symbol_search(self.request("SYMBOL_SEARCH", keywords=keywords))

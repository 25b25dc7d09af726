"""Alpha Vantage JSON bodies turned into canonical DTOs, and its HTTP-200 errors classified."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import pandas as pd

from stockvis.providers.base import (
    AssetInfo,
    Category,
    CompanyOverview,
    PeriodType,
    ProviderError,
    Quote,
    StatementKind,
    StatementReport,
    SymbolMatch,
    empty_price_frame,
    price_frame,
)
from stockvis.providers.fields import KEY_ALIASES, OVERVIEW_FIELDS, STATEMENT_FIELDS

PROVIDER = "alphavantage"

#: Spellings Alpha Vantage uses for "no value"; they become None, never zero.
MISSING = frozenset({"", "none", "-", "null", "n/a", "nan"})

#: Keys whose presence means the body carries data, whatever note rides along with it.
_DATA_KEYS = ("Meta Data", "Global Quote", "annualReports", "quarterlyReports", "bestMatches")

#: Exchanges we collect through Alpha Vantage; all trade on the NYSE calendar.
US_EXCHANGES = frozenset(
    {"NYSE", "NASDAQ", "NYSE ARCA", "NYSE MKT", "NYSE AMERICAN", "AMEX", "BATS"}
)
US_CALENDAR = "XNYS"


def decode_json(content: bytes | str) -> dict[str, Any]:
    """Parse a response body; anything but a JSON object is a transient provider error.

    An HTML page with status 200 (a proxy or maintenance page) and a body cut short in transit
    both deserve another try later, so neither is permanent.
    """
    text = content.decode("utf-8-sig", errors="replace") if isinstance(content, bytes) else content
    text = text.lstrip("\ufeff").strip()
    if text.startswith("<"):
        raise ProviderError("expected JSON but got an HTML page", provider=PROVIDER)
    if not text:
        raise ProviderError("empty response body", provider=PROVIDER)
    try:
        payload = json.loads(text)
    except ValueError as exc:
        raise ProviderError(
            f"malformed JSON (truncated response?): {exc.msg} at char {exc.pos}"
            if isinstance(exc, json.JSONDecodeError)
            else "malformed JSON",
            provider=PROVIDER,
        ) from exc
    if not isinstance(payload, dict):
        raise ProviderError(
            f"expected a JSON object, got {type(payload).__name__}", provider=PROVIDER
        )
    return payload


def classify_payload(payload: Mapping[str, Any]) -> ProviderError | None:
    """The error an HTTP-200 body stands for, or None when it carries data.

    Alpha Vantage answers every failure with status 200 and one of ``Error Message``, ``Note`` or
    ``Information``. The wording decides what the caller must do: retry shortly (per-minute
    throttle), stop until tomorrow (daily quota), or give up (bad call, premium-only, bad key).
    """
    if any(key in payload for key in _DATA_KEYS) or any(
        str(key).endswith("Time Series") or str(key).startswith("Time Series") for key in payload
    ):
        return None
    if "Error Message" in payload:
        message = str(payload["Error Message"])
        if _mentions_api_key(message.lower()):
            return ProviderError(
                f"invalid or missing API key: {message}", permanent=True, provider=PROVIDER
            )
        return ProviderError(f"bad request: {message}", permanent=True, provider=PROVIDER)
    for key in ("Note", "Information"):
        if key in payload:
            return _classify_notice(str(payload[key]))
    return None


def _mentions_api_key(text: str) -> bool:
    return ("apikey" in text or "api key" in text) and (
        "invalid" in text or "missing" in text or "demo" in text
    )


def _classify_notice(message: str) -> ProviderError:
    text = message.lower()
    # Checked first: the per-minute note also names a daily figure ("5 calls per minute and
    # 500 calls per day") but only the minute is what ran out.
    if "per minute" in text or "call frequency" in text or "per second" in text:
        return ProviderError(f"throttled: {message}", provider=PROVIDER)
    # Before the daily check: a premium gate names its endpoint, e.g. "TIME_SERIES_DAILY".
    if "premium feature" in text or "premium endpoint" in text or "premium-only" in text:
        return ProviderError(f"premium only: {message}", permanent=True, provider=PROVIDER)
    if "per day" in text or "daily rate limit" in text or "daily limit" in text:
        return ProviderError(
            f"daily quota spent: {message}", quota_exhausted=True, provider=PROVIDER
        )
    if _mentions_api_key(text):
        return ProviderError(
            f"invalid or missing API key: {message}", permanent=True, provider=PROVIDER
        )
    # Anything else ("higher API call volume", "spreading out your requests", a message we have
    # not seen) is treated as throttling: a few bounded retries cost little, giving up on a
    # symbol for good because of a wording change would cost a lot.
    return ProviderError(f"throttled: {message}", provider=PROVIDER)


def _series_key(payload: Mapping[str, Any]) -> str | None:
    for key in payload:
        if "Time Series" in str(key):
            return str(key)
    return None


def _payload_symbol(payload: Mapping[str, Any], fallback: str = "") -> str:
    meta = payload.get("Meta Data")
    if isinstance(meta, Mapping):
        for key, value in meta.items():
            if str(key).endswith("Symbol"):
                return str(value)
    return fallback


def parse_time_series(payload: Mapping[str, Any], symbol: str = "") -> pd.DataFrame:
    """Daily or weekly ``Time Series`` body → canonical price frame, oldest first.

    An empty series means the symbol has no data at this provider, which retrying cannot change.
    """
    symbol = _payload_symbol(payload, symbol) or symbol
    key = _series_key(payload)
    series = payload.get(key) if key else None
    if not isinstance(series, Mapping) or not series:
        raise ProviderError(f"no data for {symbol or 'symbol'}", permanent=True, provider=PROVIDER)
    table = pd.DataFrame.from_dict(series, orient="index")
    # "1. open", "5. adjusted close", "6. volume": keep the word after the number.
    table.columns = [re.sub(r"^\d+[a-z]?\.\s*", "", str(c)).strip().lower() for c in table.columns]
    missing = [c for c in ("open", "high", "low", "close", "volume") if c not in table.columns]
    if missing:
        raise ProviderError(
            f"time series for {symbol or 'symbol'} lacks {', '.join(missing)}",
            permanent=True,
            provider=PROVIDER,
        )
    numbers = {
        c: pd.to_numeric(_nulls(table[c]), errors="coerce")
        for c in ("open", "high", "low", "close", "volume")
    }
    return price_frame(
        pd.to_datetime(table.index.astype(str).str.slice(0, 10), format="%Y-%m-%d"),
        numbers["open"],
        numbers["high"],
        numbers["low"],
        numbers["close"],
        numbers["volume"],
    )


def _nulls(column: pd.Series) -> pd.Series:
    text = column.astype(str).str.strip()
    return text.where(~text.str.lower().isin(MISSING))


def filter_dates(frame: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    if frame.empty:
        return empty_price_frame()
    mask = (frame["date"] >= pd.Timestamp(start)) & (frame["date"] <= pd.Timestamp(end))
    return frame.loc[mask].reset_index(drop=True)


def to_decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    text = str(value).strip().rstrip("%").replace(",", "")
    if text.lower() in MISSING:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def to_int(value: object) -> int | None:
    number = to_decimal(value)
    return None if number is None else int(number.to_integral_value())


def to_float(value: object) -> float | None:
    number = to_decimal(value)
    return None if number is None else float(number)


def to_date(value: object) -> dt.date | None:
    if value is None:
        return None
    text = str(value).strip()[:10]
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        # "0000-00-00" and "None" both mean unknown.
        return None


def to_text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return None if text.lower() in MISSING else text


_CONVERTERS = {"str": to_text, "int": to_int, "decimal": to_decimal, "date": to_date}


def parse_global_quote(payload: Mapping[str, Any], symbol: str = "") -> Quote:
    raw = payload.get("Global Quote")
    if not isinstance(raw, Mapping) or not raw:
        raise ProviderError(f"no data for {symbol or 'symbol'}", permanent=True, provider=PROVIDER)
    quote = {re.sub(r"^\d+\.\s*", "", str(k)).strip().lower(): v for k, v in raw.items()}
    price = to_float(quote.get("price"))
    if price is None:
        raise ProviderError(
            f"quote for {symbol or 'symbol'} has no price", permanent=True, provider=PROVIDER
        )
    return Quote(
        symbol=to_text(quote.get("symbol")) or symbol,
        price=price,
        previous_close=to_float(quote.get("previous close")),
        change=to_float(quote.get("change")),
        change_percent=to_float(quote.get("change percent")),
        volume=to_float(quote.get("volume")),
        latest_trading_day=to_date(quote.get("latest trading day")),
    )


def parse_overview(payload: Mapping[str, Any], symbol: str = "") -> CompanyOverview:
    """OVERVIEW body → typed snake_case fields; an empty body ``{}`` is an unknown symbol."""
    if not payload or not payload.get("Symbol"):
        raise ProviderError(f"no data for {symbol or 'symbol'}", permanent=True, provider=PROVIDER)
    fields = {column: _CONVERTERS[kind](payload.get(key)) for key, column, kind in OVERVIEW_FIELDS}
    return CompanyOverview(symbol=str(payload["Symbol"]).strip(), fields=fields)


def parse_statements(
    payload: Mapping[str, Any], kind: StatementKind, symbol: str = ""
) -> list[StatementReport]:
    """A statement body → one report per annual and quarterly period, newest first as sent."""
    periods = ((PeriodType.ANNUAL, "annualReports"), (PeriodType.QUARTERLY, "quarterlyReports"))
    if not any(payload.get(key) for _, key in periods):
        raise ProviderError(
            f"no data for {symbol or payload.get('symbol') or 'symbol'}",
            permanent=True,
            provider=PROVIDER,
        )
    field_map = STATEMENT_FIELDS[kind.value]
    reports: list[StatementReport] = []
    for period_type, key in periods:
        for raw in payload.get(key) or []:
            report = {KEY_ALIASES.get(k, k): v for k, v in raw.items()}
            fiscal = to_date(report.get("fiscalDateEnding"))
            if fiscal is None:
                continue  # a period without its date cannot be stored under its natural key
            reports.append(
                StatementReport(
                    kind=kind,
                    period_type=period_type,
                    fiscal_date_ending=fiscal,
                    reported_currency=to_text(report.get("reportedCurrency")) or "",
                    values={column: to_int(report.get(src)) for src, column in field_map},
                )
            )
    return reports


def parse_symbol_search(payload: Mapping[str, Any]) -> list[SymbolMatch]:
    matches: list[SymbolMatch] = []
    for raw in payload.get("bestMatches") or []:
        item = {re.sub(r"^\d+\.\s*", "", str(k)).strip(): v for k, v in raw.items()}
        matches.append(
            SymbolMatch(
                symbol=str(item.get("symbol", "")).strip(),
                name=str(item.get("name", "")).strip(),
                asset_type=str(item.get("type", "")).strip(),
                region=str(item.get("region", "")).strip(),
                currency=str(item.get("currency", "")).strip(),
                match_score=to_float(item.get("matchScore")),
            )
        )
    return matches


def category_of(asset_type: str) -> Category:
    """Alpha Vantage's ``AssetType`` (OVERVIEW) or ``type`` (SYMBOL_SEARCH) → our category."""
    text = asset_type.strip().lower()
    if "etf" in text or "exchange traded" in text:
        return Category.ETF
    if "stock" in text or "equity" in text:
        return Category.STOCK
    raise ProviderError(f"unsupported asset type {asset_type!r}", permanent=True, provider=PROVIDER)


def asset_info_from_overview(overview: CompanyOverview) -> AssetInfo:
    fields = overview.fields
    exchange = str(fields.get("exchange") or "").upper()
    if exchange not in US_EXCHANGES:
        raise ProviderError(
            f"{overview.symbol} trades on {exchange or 'an unknown exchange'}, not a US exchange",
            permanent=True,
            provider=PROVIDER,
        )
    return AssetInfo(
        symbol=overview.symbol.upper(),
        name=str(fields.get("name") or overview.symbol),
        category=category_of(str(fields.get("asset_type") or "")),
        exchange=US_CALENDAR,
        currency=str(fields.get("currency") or "USD").upper(),
        provider_symbol=overview.symbol,
    )


def asset_info_from_match(match: SymbolMatch) -> AssetInfo:
    if match.region.strip().lower() != "united states":
        raise ProviderError(
            f"{match.symbol} is listed in {match.region}, not in the United States",
            permanent=True,
            provider=PROVIDER,
        )
    return AssetInfo(
        symbol=match.symbol.upper(),
        name=match.name or match.symbol,
        category=category_of(match.asset_type),
        exchange=US_CALENDAR,
        currency=(match.currency or "USD").upper(),
        provider_symbol=match.symbol,
    )

"""Reads of market data. Bulk bars leave the database as columns, never as model instances."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
from django.db import connections, models
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import Window
from django.db.models.functions import Cast, RowNumber

from stockvis.core import numbers
from stockvis.core.symbols import InvalidSymbol, normalize_symbol
from stockvis.market.models import (
    STATEMENT_MODELS,
    SYNTHETIC_SOURCE,
    Asset,
    BalanceSheet,
    CashFlowStatement,
    Category,
    CompanyProfile,
    DailyPrice,
    IncomeStatement,
    PriceBarBase,
    StatementBase,
    WeeklyPrice,
)
from stockvis.market.params import ChartWindow

BAR_MODELS: dict[str, type[PriceBarBase]] = {"daily": DailyPrice, "weekly": WeeklyPrice}


@dataclass(frozen=True)
class BarColumns:
    """An asset's bars from one source, oldest first, as parallel columns."""

    source: str
    dates: list[dt.date]
    open: np.ndarray
    high: np.ndarray
    low: np.ndarray
    close: np.ndarray
    volume: np.ndarray

    def __len__(self) -> int:
        return len(self.dates)


def bar_source(asset: Asset, bar_type: str = "daily") -> str | None:
    """The source to read: the asset's preferred one if it has bars, else the one with the newest bar."""
    model = BAR_MODELS[bar_type]
    sources = dict(
        model._default_manager.filter(asset=asset).values_list("source").annotate(last=Max("date"))
    )
    if not sources:
        return None
    if asset.preferred_source in sources:
        return asset.preferred_source
    return max(sources, key=lambda s: sources[s])


def bars_between(
    asset: Asset,
    *,
    bar_type: str = "daily",
    start: dt.date | None = None,
    end: dt.date | None = None,
    source: str | None = None,
) -> BarColumns:
    source = source or bar_source(asset, bar_type) or asset.preferred_source
    rows = BAR_MODELS[bar_type]._default_manager.filter(asset=asset, source=source)
    if start is not None:
        rows = rows.filter(date__gte=start)
    if end is not None:
        rows = rows.filter(date__lte=end)
    data = list(rows.order_by("date").values_list("date", "open", "high", "low", "close", "volume"))
    if not data:
        empty = np.empty(0)
        return BarColumns(source, [], empty, empty, empty, empty, empty)
    dates, opens, highs, lows, closes, volumes = zip(*data, strict=True)
    as_array = np.asarray
    return BarColumns(
        source,
        list(dates),
        as_array(opens, dtype="float64"),
        as_array(highs, dtype="float64"),
        as_array(lows, dtype="float64"),
        as_array(closes, dtype="float64"),
        as_array(volumes, dtype="float64"),
    )


def bars_for_window(asset: Asset, window: ChartWindow) -> BarColumns:
    """The bars a chart window shows, counted back from the asset's latest stored bar."""
    source = bar_source(asset, window.bar_type)
    if source is None:
        return bars_between(asset, bar_type=window.bar_type, source=asset.preferred_source)
    latest = (
        BAR_MODELS[window.bar_type]
        ._default_manager.filter(asset=asset, source=source)
        .aggregate(Max("date"))["date__max"]
    )
    start = window.start_for(latest) if latest else None
    return bars_between(asset, bar_type=window.bar_type, start=start, source=source)


@dataclass(frozen=True)
class ChartRows:
    """A chart window's bars as row tuples ``(ISO date, open, high, low, close, volume)``, oldest
    first: the shape the chart endpoint encodes, with no per-value conversion in Python."""

    source: str
    rows: list[tuple[str, float, float, float, float, float]]


def chart_rows(asset: Asset, window: ChartWindow) -> ChartRows:
    """The bars of ``window`` from the source ``bars_for_window`` would pick.

    The hot path of the API, so it avoids what costs without helping: dates leave the database as
    text ("YYYY-MM-DD" on SQLite and PostgreSQL alike) instead of being parsed into ``date``
    objects only for the encoder to print them again; the usual case (bars in the asset's
    preferred source) finds its newest bar with one index seek instead of a per-source
    aggregate; and the rows are fetched with the queryset's own SQL on a plain cursor, skipping
    Django's per-row iterator, which cost as much as the fetch itself.
    """
    model = BAR_MODELS[window.bar_type]
    bars = model._default_manager.filter(asset=asset)
    source = asset.preferred_source
    latest = bars.filter(source=source).order_by("-date").values_list("date", flat=True).first()
    if latest is None:
        last_by_source: dict[str, dt.date] = dict(
            bars.values_list("source").annotate(last=Max("date")).order_by()
        )
        if not last_by_source:
            return ChartRows(source, [])
        source = max(last_by_source, key=lambda s: last_by_source[s])
        latest = last_by_source[source]
    rows = bars.filter(source=source)
    start = window.start_for(latest)
    if start is not None:
        rows = rows.filter(date__gte=start)
    as_text = Cast("date", output_field=CharField())
    query = rows.order_by("date").values_list(as_text, "open", "high", "low", "close", "volume")
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        return ChartRows(source, cursor.fetchall())


# --- Single-asset lookups and small reads used by the market API ---------------------------


def asset_by_symbol(symbol: str) -> Asset | None:
    """The asset for an already canonical symbol, or None."""
    return Asset.objects.filter(symbol=symbol).first()


@dataclass(frozen=True)
class LatestQuote:
    """An asset's last stored close and its change against the close before it.

    ``previous_close``, ``change`` and ``change_percent`` are None when only one bar is stored.
    """

    asset_id: int
    source: str
    date: dt.date
    close: float
    previous_close: float | None
    change: float | None
    change_percent: float | None

    @property
    def synthetic(self) -> bool:
        return self.source == SYNTHETIC_SOURCE


def latest_quotes(assets: Iterable[Asset]) -> dict[int, LatestQuote]:
    """Latest daily close and change per asset in one query (the portfolio and overview views).

    Each asset is read from the same source its chart shows: the preferred source when it has
    bars, else the source with the newest bar. Assets without bars are absent from the result.
    """
    by_id = {asset.pk: asset for asset in assets}
    if not by_id:
        return {}
    # The two newest bars of every (asset, source): a window function keeps it to one query and
    # to 2 x assets x sources rows, whatever the length of the history.
    newest_first = Window(
        RowNumber(), partition_by=[F("asset_id"), F("source")], order_by=F("date").desc()
    )
    rows = (
        DailyPrice.objects.filter(asset_id__in=by_id)
        .annotate(rank=newest_first)
        .filter(rank__lte=2)
        .values_list("asset_id", "source", "rank", "date", "close")
    )
    bars: dict[tuple[int, str], dict[int, tuple[dt.date, float]]] = {}
    for asset_id, source, rank, day, close in rows:
        bars.setdefault((asset_id, source), {})[rank] = (day, close)
    quotes: dict[int, LatestQuote] = {}
    for asset_id, asset in by_id.items():
        sources = {source: b for (aid, source), b in bars.items() if aid == asset_id}
        if not sources:
            continue
        if asset.preferred_source in sources:
            source = asset.preferred_source
        else:
            source = max(sources, key=lambda s: sources[s][1][0])
        last_day, last_close = sources[source][1]
        previous = sources[source].get(2)
        previous_close = previous[1] if previous else None
        change = last_close - previous_close if previous_close is not None else None
        change_percent = (
            change / previous_close * 100 if change is not None and previous_close else None
        )
        quotes[asset_id] = LatestQuote(
            asset_id,
            source,
            last_day,
            last_close,
            previous_close,
            numbers.price(change),
            numbers.percent(change_percent),
        )
    return quotes


def company_profile(asset: Asset) -> CompanyProfile | None:
    return CompanyProfile.objects.filter(asset=asset).first()


def statements_for(asset: Asset, *, kind: str, period_type: str, limit: int) -> list[StatementBase]:
    """The newest ``limit`` reports of one statement kind (``STATEMENT_MODELS`` key), newest first."""
    model = STATEMENT_MODELS[kind]
    return list(
        model._default_manager.filter(asset=asset, period_type=period_type).order_by(
            "-fiscal_date_ending"
        )[:limit]
    )


class MatchRank(IntEnum):
    """How a search hit matched; lower ranks first."""

    EXACT_SYMBOL = 0
    SYMBOL_PREFIX = 1
    NAME = 2


@dataclass(frozen=True)
class AssetMatch:
    asset: Asset
    rank: MatchRank


def assets_matching(keywords: str, *, limit: int) -> list[AssetMatch]:
    """Assets whose symbol equals or starts with ``keywords``, or whose English or local name
    contains it; ranked exact symbol, symbol prefix, then name, each rank by symbol. One query."""
    text = keywords.strip()
    if not text:
        return []
    try:
        symbol: str | None = normalize_symbol(text)
    except InvalidSymbol:
        symbol = None  # "삼성" or "apple inc" cannot be a symbol; search names only
    name_hit = Q(name__icontains=text) | Q(name_local__icontains=text)
    condition = name_hit | Q(symbol__startswith=symbol) if symbol else name_hit
    rank = Case(
        When(symbol=symbol or "", then=Value(int(MatchRank.EXACT_SYMBOL))),
        When(symbol__startswith=symbol or "\x00", then=Value(int(MatchRank.SYMBOL_PREFIX))),
        default=Value(int(MatchRank.NAME)),
        output_field=IntegerField(),
    )
    rows = Asset.objects.filter(condition).annotate(rank=rank).order_by("rank", "symbol")[:limit]
    return [AssetMatch(asset, MatchRank(asset.rank)) for asset in rows]  # type: ignore[attr-defined]


@dataclass(frozen=True)
class DataStatus:
    """What has been collected for a symbol (the status endpoint the UI polls while collecting)."""

    symbol: str
    asset: Asset | None
    has_overview: bool
    daily_prices: int
    weekly_prices: int
    balance_sheets: int
    income_statements: int
    cash_flows: int

    @property
    def stock_exists(self) -> bool:
        return self.asset is not None

    @property
    def has_prices(self) -> bool:
        return self.daily_prices > 0

    @property
    def has_financial(self) -> bool:
        return self.balance_sheets + self.income_statements + self.cash_flows > 0

    @property
    def is_complete(self) -> bool:
        """Everything the asset's category can have: statements and a profile only for stocks."""
        if self.asset is None or not (self.has_prices and self.weekly_prices > 0):
            return False
        if self.asset.category != Category.STOCK:
            return True
        return self.has_overview and self.has_financial


def _count_of(model: type[models.Model]) -> Subquery:
    counted = (
        model._default_manager.filter(asset=OuterRef("pk"))
        .order_by()
        .values("asset")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(counted, output_field=IntegerField())


def symbol_data_status(symbol: str) -> DataStatus:
    """Counts of everything stored for a canonical symbol, in one query."""
    asset = (
        Asset.objects.filter(symbol=symbol)
        .annotate(
            n_daily=_count_of(DailyPrice),
            n_weekly=_count_of(WeeklyPrice),
            n_balance=_count_of(BalanceSheet),
            n_income=_count_of(IncomeStatement),
            n_cash=_count_of(CashFlowStatement),
            n_profile=_count_of(CompanyProfile),
        )
        .first()
    )
    if asset is None:
        return DataStatus(symbol, None, False, 0, 0, 0, 0, 0)
    counts = asset.__dict__  # the annotations; None when a subquery found no rows
    return DataStatus(
        symbol,
        asset,
        bool(counts["n_profile"]),
        counts["n_daily"] or 0,
        counts["n_weekly"] or 0,
        counts["n_balance"] or 0,
        counts["n_income"] or 0,
        counts["n_cash"] or 0,
    )

"""Reads of market data. Bulk bars leave the database as columns, never as model instances."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
from django.db import connections, models
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
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
from stockvis.market.splits import SplitBook

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


@functools.cache
def _serving_source_expression(model: type[PriceBarBase]) -> Case:
    """SQL for the source an asset's bars are served from (see ``serving_source``).

    Built once per bar model: ``annotate`` resolves a copy of it, never the expression itself.

    SQLite and PostgreSQL evaluate a CASE lazily, so an asset whose preferred source is real and
    has bars costs one index probe; the other branches run only for the rest.
    """
    bars = model._default_manager.filter(asset=OuterRef("pk"))
    preferred_is_real = ~Q(preferred_source=SYNTHETIC_SOURCE)
    preferred_has_bars = Exists(bars.filter(source=OuterRef("preferred_source")))
    newest_real = bars.exclude(source=SYNTHETIC_SOURCE).order_by("-date", "source")
    return Case(
        When(preferred_is_real & Q(preferred_has_bars), then=F("preferred_source")),
        When(Exists(newest_real), then=Subquery(newest_real.values("source")[:1])),
        When(Exists(bars.filter(source=SYNTHETIC_SOURCE)), then=Value(SYNTHETIC_SOURCE)),
        default=Value(None),
        output_field=CharField(),
    )


def serving_sources(assets: Iterable[Asset], bar_type: str = "daily") -> dict[int, str]:
    """The source each asset's bars are served from, by asset id, in one query.

    THE rule for every reader of bars (charts, indicators, screener snapshots, valuation,
    alerts, status, predictions): real data always wins over synthetic. The asset's preferred
    source when it is real and has bars; else the real source with the newest bar; else
    ``synthetic`` when only demo bars exist. Assets without any bars are absent.
    """
    ids = [asset.pk for asset in assets]
    if not ids:
        return {}
    rows = (
        Asset.objects.filter(pk__in=ids)
        .annotate(serving=_serving_source_expression(BAR_MODELS[bar_type]))
        .values_list("pk", "serving")
    )
    return {pk: source for pk, source in rows if source is not None}


def with_serving_source(assets: QuerySet[Asset], bar_type: str = "daily") -> QuerySet[Asset]:
    """``assets`` each with ``serving``, its serving source (``serving_sources``' rule; None
    without bars), read in the same query: a caller that loads assets anyway saves a round trip."""
    return assets.annotate(serving=_serving_source_expression(BAR_MODELS[bar_type]))


def serving_source(asset: Asset, bar_type: str = "daily") -> str | None:
    """The source ``asset``'s bars are served from (``serving_sources``' rule), None without bars.

    Call this (or read through ``bars_between``, which does) instead of choosing a source
    yourself, so no screen ever shows synthetic bars while real ones are stored.
    """
    return serving_sources([asset], bar_type).get(asset.pk)


def serving_bars_of(serving: dict[int, str]) -> Q:
    """A filter on bar rows keeping each asset's serving source (``serving_sources``' result)."""
    by_source: dict[str, list[int]] = {}
    for asset_id, source in serving.items():
        by_source.setdefault(source, []).append(asset_id)
    condition = Q(pk__in=[])
    for source, ids in sorted(by_source.items()):
        condition |= Q(source=source, asset_id__in=ids)
    return condition


def sources_with_bars(asset: Asset, bar_type: str = "daily") -> dict[str, int]:
    """How many bars each source holds for ``asset`` (a scan of its rows: not for hot paths)."""
    rows = (
        BAR_MODELS[bar_type]
        ._default_manager.filter(asset=asset)
        .values_list("source")
        .annotate(n=Count("pk"))
        .order_by("source")
    )
    return dict(rows)


def bars_between(
    asset: Asset,
    *,
    bar_type: str = "daily",
    start: dt.date | None = None,
    end: dt.date | None = None,
    source: str | None = None,
) -> BarColumns:
    """``asset``'s bars between two dates (inclusive), oldest first, from ``source`` or else
    from its serving source (``serving_source``)."""
    source = source or serving_source(asset, bar_type) or asset.preferred_source
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


@dataclass(frozen=True)
class ChartRows:
    """A chart window's bars as row tuples ``(ISO date, open, high, low, close, volume)``, oldest
    first: the shape the chart endpoint encodes, with no per-value conversion in Python."""

    source: str
    rows: list[tuple[str, float, float, float, float, float]]


def chart_rows(asset: Asset, window: ChartWindow, *, source: str | None = None) -> ChartRows:
    """The bars of ``window`` from ``source``, or else from the asset's serving source.

    The hot path of the API, so it avoids what costs without helping: dates leave the database as
    text ("YYYY-MM-DD" on SQLite and PostgreSQL alike) instead of being parsed into ``date``
    objects only for the encoder to print them again; the newest bar is one index seek; and the
    rows are fetched with the queryset's own SQL on a plain cursor, skipping Django's per-row
    iterator, which cost as much as the fetch itself.
    """
    model = BAR_MODELS[window.bar_type]
    chosen = source or asset.preferred_source
    bars = model._default_manager.filter(asset=asset, source=chosen)
    latest = bars.order_by("-date").values_list("date", flat=True).first()
    # A real preferred source with bars is what ``serving_source`` answers: no second query
    # in the usual case. Otherwise the rule decides (demo assets, real data beside demo data).
    if source is None and (latest is None or chosen == SYNTHETIC_SOURCE):
        serving = serving_source(asset, window.bar_type)
        if serving is None:
            return ChartRows(chosen, [])
        if serving != chosen:
            chosen = serving
            bars = model._default_manager.filter(asset=asset, source=chosen)
            latest = bars.order_by("-date").values_list("date", flat=True).first()
    if latest is None:
        return ChartRows(chosen, [])
    rows = bars
    start = window.start_for(latest)
    if start is not None:
        rows = rows.filter(date__gte=start)
    as_text = Cast("date", output_field=CharField())
    query = rows.order_by("date").values_list(as_text, "open", "high", "low", "close", "volume")
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        return ChartRows(chosen, cursor.fetchall())


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
    """Latest daily close and change per asset in two queries (the overview and watchlists).

    Each asset is read from the same source its chart shows (``serving_sources``). Assets
    without bars are absent from the result.
    """
    by_id = {asset.pk: asset for asset in assets}
    if not by_id:
        return {}
    serving = serving_sources(by_id.values())
    # The two newest bars of every (asset, source): a window function keeps it to one query and
    # to 2 x assets x sources rows, whatever the length of the history.
    newest_first = Window(
        RowNumber(), partition_by=[F("asset_id"), F("source")], order_by=F("date").desc()
    )
    rows = (
        DailyPrice.objects.filter(serving_bars_of(serving))
        .annotate(rank=newest_first)
        .filter(rank__lte=2)
        .values_list("asset_id", "source", "rank", "date", "close")
    )
    bars: dict[tuple[int, str], dict[int, tuple[dt.date, float]]] = {}
    for asset_id, source, rank, day, close in rows:
        bars.setdefault((asset_id, source), {})[rank] = (day, close)
    splits = SplitBook.for_assets(by_id.values())
    quotes: dict[int, LatestQuote] = {}
    for asset_id, source in serving.items():
        if (asset_id, source) not in bars:
            continue
        last_day, last_close = bars[asset_id, source][1]
        previous = bars[asset_id, source].get(2)
        # Per post-split share: a split day's change is the real move, not -50 %.
        previous_close = (
            previous[1] / splits.ratio(asset_id, previous[0], last_day) if previous else None
        )
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
    # Names only when the text cannot be a symbol (no sentinel value: PostgreSQL refuses a NUL).
    rank = (
        Case(
            When(symbol=symbol, then=Value(int(MatchRank.EXACT_SYMBOL))),
            When(symbol__startswith=symbol, then=Value(int(MatchRank.SYMBOL_PREFIX))),
            default=Value(int(MatchRank.NAME)),
            output_field=IntegerField(),
        )
        if symbol
        else Value(int(MatchRank.NAME), output_field=IntegerField())
    )
    rows = Asset.objects.filter(condition).annotate(rank=rank).order_by("rank", "symbol")[:limit]
    return [AssetMatch(asset, MatchRank(asset.rank)) for asset in rows]  # type: ignore[attr-defined]


@dataclass(frozen=True)
class DataStatus:
    """What has been collected for a symbol (the status endpoint the UI polls while collecting).

    Bar counts are those of the serving source (``serving_source``), the one every chart and
    figure reads; ``daily_by_source`` and ``weekly_by_source`` count every stored source.
    """

    symbol: str
    asset: Asset | None
    has_overview: bool
    source: str | None
    daily_by_source: dict[str, int]
    weekly_by_source: dict[str, int]
    balance_sheets: int
    income_statements: int
    cash_flows: int
    weekly_source: str | None = None

    @property
    def stock_exists(self) -> bool:
        return self.asset is not None

    @property
    def daily_prices(self) -> int:
        return self.daily_by_source.get(self.source or "", 0)

    @property
    def weekly_prices(self) -> int:
        return self.weekly_by_source.get(self.weekly_source or "", 0)

    @property
    def synthetic(self) -> bool:
        """The bars served are synthetic demo data (False when there are none)."""
        return self.source == SYNTHETIC_SOURCE

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
    """Counts of everything stored for a canonical symbol, in three queries."""
    asset = (
        Asset.objects.filter(symbol=symbol)
        .annotate(
            serving_daily=_serving_source_expression(DailyPrice),
            serving_weekly=_serving_source_expression(WeeklyPrice),
            n_balance=_count_of(BalanceSheet),
            n_income=_count_of(IncomeStatement),
            n_cash=_count_of(CashFlowStatement),
            n_profile=_count_of(CompanyProfile),
        )
        .first()
    )
    if asset is None:
        return DataStatus(symbol, None, False, None, {}, {}, 0, 0, 0)
    counts = asset.__dict__  # the annotations; None when a subquery found no rows
    return DataStatus(
        symbol,
        asset,
        bool(counts["n_profile"]),
        counts["serving_daily"],
        sources_with_bars(asset, "daily"),
        sources_with_bars(asset, "weekly"),
        counts["n_balance"] or 0,
        counts["n_income"] or 0,
        counts["n_cash"] or 0,
        weekly_source=counts["serving_weekly"],
    )

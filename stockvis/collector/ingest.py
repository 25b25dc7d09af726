"""Writes of ingested data: upserts of daily and weekly bars, quality flags, profiles, statements.

Each write is idempotent; bars pass the validators first; listeners hear of changed bars after
commit (``prices_changed``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import partial

import pandas as pd
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from stockvis.collector.actions import corporate_actions_upsert
from stockvis.collector.jobs import AssetResult
from stockvis.collector.models import DataQualityFlag, JobRun
from stockvis.collector.upsert import PRICE_FIELDS, BarColumns, UpsertCounts, bars_upsert
from stockvis.collector.validators import QualityFlag, check_ohlc, find_spikes, validate_prices
from stockvis.market.corporate_actions import known_splits
from stockvis.market.models import (
    STATEMENT_MODELS,
    Asset,
    CompanyProfile,
    DailyPrice,
    PriceBarBase,
    WeeklyPrice,
)
from stockvis.market.signals import prices_changed
from stockvis.providers.aggregate import weekly_from_daily
from stockvis.providers.base import (
    CompanyOverview,
    CorporateActionRecord,
    StatementReport,
    empty_price_frame,
    price_frame,
)


def prices_upsert(
    *,
    asset: Asset,
    frame: pd.DataFrame,
    source: str,
    model: type[PriceBarBase] = DailyPrice,
    now: dt.datetime | None = None,
) -> UpsertCounts:
    """Idempotent upsert keyed on (asset, date, source); see ``upsert`` for the ingested_at rule."""
    if frame.empty:
        return UpsertCounts()
    frame = frame.drop_duplicates(subset="date", keep="last")
    return bars_upsert(
        model=model,
        bars=BarColumns.from_frame(frame, asset.pk),
        source=source,
        now=now or timezone.now(),
    )


def _weekly_replace(*, asset: Asset, frame: pd.DataFrame, source: str) -> int:
    """Drop stored weekly bars that an incoming bar of the same week supersedes.

    An unfinished week is labelled with its latest session so far, so Wednesday's label and
    Friday's differ; without this both would stay.
    """
    if frame.empty:
        return 0
    incoming = {ts.date() for ts in frame["date"]}
    weeks = {d - dt.timedelta(days=d.weekday()) for d in incoming}
    stored = WeeklyPrice.objects.filter(
        asset=asset,
        source=source,
        date__gte=min(weeks),
        date__lte=max(weeks) + dt.timedelta(days=6),
    ).values_list("date", flat=True)
    stale = [d for d in stored if d not in incoming and d - dt.timedelta(days=d.weekday()) in weeks]
    if not stale:
        return 0
    deleted, _ = WeeklyPrice.objects.filter(asset=asset, source=source, date__in=stale).delete()
    return deleted


def flags_record(
    *, asset: Asset, flags: Sequence[QualityFlag], source: str, job: JobRun | None
) -> int:
    """Store quality flags; the same (asset, date, kind) again updates its detail, never dupes."""
    if not flags:
        return 0
    unique = {(f.date, f.kind): f for f in flags}
    DataQualityFlag.objects.bulk_create(
        [
            DataQualityFlag(
                asset=asset,
                date=f.date,
                kind=f.kind,
                detail=f.detail[:500],
                source=source,
                job_run=job,
            )
            for f in unique.values()
        ],
        update_conflicts=True,
        unique_fields=["asset", "date", "kind"],
        update_fields=["detail", "source", "job_run"],
    )
    return len(unique)


def _profile_values(overview: CompanyOverview, source: str) -> dict[str, object]:
    """The overview as column values: unknown keys dropped, a missing text is "" (text columns
    are not nullable), a missing number or date stays null."""
    columns = {f.name: f for f in CompanyProfile._meta.concrete_fields}
    values: dict[str, object] = {"source": source}
    for name, value in overview.fields.items():
        column = columns.get(name)
        if column is None or name in {"id", "asset", "ingested_at"}:
            continue
        if value is None and isinstance(column, models.CharField | models.TextField):
            value = ""
        values[name] = value
    return values


def profile_upsert(*, asset: Asset, overview: CompanyOverview, source: str) -> UpsertCounts:
    values = _profile_values(overview, source)
    current = CompanyProfile.objects.filter(asset=asset).first()
    if current is None:
        CompanyProfile.objects.create(asset=asset, ingested_at=timezone.now(), **values)
        return UpsertCounts(inserted=1)
    changed = [name for name, value in values.items() if getattr(current, name) != value]
    if not changed:
        return UpsertCounts(unchanged=1)
    for name in changed:
        setattr(current, name, values[name])
    current.ingested_at = timezone.now()
    current.save(update_fields=[*changed, "ingested_at"])
    return UpsertCounts(updated=1)


def statements_upsert(
    *, asset: Asset, reports: Iterable[StatementReport], source: str
) -> UpsertCounts:
    """Upsert statement periods keyed on (asset, period_type, fiscal_date_ending)."""
    counts = UpsertCounts()
    now = timezone.now()
    by_kind: dict[str, list[StatementReport]] = {}
    for report in reports:
        by_kind.setdefault(report.kind.value, []).append(report)
    for kind, group in by_kind.items():
        model = STATEMENT_MODELS[kind]
        latest = {(r.period_type.value, r.fiscal_date_ending): r for r in group}
        names = sorted({name for r in latest.values() for name in r.values})
        compared = [*names, "fiscal_year", "fiscal_quarter", "reported_currency", "source"]
        stored = {
            (row["period_type"], row["fiscal_date_ending"]): row
            for row in model._default_manager.filter(asset=asset).values(
                "period_type", "fiscal_date_ending", *compared
            )
        }
        to_write = []
        for (period, ending), report in latest.items():
            row = {
                **{name: report.values.get(name) for name in names},
                "fiscal_year": ending.year,
                "fiscal_quarter": (ending.month - 1) // 3 + 1 if period == "quarterly" else None,
                "reported_currency": report.reported_currency[:3],
                "source": source,
            }
            old = stored.get((period, ending))
            if old is not None and all(old[k] == row[k] for k in compared):
                counts = counts + UpsertCounts(unchanged=1)
                continue
            counts = counts + (UpsertCounts(updated=1) if old else UpsertCounts(inserted=1))
            to_write.append(
                model(
                    asset=asset,
                    period_type=period,
                    fiscal_date_ending=ending,
                    ingested_at=now,
                    **row,
                )
            )
        model._default_manager.bulk_create(
            to_write,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["asset", "period_type", "fiscal_date_ending"],
            update_fields=[*compared, "ingested_at"],
        )
    return counts


def last_stored_date(
    *, asset: Asset, source: str, model: type[PriceBarBase] = DailyPrice
) -> dt.date | None:
    return (
        model._default_manager.filter(asset=asset, source=source)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )


def _announce(symbol: str, kind: str) -> None:
    """Tell listeners after commit (cache versions, indicator snapshots, alerts)."""
    transaction.on_commit(partial(prices_changed.send, sender=Asset, symbols=[symbol], kind=kind))


def daily_write(
    *, asset: Asset, frame: pd.DataFrame, source: str, job: JobRun | None, result: AssetResult
) -> None:
    report = validate_prices(
        frame,
        exchange=asset.exchange,
        spike_threshold=settings.PRICE_SPIKE_THRESHOLD,
        today=timezone.localdate(),
        splits=known_splits(asset, bars_source=source),
    )
    result.rejected += len(report.rejected)
    result.warnings.extend(f"daily {w}" for w in report.warnings)
    result.flags += flags_record(asset=asset, flags=report.flags, source=source, job=job)
    counts = prices_upsert(asset=asset, frame=report.clean, source=source)
    result.counts["daily"] = result.counts.get("daily", UpsertCounts()) + counts
    if counts.written:
        _announce(asset.symbol, "daily")


def weekly_write(*, asset: Asset, frame: pd.DataFrame, source: str, result: AssetResult) -> int:
    """Store weekly bars; returns how many stored bars of the same weeks they superseded."""
    clean, rejected = check_ohlc(frame, exchange=asset.exchange, today=timezone.localdate())
    result.rejected += len(rejected)
    result.warnings.extend(f"weekly {i.date}: rejected, {i.detail}" for i in rejected)
    replaced = _weekly_replace(asset=asset, frame=clean, source=source)
    counts = prices_upsert(asset=asset, frame=clean, source=source, model=WeeklyPrice)
    result.counts["weekly"] = result.counts.get("weekly", UpsertCounts()) + counts
    if counts.written or replaced:
        _announce(asset.symbol, "weekly")
    return replaced


def weekly_rebuild(
    *,
    asset: Asset,
    source: str,
    start: dt.date,
    end: dt.date,
    extra: pd.DataFrame | None = None,
    result: AssetResult,
) -> None:
    """Rebuild the weekly bars of every week that ``start``..``end`` touches from the daily bars
    stored for ``source``, for providers whose weekly bars are their daily ones aggregated.

    Aggregating only a fetched window would turn a window that ends on a Tuesday into a
    Monday-Tuesday bar that supersedes the stored whole week; the stored dailies of the whole
    week are the only complete input. ``extra`` daily bars of the same source (fetched, not
    stored) fill only days with no stored bar, so a first week read from its Monday stays whole.
    """
    first = start - dt.timedelta(days=start.weekday())
    last = end - dt.timedelta(days=end.weekday()) + dt.timedelta(days=6)
    rows = list(
        DailyPrice.objects.filter(
            asset=asset, source=source, date__gte=first, date__lte=last
        ).values_list("date", *PRICE_FIELDS)
    )
    stored = len(rows)
    daily = price_frame(*zip(*rows, strict=True)) if rows else empty_price_frame()
    if extra is not None and not extra.empty:
        clean, _ = check_ohlc(extra, exchange=asset.exchange, today=timezone.localdate())
        clean = clean.loc[~clean["date"].isin(daily["date"])]
        daily = pd.concat([daily, clean.loc[:, list(daily.columns)]], ignore_index=True)
    if daily.empty:
        return
    weekly = weekly_from_daily(daily)
    before = result.counts.get("weekly", UpsertCounts())
    replaced = weekly_write(asset=asset, frame=weekly, source=source, result=result)
    counts = result.counts["weekly"]
    result.notes.append(
        f"weekly: {len(weekly)} weeks {first}..{last} rebuilt from {stored} stored daily bars"
        f"{f' and {len(daily) - stored} fetched ones' if len(daily) > stored else ''} "
        f"({counts.inserted - before.inserted} inserted, "
        f"{counts.updated - before.updated} updated, {replaced} superseded bars removed)"
    )


def actions_write(
    *,
    asset: Asset,
    records: Sequence[CorporateActionRecord],
    source: str,
    result: AssetResult,
) -> None:
    """Store splits and dividends; changed ones make the asset's adjusted series stale."""
    counts = corporate_actions_upsert(asset=asset, records=records, source=source)
    result.counts["actions"] = result.counts.get("actions", UpsertCounts()) + counts
    if counts.written:
        _spike_flags_explained(asset=asset)
        _announce(asset.symbol, "daily")


def _spike_flags_explained(*, asset: Asset) -> int:
    """Drop spike flags that a split now known explains (the bars came before the split did)."""
    flags = DataQualityFlag.objects.filter(asset=asset, kind="spike")
    dropped = 0
    splits_by_source: dict[str, dict[dt.date, float]] = {}
    for flag in flags:
        source = flag.source or asset.preferred_source
        if source not in splits_by_source:
            splits_by_source[source] = known_splits(asset, bars_source=source)
        splits = splits_by_source[source]
        if flag.date not in splits:
            continue
        rows = list(
            DailyPrice.objects.filter(asset=asset, source=source, date__lte=flag.date)
            .order_by("-date")
            .values_list("date", "open", "high", "low", "close", "volume")[:2]
        )
        if len(rows) < 2 or rows[0][0] != flag.date:
            continue
        frame = pd.DataFrame(rows[::-1], columns=["date", "open", "high", "low", "close", "volume"])
        frame["date"] = pd.to_datetime(frame["date"])
        if not find_spikes(frame, settings.PRICE_SPIKE_THRESHOLD, splits):
            flag.delete()
            dropped += 1
    return dropped

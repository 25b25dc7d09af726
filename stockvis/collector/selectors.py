"""Reads of collection state: recent job runs, per-asset coverage, freshness and provenance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q

from stockvis.collector.models import DataQualityFlag, JobRun, JobStatus
from stockvis.core.calendars import (
    EVERY_DAY,
    UnknownExchange,
    exchange_zone,
    previous_session,
    sessions_between,
)
from stockvis.market.models import Asset, DailyPrice


def jobs_recent(*, limit: int = 10, job_name: str | None = None) -> list[JobRun]:
    rows = JobRun.objects.all()
    if job_name:
        rows = rows.filter(job_name=job_name)
    return list(rows.order_by("-started_at", "-pk")[:limit])


@dataclass(frozen=True)
class CollectionProblem:
    job_id: int
    job_name: str
    reason: str


def collection_problem_of(*, symbol: str) -> CollectionProblem | None:
    """Why the latest job that handled ``symbol`` failed for it (None: it did not fail)."""
    job = (
        JobRun.objects.filter(results__has_key=symbol)
        .exclude(status=JobStatus.RUNNING)
        .order_by("-started_at", "-pk")
        .first()
    )
    if job is None:
        return None
    result = job.results.get(symbol) if isinstance(job.results, dict) else None
    if not isinstance(result, dict) or not result.get("error"):
        return None
    return CollectionProblem(job.pk, job.job_name, str(result["error"]))


def expected_latest_date(*, exchange: str, now: dt.datetime) -> dt.date:
    """The newest bar a fresh asset has: the previous session before today in the exchange's own
    zone (the previous day for crypto), so today's unfinished session is never demanded."""
    today = now.astimezone(exchange_zone(exchange)).date()
    if exchange == EVERY_DAY:
        return today - dt.timedelta(days=1)
    return previous_session(exchange, today)


@dataclass(frozen=True)
class Freshness:
    symbol: str
    exchange: str
    latest: dt.date | None
    expected: dt.date | None
    status: str  # OK | STALE | UNKNOWN
    detail: str = ""

    @property
    def stale(self) -> bool:
        return self.status == "STALE"


def freshness_of_assets(*, now: dt.datetime, symbols: list[str] | None = None) -> list[Freshness]:
    """Per active asset: its newest daily bar (any source) against the expected date."""
    assets = Asset.objects.filter(is_active=True)
    if symbols:
        assets = assets.filter(symbol__in=symbols)
    latest = dict(
        DailyPrice.objects.filter(asset__in=assets)
        .values_list("asset_id")
        .annotate(last=Max("date"))
        .values_list("asset_id", "last")
    )
    report = []
    for asset in assets.order_by("symbol"):
        last = latest.get(asset.pk)
        try:
            expected = expected_latest_date(exchange=asset.exchange, now=now)
        except UnknownExchange as exc:
            report.append(Freshness(asset.symbol, asset.exchange, last, None, "UNKNOWN", str(exc)))
            continue
        if last is None:
            status, detail = "STALE", "no daily bars stored"
        elif last < expected:
            status, detail = "STALE", f"{(expected - last).days} days behind"
        else:
            status, detail = "OK", ""
        report.append(Freshness(asset.symbol, asset.exchange, last, expected, status, detail))
    return report


@dataclass(frozen=True)
class Coverage:
    symbol: str
    source: str
    rows: int
    first: dt.date | None
    last: dt.date | None
    expected_sessions: int
    missing_sessions: int


def missing_sessions(*, asset: Asset, source: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """Sessions of the asset's calendar in [start, end] with no daily bar from ``source``."""
    stored = set(
        DailyPrice.objects.filter(
            asset=asset, source=source, date__gte=start, date__lte=end
        ).values_list("date", flat=True)
    )
    return [d for d in sessions_between(asset.exchange, start, end) if d not in stored]


def coverage_of(*, asset: Asset, source: str, start: dt.date, end: dt.date) -> Coverage:
    stats = DailyPrice.objects.filter(
        asset=asset, source=source, date__gte=start, date__lte=end
    ).aggregate(rows=Count("pk"), first=Min("date"), last=Max("date"))
    expected = len(sessions_between(asset.exchange, start, end))
    missing = len(missing_sessions(asset=asset, source=source, start=start, end=end))
    return Coverage(
        symbol=asset.symbol,
        source=source,
        rows=int(stats["rows"] or 0),
        first=stats["first"],
        last=stats["last"],
        expected_sessions=expected,
        missing_sessions=missing,
    )


@dataclass(frozen=True)
class SourceStored:
    source: str
    bars: int
    first: dt.date | None
    last: dt.date | None
    last_ingested_at: dt.datetime | None


@dataclass(frozen=True)
class Provenance:
    """Where one asset's daily bars came from, how fresh they are, and their quality flags."""

    freshness: Freshness | None
    sources: list[SourceStored]
    flags_total: int
    flags_unreviewed: int
    flags_recent: list[DataQualityFlag]


def provenance_of(*, asset: Asset, now: dt.datetime, recent_flags: int = 10) -> Provenance:
    per_source = (
        DailyPrice.objects.filter(asset=asset)
        .values("source")
        .annotate(
            bars=Count("pk"), first=Min("date"), last=Max("date"), ingested=Max("ingested_at")
        )
        .order_by("-last", "source")
    )
    sources = [
        SourceStored(row["source"], row["bars"], row["first"], row["last"], row["ingested"])
        for row in per_source
    ]
    flags = DataQualityFlag.objects.filter(asset=asset)
    counts = flags.aggregate(total=Count("pk"), unreviewed=Count("pk", filter=Q(reviewed=False)))
    freshness = freshness_of_assets(now=now, symbols=[asset.symbol])
    return Provenance(
        freshness=freshness[0] if freshness else None,
        sources=sources,
        flags_total=int(counts["total"] or 0),
        flags_unreviewed=int(counts["unreviewed"] or 0),
        flags_recent=list(flags.order_by("-date", "kind")[:recent_flags]),
    )

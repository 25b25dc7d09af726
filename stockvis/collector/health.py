"""Health check of collection: how fresh each asset's newest bar is, as a job run and an alert."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone

from stockvis.collector import selectors
from stockvis.collector.jobs import job_start, jobs_reap
from stockvis.collector.models import JobRun, JobStatus
from stockvis.collector.selectors import Freshness
from stockvis.core import alerts
from stockvis.core.logging import log_context
from stockvis.core.symbols import normalize_symbol

logger = logging.getLogger(__name__)


@dataclass
class HealthReport:
    job: JobRun
    rows: list[Freshness]

    @property
    def stale(self) -> list[Freshness]:
        return [r for r in self.rows if r.stale]

    @property
    def exit_code(self) -> int:
        return 1 if self.stale else 0


def healthcheck_run(
    *, now: dt.datetime | None = None, symbols: Sequence[str] | None = None, alert: bool = True
) -> HealthReport:
    """Compare each asset's newest bar with the expected date, record it as a job run and alert
    on stale assets."""
    now = now or timezone.now()
    jobs_reap(now=now)  # the daily check also clears jobs whose process died
    wanted = [normalize_symbol(s) for s in symbols] if symbols else None
    job = job_start(job_name="healthcheck", provider="", parameters={"symbols": wanted})
    with log_context(job_id=job.pk, job="healthcheck"):
        rows = selectors.freshness_of_assets(now=now, symbols=wanted)
        stale = [r for r in rows if r.stale]
        if not stale:
            job.status = JobStatus.SUCCESS
        elif len(stale) == len(rows):
            job.status = JobStatus.FAILURE
        else:
            job.status = JobStatus.PARTIAL_FAILURE
        job.ended_at = timezone.now()
        job.results = {
            r.symbol: {
                "status": r.status,
                "latest": r.latest.isoformat() if r.latest else None,
                "expected": r.expected.isoformat() if r.expected else None,
                "detail": r.detail,
            }
            for r in rows
        }
        job.error_summary = (
            {
                "stale": {r.symbol: r.detail for r in stale},
                "message": f"{len(stale)} of {len(rows)} assets are stale: "
                + ", ".join(r.symbol for r in stale[:30]),
            }
            if stale
            else {}
        )
        job.save(update_fields=["status", "ended_at", "results", "error_summary"])
        for row in stale:
            with log_context(asset=row.symbol):
                logger.warning(
                    "%s is stale: latest %s, expected %s", row.symbol, row.latest, row.expected
                )
        if stale and alert:
            alerts.alert_post(
                title=f"Stock-Vis health check: {len(stale)} stale assets",
                description=alerts.lines(
                    [
                        f"{r.symbol}: latest {r.latest or 'none'}, expected {r.expected}"
                        for r in stale
                    ]
                ),
                fields={
                    "job": "healthcheck",
                    "status": job.status,
                    "stale assets": ", ".join(r.symbol for r in stale),
                    "time": now.isoformat(timespec="seconds"),
                },
                color=alerts.AMBER,
            )
    return HealthReport(job=job, rows=rows)

"""Job runs of collection: start and finish a ``JobRun``, what it did per asset, alerts."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from stockvis.collector.models import JobRun, JobStatus
from stockvis.collector.upsert import UpsertCounts
from stockvis.core import alerts

logger = logging.getLogger(__name__)

_MAX_WARNINGS = 50


@dataclass
class AssetResult:
    """What one job did for one asset. ``status``: ok | partial | failed.

    ``partial`` means stored, but rows were rejected by validation or (backfill) some chunks
    failed after others committed; ``failed`` means nothing of this run was stored for the asset.
    """

    symbol: str
    provider: str = ""
    status: str = "ok"
    counts: dict[str, UpsertCounts] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    quota_exhausted: bool = False
    #: The error may pass on its own (timeout, 5xx, throttling): worth retrying the task.
    transient: bool = False
    flags: int = 0
    rejected: int = 0
    #: What the job did beyond the counts (e.g. weeks rebuilt from stored daily bars).
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> UpsertCounts:
        return sum(self.counts.values(), UpsertCounts())

    def fail(self, reason: str, *, quota: bool = False, transient: bool = False) -> None:
        self.status = "failed"
        self.error = reason
        self.quota_exhausted = self.quota_exhausted or quota
        self.transient = transient and not quota

    def rolled_back(self) -> None:
        """The asset's transaction was rolled back: nothing it counted was stored."""
        self.counts.clear()
        self.flags = 0
        self.notes.clear()

    def as_json(self) -> dict[str, object]:
        total = self.total
        return {
            "status": self.status,
            "provider": self.provider,
            **total.as_dict(),
            "kinds": {kind: counts.as_dict() for kind, counts in self.counts.items()},
            "rejected": self.rejected,
            "flags": self.flags,
            "warnings": self.warnings[:_MAX_WARNINGS],
            "warning_count": len(self.warnings),
            "notes": self.notes,
            "error": self.error,
            "quota_exhausted": self.quota_exhausted,
            "transient": self.transient,
        }


@dataclass
class JobReport:
    job: JobRun
    results: list[AssetResult]
    elapsed: float

    def _count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def ok(self) -> int:
        return self._count("ok")

    @property
    def partial(self) -> int:
        return self._count("partial")

    @property
    def failed(self) -> int:
        return self._count("failed")

    @property
    def totals(self) -> UpsertCounts:
        return sum((r.total for r in self.results), UpsertCounts())

    @property
    def warnings(self) -> int:
        return sum(len(r.warnings) for r in self.results)

    @property
    def exit_code(self) -> int:
        """0 all succeeded, 1 partial failure, 2 total failure."""
        return {JobStatus.SUCCESS: 0, JobStatus.PARTIAL_FAILURE: 1}.get(
            JobStatus(self.job.status), 2
        )

    def kind_totals(self, kind: str) -> UpsertCounts:
        return sum((r.counts.get(kind, UpsertCounts()) for r in self.results), UpsertCounts())


def job_start(*, job_name: str, provider: str, parameters: dict[str, object]) -> JobRun:
    now = timezone.now()
    return JobRun.objects.create(
        job_name=job_name,
        status=JobStatus.RUNNING,
        provider=provider,
        parameters=parameters,
        started_at=now,
        host=socket.gethostname()[:255],
        pid=os.getpid(),
        pid_started=process_start_ticks(os.getpid()),
        heartbeat_at=now,
    )


def job_heartbeat(job: JobRun) -> None:
    """The job's process is alive and working (called between assets)."""
    now = timezone.now()
    JobRun.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(heartbeat_at=now)
    job.heartbeat_at = now


# A process that began this long after a job started cannot be the one that ran it: the job's
# process was alive when it started the job. The slack covers the rounding of the two clocks read.
# Only for jobs recorded without ``pid_started`` (before it existed); the others compare exactly.
PID_REUSE_SLACK = dt.timedelta(seconds=1)


def process_start_ticks(pid: int) -> int | None:
    """When the process with this id started, in clock ticks since boot (None without /proc)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # Field 22, starttime; the fields after "(comm)" start at field 3.
    return int(stat.rsplit(")", 1)[-1].split()[19])


def process_started_at(pid: int) -> dt.datetime | None:
    """When the process with this id started, by this machine's clock (None without /proc)."""
    ticks = process_start_ticks(pid)
    try:
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    if ticks is None:
        return None
    return timezone.now() - dt.timedelta(seconds=uptime - ticks / os.sysconf("SC_CLK_TCK"))


def pid_alive(pid: int, since: dt.datetime | None = None, start_ticks: int | None = None) -> bool:
    """Whether the process with this id that ran the job still runs on this machine (a zombie
    counts as gone, and so does a newer process that was given the same id).

    The id alone is not enough in a container: a worker restarted after SIGKILL forks its pool
    children with the same small ids its killed predecessor's had, so the job they left
    `running` would look alive until JOB_STALE_AFTER. ``start_ticks`` (the job's
    ``pid_started``) tells them apart exactly; without it, a process started after ``since``
    (the job's start) is not the job's.
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc (macOS, Windows): the signal said it exists
    if stat.rsplit(")", 1)[-1].split()[0] == "Z":
        return False
    if start_ticks is not None:
        current = process_start_ticks(pid)
        return current is None or current == start_ticks
    if since is None:
        return True
    started = process_started_at(pid)
    return started is None or started <= since + PID_REUSE_SLACK


def jobs_reap(
    *,
    now: dt.datetime | None = None,
    host: str | None = None,
    alive: Callable[[int, dt.datetime, int | None], bool] = pid_alive,
) -> list[JobRun]:
    """Mark failed every ``running`` job whose process is gone, and return them.

    On the job's own host a pid that no longer runs, or now belongs to a process started after
    the job, says so at once; elsewhere a heartbeat older than ``JOB_STALE_AFTER`` seconds does.
    """
    now = now or timezone.now()
    here = host or socket.gethostname()[:255]
    stale_before = now - dt.timedelta(seconds=settings.JOB_STALE_AFTER)
    reaped = []
    for job in JobRun.objects.filter(status=JobStatus.RUNNING).order_by("started_at"):
        last_sign = job.heartbeat_at or job.started_at
        if job.host == here and job.pid and not alive(job.pid, job.started_at, job.pid_started):
            reason = f"its process {job.pid} on {job.host} is gone (killed or crashed)"
        elif last_sign < stale_before:
            reason = (
                f"no heartbeat since {last_sign.isoformat(timespec='seconds')} (JOB_STALE_AFTER "
                f"is {settings.JOB_STALE_AFTER} s): its process is presumed gone"
            )
        else:
            continue
        summary = {"message": f"marked failed: {reason}", "abandoned": True}
        marked = JobRun.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(
            status=JobStatus.FAILURE, ended_at=now, error_summary=summary
        )
        if marked:
            logger.warning("job %s #%s %s", job.job_name, job.pk, summary["message"])
            job.refresh_from_db()
            reaped.append(job)
    return reaped


def job_finish(job: JobRun, results: Sequence[AssetResult], *, alert: bool = True) -> None:
    # An asset with an error counts as failed for the job, even when a backfill stored some of
    # its chunks before the error (its status is then "partial").
    failed = [r for r in results if r.error]
    if not failed:
        job.status = JobStatus.SUCCESS
    elif all(r.status == "failed" for r in results):
        job.status = JobStatus.FAILURE
    else:
        job.status = JobStatus.PARTIAL_FAILURE
    job.ended_at = timezone.now()
    job.results = {r.symbol: r.as_json() for r in results}
    exhausted = sorted({r.provider for r in results if r.quota_exhausted})
    # Assets a spent daily quota left out: the next run (after the reset) collects them.
    tomorrow = [r.symbol for r in results if r.quota_exhausted and r.status == "failed"]
    reasons = "; ".join(f"{r.symbol} ({r.error})" for r in failed[:20])
    message = f"{len(failed)} of {len(results)} assets failed: {reasons}"
    if tomorrow:
        message = (
            f"daily quota of {', '.join(exhausted)} spent: {len(tomorrow)} assets left for "
            f"tomorrow ({', '.join(tomorrow[:20])}); {message}"
        )
    job.error_summary = (
        {
            "failed": {r.symbol: r.error for r in failed},
            "quota_exhausted": exhausted,
            "left_for_tomorrow": tomorrow,
            "message": message,
        }
        if failed
        else {}
    )
    job.save(update_fields=["status", "ended_at", "results", "error_summary"])
    logger.info(
        "job %s #%s ended %s: %d assets, %d failed",
        job.job_name,
        job.pk,
        job.status,
        len(results),
        len(failed),
        extra={"job_id": job.pk, "status": job.status},
    )
    if alert and failed:
        job_alert(job=job)


def job_alert(*, job: JobRun) -> bool:
    """Post a failed or partly failed job to the alert webhook (no URL: nothing happens)."""
    failed = job.error_summary.get("failed", {}) if isinstance(job.error_summary, dict) else {}
    ended = job.ended_at or timezone.now()
    return alerts.alert_post(
        title=f"Stock-Vis job {job.job_name} #{job.pk}: {job.status}",
        description=alerts.lines([f"{symbol}: {reason}" for symbol, reason in failed.items()]),
        fields={
            "job": job.job_name,
            "status": job.status,
            "failed assets": ", ".join(failed) or "-",
            "time": ended.isoformat(timespec="seconds"),
        },
        color=alerts.RED if job.status == JobStatus.FAILURE else alerts.AMBER,
    )

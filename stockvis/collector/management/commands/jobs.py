"""`stockvis jobs`: the last collection job runs and how they ended."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from stockvis.collector.jobs import jobs_reap
from stockvis.collector.management.commands._output import table
from stockvis.collector.selectors import jobs_recent


class Command(BaseCommand):
    help = (
        "Show the last N job runs (collect, backfill, import_prices, seed_demo, healthcheck): "
        "status, start, duration, assets and rows, and why assets failed. A `running` job whose "
        "process is gone (killed, crashed: no such pid on its host, or no heartbeat for "
        "JOB_STALE_AFTER seconds) is marked failed first, and said so."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-n", type=int, default=10, help="How many (default 10).")
        parser.add_argument("--job", help="Only runs of this job name.")

    def handle(self, *args: Any, **options: Any) -> None:
        for job in jobs_reap():
            self.stdout.write(f"Job {job.job_name} #{job.pk} {job.error_summary['message']}")
        runs = jobs_recent(limit=max(options["n"], 1), job_name=options["job"])
        rows = []
        for run in runs:
            results = run.results if isinstance(run.results, dict) else {}
            inserted = sum(int(r.get("inserted", 0) or 0) for r in results.values())
            updated = sum(int(r.get("updated", 0) or 0) for r in results.values())
            failed = run.error_summary.get("failed") or run.error_summary.get("stale") or {}
            if run.error_summary.get("abandoned"):
                failed = {"process gone": ""}
            duration = run.duration_seconds
            rows.append(
                [
                    run.pk,
                    run.job_name,
                    run.status,
                    run.started_at.isoformat(timespec="seconds"),
                    f"{duration:.1f}s" if duration is not None else "running",
                    len(results),
                    f"+{inserted} ~{updated}",
                    ", ".join(list(failed)[:5]) + (" …" if len(failed) > 5 else ""),
                ]
            )
        self.stdout.write(
            table(
                ["id", "job", "status", "started (UTC)", "took", "assets", "rows", "failed"],
                rows,
            )
        )

"""Celery tasks of the analysis app: snapshot refreshes queued by big ingests and the schedule."""

from __future__ import annotations

from celery import shared_task

from stockvis.analysis.services import snapshots_refresh


@shared_task(name="analysis.refresh_snapshots", acks_late=True)
def refresh_snapshots(symbols: list[str] | None = None) -> int:
    """Refresh the snapshots of `symbols` (all active assets when None); gone symbols are skipped."""
    return snapshots_refresh(symbols=symbols)

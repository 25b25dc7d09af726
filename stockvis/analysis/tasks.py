"""Celery tasks of the analysis app: snapshot refreshes queued by big ingests and the schedule."""

from __future__ import annotations

from celery import shared_task

from stockvis.analysis.services import snapshots_enqueue_all, snapshots_refresh


@shared_task(name="stockvis.analysis.tasks.refresh_snapshots", acks_late=True)
def refresh_snapshots(symbols: list[str] | None = None) -> int:
    """Refresh the snapshots of `symbols`; gone symbols are skipped.

    Without symbols (the nightly beat entry) it fans the whole universe out in chunks, one task
    each, so every worker takes a share instead of one task walking thousands of assets.
    """
    if symbols is None:
        return snapshots_enqueue_all()
    return snapshots_refresh(symbols=symbols)

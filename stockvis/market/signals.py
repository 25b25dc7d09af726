"""Signals other apps listen to. ``prices_changed`` is sent after an ingest commits new or changed
bars, with ``symbols`` (canonical) and ``kind`` ("daily" | "weekly"); receivers refresh caches,
indicator snapshots and price alerts."""

from django.dispatch import Signal

prices_changed = Signal()

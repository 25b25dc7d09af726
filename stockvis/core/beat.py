"""Celery beat's scheduler with a heartbeat, so readiness knows beat is ticking, not just alive."""

from __future__ import annotations

import logging
import time
from typing import Any

from celery.beat import PersistentScheduler

from stockvis.core.heartbeat import heartbeat_record

logger = logging.getLogger(__name__)

# Beat ticks at least every `beat_max_loop_interval` seconds (settings); recording every tick
# would write the cache several times a second when entries are due together.
_MIN_GAP_SECONDS = 5.0


class HeartbeatScheduler(PersistentScheduler):
    _last_beat = 0.0

    def _create_schedule(self) -> None:
        """Start afresh from a schedule file a crash left half-written (an index whose data is
        gone reads as EOFError, which Celery does not expect): it holds only last-run times,
        while the schedule itself is in code, and an unreadable one would stop beat for good."""
        try:
            super()._create_schedule()
        except EOFError as exc:
            logger.warning(
                "beat schedule %s was unreadable; starting a new one", self.schedule_filename
            )
            self._store = self._destroy_open_corrupted_schedule(exc)
            super()._create_schedule()

    def tick(self, *args: Any, **kwargs: Any) -> float:
        interval = float(super().tick(*args, **kwargs))
        now = time.time()
        if now - self._last_beat >= _MIN_GAP_SECONDS:
            heartbeat_record("beat", now=now)
            self._last_beat = now
        return interval

"""Celery beat's scheduler with a heartbeat, so readiness knows beat is ticking, not just alive."""

from __future__ import annotations

import time
from typing import Any

from celery.beat import PersistentScheduler

from stockvis.core.heartbeat import heartbeat_record

# Beat ticks at least every `beat_max_loop_interval` seconds (settings); recording every tick
# would write the cache several times a second when entries are due together.
_MIN_GAP_SECONDS = 5.0


class HeartbeatScheduler(PersistentScheduler):
    _last_beat = 0.0

    def tick(self, *args: Any, **kwargs: Any) -> float:
        interval = float(super().tick(*args, **kwargs))
        now = time.time()
        if now - self._last_beat >= _MIN_GAP_SECONDS:
            heartbeat_record("beat", now=now)
            self._last_beat = now
        return interval

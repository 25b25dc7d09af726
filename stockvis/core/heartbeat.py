"""Heartbeats of the background processes (worker, beat, feed) in the shared cache.

Readiness (`/healthz/ready`) runs in a web process and cannot see the worker or beat directly; the
cache is the one store every process of a deployment shares (files under VAR_DIR in the embedded
run, Redis at scale), so each background process writes its own heartbeat there and the web
process reads its age.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from dataclasses import dataclass

from django.core.cache import cache

logger = logging.getLogger(__name__)

_KEY = "heartbeat:{name}"
# Kept a while past staleness, so that readiness can say "last seen 95 s ago" instead of "never".
_TTL_SECONDS = 3600


@dataclass(frozen=True)
class Heartbeat:
    name: str
    at: float  # epoch seconds
    detail: str

    def age(self, now: float) -> float:
        return max(0.0, now - self.at)


def heartbeat_record(name: str, *, detail: str = "", now: float | None = None) -> None:
    """Say that `name` is alive; never raises (a heartbeat must not break the process it reports)."""
    at = time.time() if now is None else now
    try:
        cache.set(_KEY.format(name=name), (at, detail or socket.gethostname()), _TTL_SECONDS)
    except Exception:  # the cache being down shows up in readiness as its own failure
        logger.debug("heartbeat %s not recorded", name, exc_info=True)


def heartbeat_clear(name: str) -> None:
    """A process that stops cleanly says so at once instead of going stale."""
    try:
        cache.delete(_KEY.format(name=name))
    except Exception:
        logger.debug("heartbeat %s not cleared", name, exc_info=True)


def heartbeat_read(name: str) -> Heartbeat | None:
    value = cache.get(_KEY.format(name=name))
    if not value:
        return None
    at, detail = value
    return Heartbeat(name=name, at=float(at), detail=str(detail))


# Workers also beat per queue they consume: readiness needs a live worker for every queue, and
# with several workers on a queue one of them dying must not hide the others (nor they it).
_QUEUE_KEY = "heartbeat:queue:{queue}"


def queue_heartbeat_record(queue: str, worker: str, *, now: float | None = None) -> None:
    """Say that `worker` consumes `queue`; never raises. The key holds every worker of the queue
    with its last beat (a lost concurrent update heals at the next beat, well before staleness)."""
    at = time.time() if now is None else now
    key = _QUEUE_KEY.format(queue=queue)
    try:
        seen = {w: t for w, t in (cache.get(key) or {}).items() if at - t < _TTL_SECONDS}
        seen[worker] = at
        cache.set(key, seen, _TTL_SECONDS)
    except Exception:
        logger.debug("heartbeat of queue %s not recorded", queue, exc_info=True)


def queue_heartbeat_clear(queue: str, worker: str) -> None:
    """A worker that stops cleanly leaves its queues at once; the other workers stay."""
    key = _QUEUE_KEY.format(queue=queue)
    try:
        seen = dict(cache.get(key) or {})
        if seen.pop(worker, None) is not None:
            cache.set(key, seen, _TTL_SECONDS)
    except Exception:
        logger.debug("heartbeat of queue %s not cleared", queue, exc_info=True)


def queue_heartbeat_read(queue: str) -> dict[str, float]:
    """The workers of `queue` and the epoch second of each one's last beat."""
    return {str(w): float(t) for w, t in (cache.get(_QUEUE_KEY.format(queue=queue)) or {}).items()}


class HeartbeatThread(threading.Thread):
    """Records a heartbeat every `interval` seconds until `stop()` (a daemon thread); a worker
    passes its `queues` (and its name as `worker`) to beat for each of them too."""

    def __init__(
        self,
        name: str,
        *,
        interval: float,
        detail: str = "",
        queues: tuple[str, ...] = (),
        worker: str = "",
    ) -> None:
        super().__init__(name=f"heartbeat-{name}", daemon=True)
        self.beat_name = name
        self.interval = interval
        self.detail = detail
        self.queues = queues
        self.worker = worker or socket.gethostname()
        self._stopped = threading.Event()

    def run(self) -> None:
        while not self._stopped.is_set():
            heartbeat_record(self.beat_name, detail=self.detail)
            for queue in self.queues:
                queue_heartbeat_record(queue, self.worker)
            self._stopped.wait(self.interval)

    def stop(self) -> None:
        self._stopped.set()
        heartbeat_clear(self.beat_name)
        for queue in self.queues:
            queue_heartbeat_clear(queue, self.worker)

"""One line when a CLI command queues work that no worker will pick up.

A one-shot command (`stockvis collect`, `import-prices`, ...) queues follow-up work, such as the
evaluation of price alerts, on its own broker. Run without the server's REDIS_URL (or with another
VAR_DIR), that broker is one no worker reads, and the work would wait silently forever. The
workers' heartbeats (stockvis.core.heartbeat) name the broker they consume, so the command can
compare before its first task leaves.
"""

from __future__ import annotations

import time

from django.conf import settings
from kombu.utils.url import maybe_sanitize_url

from stockvis.core.heartbeat import heartbeat_read


def broker_identity() -> str:
    """The broker as workers and commands name it: the URL without its password, and for the
    filesystem transport the folder (every process with the same VAR_DIR shares it)."""
    url = settings.CELERY_BROKER_URL
    if url.startswith("filesystem://"):
        return f"filesystem:{settings.BROKER_DIR}"
    return str(maybe_sanitize_url(url))


def broker_mismatch(now: float | None = None) -> str | None:
    """Why work queued now may never run (no worker, or workers on another broker), or None."""
    now = time.time() if now is None else now
    ours = broker_identity()
    beat = heartbeat_read("worker")
    if beat is None or beat.age(now) > settings.HEALTH_STALE_AFTER:
        return (
            f"no Celery worker is listening on this command's broker ({ours}); the follow-up work "
            "it queues (alert evaluation, snapshots) runs when a worker with the same "
            "REDIS_URL / VAR_DIR starts"
        )
    theirs = beat.detail.partition(" via ")[2]
    if theirs and theirs != ours:
        return (
            f"this command's broker ({ours}) is not the workers' ({theirs}); set REDIS_URL "
            "(or CELERY_BROKER_URL, VAR_DIR) as the server does, or its follow-up work never runs"
        )
    return None

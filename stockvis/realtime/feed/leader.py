"""Exactly one feed: a Redis lock at scale, a file lock in the embedded run. A second feed waits
and takes over when the first dies (its lock expires, or the OS releases its file lock)."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import Any, Protocol

LOCK_NAME = "stockvis:feed:leader"


class Leadership(Protocol):
    def hold(self) -> bool:
        """Take or keep the lead; False while another feed has it."""
        ...

    def release(self) -> None: ...


class FileLeadership:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._handle: Any = None

    def hold(self) -> bool:
        if self._handle is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")  # noqa: SIM115 - held open for the process's lifetime
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


class RedisLeadership:
    """A lock with a time to live, extended every round; a dead leader's lock lapses in ``ttl``."""

    def __init__(self, client: Any, *, ttl: float = 10.0, name: str = LOCK_NAME) -> None:
        self.lock = client.lock(name, timeout=ttl, blocking=False)
        self.held = False

    def hold(self) -> bool:
        from redis.exceptions import LockError

        if self.held:
            try:
                self.lock.reacquire()
                return True
            except LockError:
                self.held = False
        self.held = bool(self.lock.acquire(blocking=False))
        return self.held

    def release(self) -> None:
        from redis.exceptions import LockError

        if self.held:
            self.held = False
            try:
                self.lock.release()
            except LockError:
                return


def leadership_from_settings() -> Leadership:
    from django.conf import settings

    if settings.REDIS_URL:
        import redis

        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_timeout=5, socket_connect_timeout=5
        )
        return RedisLeadership(client, ttl=settings.FEED_LEADER_TTL)
    return FileLeadership(Path(settings.VAR_DIR) / "feed.lock")

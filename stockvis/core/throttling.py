"""DRF's throttles, counting in the ``throttle`` cache instead of the default one.

Every API request reads and writes its client's request history, so where that history lives is
a per-request cost. The counts must be seen by every web process that serves the client:
- with ``REDIS_URL`` the ``throttle`` cache is Redis (any number of web processes, machines);
- the embedded run (one uvicorn process, ``stockvis serve``) keeps them in that process's memory:
  the file cache would write and rename a file on every request (most of a cached chart's time);
- ``THROTTLE_STORE=shared`` keeps them in the shared default cache (files) for several web
  processes without Redis; ``stockvis serve --web-workers N`` (N > 1) sets it for its children.
The behaviour is DRF's (rates, scopes, ``Retry-After``); only the store differs.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from rest_framework import throttling

ALIAS = "throttle"


class _ThrottleCache:
    """The ``throttle`` cache, looked up on every use (tests and settings may replace CACHES);
    settings without that alias count in the default cache."""

    def _cache(self) -> BaseCache:
        return caches[ALIAS if ALIAS in settings.CACHES else "default"]

    def get(self, key: str, default: Any = None) -> Any:
        return self._cache().get(key, default)

    def set(self, key: str, value: Any, timeout: Any = None) -> None:
        self._cache().set(key, value, timeout)


THROTTLE_CACHE = _ThrottleCache()


_STORES: dict[str, tuple[dict[str, tuple[float | None, Any]], threading.Lock]] = {}
_STORES_LOCK = threading.Lock()


class InProcessCache(BaseCache):
    """The ``throttle`` cache of a single web process: values stay Python objects (no pickling).

    DRF keeps each client's request history as a list of times and reads and writes it on every
    request; Django's local-memory cache pickles it both ways, which for a busy client (hundreds
    of entries) was the largest part of a throttle check. Here a read hands back the stored list
    and a write stores it again. For the throttles only: values are shared, not copied.
    """

    def __init__(self, location: str, params: dict[str, Any]) -> None:
        super().__init__(params)
        # Django makes a backend object per thread (per request under ASGI): they share the
        # entries of their LOCATION, as Django's local-memory cache does.
        with _STORES_LOCK:
            self._entries, self._lock = _STORES.setdefault(location, ({}, threading.Lock()))

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._live(key):
                return False
            self._store(key, value, timeout)
            return True

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            return self._entries[key][1] if self._live(key) else default

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            self._store(key, value, timeout)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if not self._live(key):
                return False
            self._store(key, self._entries[key][1], timeout)
            return True

    def delete(self, key: Any, version: Any = None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            return self._entries.pop(key, None) is not None

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def _live(self, key: str) -> bool:
        entry = self._entries.get(key)
        if entry is None:
            return False
        if entry[0] is not None and entry[0] <= time.monotonic():
            del self._entries[key]
            return False
        return True

    def _store(self, key: str, value: Any, timeout: Any) -> None:
        seconds = self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout
        expires = None if seconds is None else time.monotonic() + seconds
        if len(self._entries) >= self._max_entries and key not in self._entries:
            now = time.monotonic()
            for stale in [
                k for k, (at, _) in self._entries.items() if at is not None and at <= now
            ]:
                del self._entries[stale]
            while len(self._entries) >= self._max_entries:  # still full: drop the oldest entries
                del self._entries[next(iter(self._entries))]
        self._entries[key] = (expires, value)


class AnonRateThrottle(throttling.AnonRateThrottle):
    cache = THROTTLE_CACHE  # type: ignore[assignment]


class UserRateThrottle(throttling.UserRateThrottle):
    cache = THROTTLE_CACHE  # type: ignore[assignment]


class ScopedRateThrottle(throttling.ScopedRateThrottle):
    cache = THROTTLE_CACHE  # type: ignore[assignment]


class SimpleRateThrottle(throttling.SimpleRateThrottle):
    cache = THROTTLE_CACHE  # type: ignore[assignment]

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

from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
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


class AnonRateThrottle(throttling.AnonRateThrottle):
    cache = THROTTLE_CACHE  # type: ignore[assignment]


class UserRateThrottle(throttling.UserRateThrottle):
    cache = THROTTLE_CACHE  # type: ignore[assignment]


class ScopedRateThrottle(throttling.ScopedRateThrottle):
    cache = THROTTLE_CACHE  # type: ignore[assignment]


class SimpleRateThrottle(throttling.SimpleRateThrottle):
    cache = THROTTLE_CACHE  # type: ignore[assignment]

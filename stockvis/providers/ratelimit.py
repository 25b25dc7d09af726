"""One provider rate limiter shared by every process and worker: a token bucket plus a daily quota."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from stockvis.providers.base import ProviderError

# Celery's own rate_limit is per worker, so the pace and the daily allowance live in shared
# storage: Redis when REDIS_URL is set, otherwise a state file guarded by fcntl.flock that all
# local processes (web, worker, beat) open.


@dataclass(frozen=True, slots=True)
class ProviderLimits:
    """The allowance of one provider; ``None`` means unlimited.

    ``burst`` is the bucket size: how many calls may go out back to back after a quiet spell.
    The default of 1 spaces every call evenly, which is what free API keys need.
    """

    per_minute: float | None = None
    per_day: int | None = None
    burst: int = 1


@dataclass(frozen=True, slots=True)
class Decision:
    """What the store answered to one request for a token."""

    granted: bool
    wait: float = 0.0
    quota_exhausted: bool = False
    used_today: int = 0


class RateLimitStore(Protocol):
    """Shared state behind the limiter. Every method is atomic across processes."""

    def take(self, provider: str, limits: ProviderLimits, *, now: float, day: str) -> Decision: ...

    def mark_exhausted(self, provider: str, *, day: str, ttl: float) -> None: ...

    def used_today(self, provider: str, *, day: str) -> int: ...


def _bucket_step(
    tokens: float | None, updated: float | None, limits: ProviderLimits, now: float
) -> tuple[bool, float, float]:
    """One token-bucket decision: (granted, tokens left, seconds to wait when refused)."""
    if limits.per_minute is None:
        return True, float(limits.burst), 0.0
    capacity = float(max(limits.burst, 1))
    rate = limits.per_minute / 60.0
    if tokens is None or updated is None:
        tokens, updated = capacity, now
    if now > updated:
        tokens = min(capacity, tokens + (now - updated) * rate)
    if tokens >= 1.0:
        return True, tokens - 1.0, 0.0
    return False, tokens, (1.0 - tokens) / rate


class LocalFileStore:
    """Limiter state in a JSON file under ``directory``, shared by local processes via ``flock``."""

    def __init__(self, directory: str | os.PathLike[str], *, filename: str = "ratelimit.json"):
        self.directory = Path(directory)
        self.path = self.directory / filename
        self.lock_path = self.directory / f"{filename}.lock"

    @contextlib.contextmanager
    def _locked_state(self) -> Iterator[dict[str, Any]]:
        self.directory.mkdir(parents=True, exist_ok=True)
        with open(self.lock_path, "a+") as lock:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            try:
                state = self._read()
                before = json.dumps(state, sort_keys=True)
                yield state
                if json.dumps(state, sort_keys=True) != before:
                    self._write(state)
            finally:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except ValueError:
            # A state file cut short by a crash only costs us the current bucket: start afresh.
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, state: dict[str, Any]) -> None:
        # Written aside and renamed into place so a crash never leaves half a file.
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".ratelimit-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(state, handle)
        os.replace(tmp, self.path)

    @staticmethod
    def _entry(state: dict[str, Any], provider: str, day: str) -> dict[str, Any]:
        entry = state.setdefault(provider, {})
        if entry.get("day") != day:
            entry.update(day=day, used=0, exhausted=False)
        return entry

    def take(self, provider: str, limits: ProviderLimits, *, now: float, day: str) -> Decision:
        with self._locked_state() as state:
            entry = self._entry(state, provider, day)
            used = int(entry.get("used", 0))
            if entry.get("exhausted") or (limits.per_day is not None and used >= limits.per_day):
                return Decision(granted=False, quota_exhausted=True, used_today=used)
            granted, tokens, wait = _bucket_step(
                entry.get("tokens"), entry.get("updated"), limits, now
            )
            entry["tokens"] = tokens
            entry["updated"] = max(now, float(entry.get("updated") or now))
            if not granted:
                return Decision(granted=False, wait=wait, used_today=used)
            entry["used"] = used + 1
            return Decision(granted=True, used_today=used + 1)

    def mark_exhausted(self, provider: str, *, day: str, ttl: float) -> None:
        with self._locked_state() as state:
            self._entry(state, provider, day)["exhausted"] = True

    def used_today(self, provider: str, *, day: str) -> int:
        with self._locked_state() as state:
            entry = state.get(provider, {})
            return int(entry.get("used", 0)) if entry.get("day") == day else 0


# KEYS: bucket hash, day counter, exhausted flag.
# ARGV: per_minute (-1 = unlimited), burst, now, per_day (-1 = unlimited), day ttl seconds.
# Floats go back as strings because Redis truncates Lua numbers to integers.
_TAKE_SCRIPT = """
local per_minute = tonumber(ARGV[1])
local capacity = math.max(tonumber(ARGV[2]), 1)
local now = tonumber(ARGV[3])
local per_day = tonumber(ARGV[4])
local ttl = math.max(math.ceil(tonumber(ARGV[5])), 1)
local used = tonumber(redis.call('GET', KEYS[2]) or '0')
if redis.call('EXISTS', KEYS[3]) == 1 or (per_day >= 0 and used >= per_day) then
  return {0, '0', 1, used}
end
if per_minute >= 0 then
  local rate = per_minute / 60.0
  local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
  local tokens = tonumber(state[1])
  local updated = tonumber(state[2])
  if tokens == nil or updated == nil then
    tokens = capacity
    updated = now
  end
  if now > updated then
    tokens = math.min(capacity, tokens + (now - updated) * rate)
    updated = now
  end
  if tokens < 1 then
    redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(updated))
    redis.call('EXPIRE', KEYS[1], 86400)
    return {0, tostring((1 - tokens) / rate), 0, used}
  end
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - 1), 'updated', tostring(updated))
  redis.call('EXPIRE', KEYS[1], 86400)
end
used = redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], ttl)
return {1, '0', 0, used}
"""


class RedisStore:
    """Limiter state in Redis, updated atomically by one Lua script per request."""

    def __init__(self, client: Any, *, prefix: str = "stockvis:ratelimit"):
        self.client = client
        self.prefix = prefix
        self._take = client.register_script(_TAKE_SCRIPT)

    def _keys(self, provider: str, day: str) -> list[str]:
        base = f"{self.prefix}:{provider}"
        return [f"{base}:bucket", f"{base}:used:{day}", f"{base}:exhausted:{day}"]

    @classmethod
    def from_url(cls, url: str, *, prefix: str = "stockvis:ratelimit") -> RedisStore:
        import redis

        return cls(redis.Redis.from_url(url), prefix=prefix)

    def take(self, provider: str, limits: ProviderLimits, *, now: float, day: str) -> Decision:
        ttl = 2 * 86400  # a day key outlives its day; the next day uses a new key anyway
        args = [
            -1 if limits.per_minute is None else limits.per_minute,
            limits.burst,
            repr(float(now)),
            -1 if limits.per_day is None else limits.per_day,
            ttl,
        ]
        granted, wait, exhausted, used = self._take(keys=self._keys(provider, day), args=args)
        return Decision(
            granted=bool(int(granted)),
            wait=float(wait),
            quota_exhausted=bool(int(exhausted)),
            used_today=int(used),
        )

    def mark_exhausted(self, provider: str, *, day: str, ttl: float) -> None:
        self.client.set(self._keys(provider, day)[2], "1", ex=max(int(ttl) + 1, 1))

    def used_today(self, provider: str, *, day: str) -> int:
        value = self.client.get(self._keys(provider, day)[1])
        return int(value) if value is not None else 0


@dataclass
class RateLimiter:
    """Hands out permission to call a provider, pacing all processes that share ``store``.

    ``acquire`` sleeps until a token is free, up to ``max_wait`` seconds in total, then raises a
    transient :class:`ProviderError`. A spent daily quota raises at once with
    ``quota_exhausted=True`` and ``retry_after`` set to the seconds until the quota resets at
    midnight in ``tz`` (UTC unless configured), so no caller spins on it.
    """

    store: RateLimitStore
    limits: Mapping[str, ProviderLimits]
    max_wait: float = 120.0
    tz: dt.tzinfo = dt.UTC
    now: Callable[[], float] = field(default=time.time, repr=False)
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    @classmethod
    def from_settings(
        cls,
        limits: Mapping[str, ProviderLimits],
        *,
        redis_url: str | None,
        state_dir: str | os.PathLike[str],
        tz: str = "UTC",
        max_wait: float = 120.0,
    ) -> RateLimiter:
        store: RateLimitStore = (
            RedisStore.from_url(redis_url) if redis_url else LocalFileStore(state_dir)
        )
        return cls(store=store, limits=limits, tz=ZoneInfo(tz), max_wait=max_wait)

    def _day(self, now: float) -> tuple[str, float]:
        """Today's quota key and the seconds until the quota resets."""
        local = dt.datetime.fromtimestamp(now, tz=self.tz)
        midnight = dt.datetime.combine(
            local.date() + dt.timedelta(days=1), dt.time(), tzinfo=self.tz
        )
        return local.date().isoformat(), max(midnight.timestamp() - now, 0.0)

    def acquire(self, provider: str) -> int:
        """Wait for a token for ``provider``; return how many calls were made today, this one too."""
        limits = self.limits.get(provider)
        if limits is None:
            return 0
        waited = 0.0
        while True:
            now = self.now()
            day, until_reset = self._day(now)
            decision = self.store.take(provider, limits, now=now, day=day)
            if decision.granted:
                return decision.used_today
            if decision.quota_exhausted:
                raise ProviderError(
                    f"daily quota spent ({decision.used_today} calls today); resets in "
                    f"{until_reset / 3600:.1f} h",
                    quota_exhausted=True,
                    retry_after=until_reset,
                    provider=provider,
                )
            if waited + decision.wait > self.max_wait:
                raise ProviderError(
                    f"rate limit: no call slot within {self.max_wait:.0f} s",
                    retry_after=decision.wait,
                    provider=provider,
                )
            self.sleep(decision.wait)
            waited += decision.wait

    def mark_exhausted(self, provider: str) -> None:
        """Record that the provider itself said the daily quota is spent (other keys, other hosts)."""
        day, until_reset = self._day(self.now())
        self.store.mark_exhausted(provider, day=day, ttl=until_reset)

    def used_today(self, provider: str) -> int:
        day, _ = self._day(self.now())
        return self.store.used_today(provider, day=day)

"""The shared provider rate limiter: pace, daily quota and both storage backends."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

import pytest

from stockvis.providers.base import ProviderError
from stockvis.providers.ratelimit import (
    LocalFileStore,
    ProviderLimits,
    RateLimiter,
    RateLimitStore,
    RedisStore,
)

# 2026-05-15 23:59:00 UTC
LATE_EVENING = dt.datetime(2026, 5, 15, 23, 59, tzinfo=dt.UTC).timestamp()


class FakeClock:
    """``now`` and ``sleep`` for the limiter: sleeping moves the clock forward."""

    def __init__(self, start: float = LATE_EVENING - 3600) -> None:
        self.t = start
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds


def limiter_with(store: RateLimitStore, clock: FakeClock, **limits: ProviderLimits) -> RateLimiter:
    return RateLimiter(store, limits, now=clock.now, sleep=clock.sleep, max_wait=120)


# -- behaviour, on the local backend -----------------------------------------------------------


@pytest.fixture
def local(tmp_path: Path) -> LocalFileStore:
    return LocalFileStore(tmp_path / "var")


def test_the_first_call_goes_out_at_once_and_the_next_waits_for_the_pace(local):
    clock = FakeClock()
    limiter = limiter_with(local, clock, av=ProviderLimits(per_minute=5))

    limiter.acquire("av")
    limiter.acquire("av")
    limiter.acquire("av")

    assert clock.sleeps == pytest.approx([12.0, 12.0])


def test_a_burst_allows_back_to_back_calls_then_paces(local):
    clock = FakeClock()
    limiter = limiter_with(local, clock, av=ProviderLimits(per_minute=60, burst=3))

    for _ in range(4):
        limiter.acquire("av")

    assert clock.sleeps == pytest.approx([1.0])


def test_a_quiet_spell_refills_the_bucket(local):
    clock = FakeClock()
    limiter = limiter_with(local, clock, av=ProviderLimits(per_minute=6))
    limiter.acquire("av")

    clock.t += 10
    limiter.acquire("av")

    assert clock.sleeps == []


def test_a_spent_daily_quota_raises_at_once_with_the_time_to_midnight(local):
    clock = FakeClock(LATE_EVENING)
    limiter = limiter_with(local, clock, av=ProviderLimits(per_day=2))

    assert limiter.acquire("av") == 1
    assert limiter.acquire("av") == 2
    with pytest.raises(ProviderError) as caught:
        limiter.acquire("av")

    assert caught.value.quota_exhausted
    assert caught.value.retry_after == pytest.approx(60.0)
    assert clock.sleeps == []


def test_the_daily_quota_resets_at_midnight_utc(local):
    clock = FakeClock(LATE_EVENING)
    limiter = limiter_with(local, clock, av=ProviderLimits(per_day=1))
    limiter.acquire("av")
    with pytest.raises(ProviderError):
        limiter.acquire("av")

    clock.t += 61  # 00:00:01 the next day

    assert limiter.acquire("av") == 1


def test_the_quota_day_can_follow_another_time_zone(local):
    # 23:59 UTC is already 08:59 the next day in Seoul.
    clock = FakeClock(LATE_EVENING)
    limiter = RateLimiter(
        local,
        {"av": ProviderLimits(per_day=1)},
        tz=dt.timezone(dt.timedelta(hours=9)),
        now=clock.now,
        sleep=clock.sleep,
    )
    limiter.acquire("av")

    with pytest.raises(ProviderError) as caught:
        limiter.acquire("av")

    assert caught.value.retry_after == pytest.approx(15 * 3600 + 60)


def test_waiting_longer_than_max_wait_is_a_transient_error(local):
    clock = FakeClock()
    limiter = RateLimiter(
        local, {"av": ProviderLimits(per_minute=1)}, max_wait=30, now=clock.now, sleep=clock.sleep
    )
    limiter.acquire("av")

    with pytest.raises(ProviderError, match="rate limit") as caught:
        limiter.acquire("av")

    assert not caught.value.permanent
    assert not caught.value.quota_exhausted
    assert caught.value.retry_after == pytest.approx(60.0)


def test_providers_have_separate_buckets_and_unknown_ones_are_unlimited(local):
    clock = FakeClock()
    limiter = limiter_with(
        local, clock, av=ProviderLimits(per_minute=1), fdr=ProviderLimits(per_minute=1)
    )

    limiter.acquire("av")
    limiter.acquire("fdr")
    limiter.acquire("synthetic")
    limiter.acquire("synthetic")

    assert clock.sleeps == []


def test_marking_the_quota_spent_stops_every_limiter_sharing_the_store(local):
    clock = FakeClock()
    first = limiter_with(local, clock, av=ProviderLimits(per_minute=5, per_day=25))
    second = limiter_with(local, clock, av=ProviderLimits(per_minute=5, per_day=25))

    first.mark_exhausted("av")

    with pytest.raises(ProviderError) as caught:
        second.acquire("av")
    assert caught.value.quota_exhausted


def test_used_today_counts_granted_calls_only(local):
    clock = FakeClock()
    limiter = limiter_with(local, clock, av=ProviderLimits(per_minute=60, per_day=3))

    limiter.acquire("av")
    limiter.acquire("av")

    assert limiter.used_today("av") == 2


def test_a_corrupt_state_file_starts_afresh(tmp_path):
    store = LocalFileStore(tmp_path)
    tmp_path.joinpath("ratelimit.json").write_text('{"av": {"tok')
    clock = FakeClock()

    limiter_with(store, clock, av=ProviderLimits(per_minute=5)).acquire("av")

    assert clock.sleeps == []


def test_from_settings_picks_the_local_store_without_redis(tmp_path):
    limiter = RateLimiter.from_settings(
        {"av": ProviderLimits(per_minute=5)}, redis_url=None, state_dir=tmp_path
    )

    assert isinstance(limiter.store, LocalFileStore)


# -- two real processes share the pace ---------------------------------------------------------

PACE_PER_MINUTE = 600.0  # one call every 0.1 s
CALLS_PER_PROCESS = 6


def _grab_tokens(store_spec: tuple[str, str], barrier, results) -> None:
    kind, where = store_spec
    store: RateLimitStore = LocalFileStore(where) if kind == "local" else _redis_store(where)
    limiter = RateLimiter(store, {"av": ProviderLimits(per_minute=PACE_PER_MINUTE)})
    barrier.wait()
    for _ in range(CALLS_PER_PROCESS):
        limiter.acquire("av")
        results.put(time.time())


def _run_two_processes(store_spec: tuple[str, str]) -> tuple[float, list[float]]:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(3)
    results = ctx.Queue()
    workers = [
        ctx.Process(target=_grab_tokens, args=(store_spec, barrier, results)) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    barrier.wait(timeout=60)
    started = time.time()
    stamps = [results.get(timeout=60) for _ in range(2 * CALLS_PER_PROCESS)]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    return started, sorted(stamps)


def _assert_paced(started: float, stamps: list[float]) -> None:
    interval = 60.0 / PACE_PER_MINUTE
    slack = 0.02  # the barrier releases the workers a hair before `started` is read
    # The bucket starts with one token, so the k-th call cannot come before start + k intervals.
    for k, stamp in enumerate(stamps):
        assert stamp >= started + k * interval - slack, f"call {k} came too early"


def test_two_local_processes_sharing_a_state_directory_never_exceed_the_pace(tmp_path):
    started, stamps = _run_two_processes(("local", str(tmp_path)))

    _assert_paced(started, stamps)


# -- Redis -------------------------------------------------------------------------------------


def _redis_location() -> tuple[str, int]:
    url = urlparse(os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0")
    return url.hostname or "127.0.0.1", url.port or 6379


def _redis_store(prefix: str) -> RedisStore:
    import redis

    host, port = _redis_location()
    # Database 15 and a unique prefix keep the tests away from real limiter state.
    return RedisStore(redis.Redis(host=host, port=port, db=15), prefix=prefix)


@pytest.fixture
def redis_prefix():
    prefix = f"stockvis-test:{uuid.uuid4().hex}"
    yield prefix
    store = _redis_store(prefix)
    keys = list(store.client.scan_iter(f"{prefix}:*"))
    if keys:
        store.client.delete(*keys)


@pytest.mark.integration
def test_redis_paces_calls_like_the_local_store(redis_prefix):
    clock = FakeClock()
    limiter = limiter_with(_redis_store(redis_prefix), clock, av=ProviderLimits(per_minute=5))

    for _ in range(3):
        limiter.acquire("av")

    assert clock.sleeps == pytest.approx([12.0, 12.0])


@pytest.mark.integration
def test_redis_enforces_the_daily_quota_and_its_reset(redis_prefix):
    clock = FakeClock(LATE_EVENING)
    limiter = limiter_with(_redis_store(redis_prefix), clock, av=ProviderLimits(per_day=2))
    limiter.acquire("av")
    limiter.acquire("av")

    with pytest.raises(ProviderError) as caught:
        limiter.acquire("av")
    assert caught.value.quota_exhausted
    assert limiter.used_today("av") == 2

    clock.t += 61
    assert limiter.acquire("av") == 1


@pytest.mark.integration
def test_redis_shares_a_spent_quota_between_limiters(redis_prefix):
    clock = FakeClock()
    first = limiter_with(_redis_store(redis_prefix), clock, av=ProviderLimits(per_minute=5))
    second = limiter_with(_redis_store(redis_prefix), clock, av=ProviderLimits(per_minute=5))

    first.mark_exhausted("av")

    with pytest.raises(ProviderError) as caught:
        second.acquire("av")
    assert caught.value.quota_exhausted


@pytest.mark.integration
def test_two_processes_sharing_redis_never_exceed_the_pace(redis_prefix):
    started, stamps = _run_two_processes(("redis", redis_prefix))

    _assert_paced(started, stamps)

"""The per-provider circuit breaker: open after repeated transient failures, one probe after the
cooldown, closed again by its success; permanent errors and spent quotas are not counted."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
import respx

from stockvis.providers.alphavantage import DEFAULT_BASE_URL, AlphaVantageClient
from stockvis.providers.base import AssetRef, Category, ProviderError
from stockvis.providers.circuit import CircuitBreaker
from stockvis.providers.deadline import call_with_deadline
from stockvis.providers.retry import RetryPolicy

IBM = AssetRef("IBM", "XNYS", Category.STOCK, "USD")


class DictStore:
    """The cache API the breaker uses, in a dict (TTL ignored)."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def set(self, key: str, value: Any, timeout: float | None = None) -> None:
        self.data[key] = value

    def add(self, key: str, value: Any, timeout: float | None = None) -> bool:
        if key in self.data:
            return False
        self.data[key] = value
        return True

    def delete(self, key: str) -> None:
        self.data.pop(key, None)


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def breaker(clock: Clock) -> CircuitBreaker:
    return CircuitBreaker("fdr", DictStore(), threshold=3, cooldown=60, clock=clock)


def failing() -> None:
    raise ProviderError("connection failed", provider="fdr")


def test_three_transient_failures_open_the_circuit_and_calls_then_fail_at_once(breaker) -> None:
    for _ in range(3):
        with pytest.raises(ProviderError, match="connection failed"):
            breaker.call(failing)
    calls = []
    with pytest.raises(ProviderError, match="circuit open after 3 failed calls") as caught:
        breaker.call(lambda: calls.append(1))
    assert calls == []
    assert caught.value.permanent is False
    assert caught.value.retry_after == pytest.approx(60)
    assert breaker.state().state == "open"


def test_after_the_cooldown_one_probe_goes_through_and_its_success_closes_it(
    breaker, clock
) -> None:
    for _ in range(3):
        with pytest.raises(ProviderError):
            breaker.call(failing)
    clock.now += 61
    assert breaker.state().state == "half_open"
    assert breaker.call(lambda: "back") == "back"
    assert breaker.state().state == "closed"
    assert breaker.call(lambda: "again") == "again"


def test_only_one_caller_probes_while_half_open(breaker, clock) -> None:
    for _ in range(3):
        with pytest.raises(ProviderError):
            breaker.call(failing)
    clock.now += 61
    breaker._admit()  # the first caller takes the probe
    with pytest.raises(ProviderError, match="circuit open"):
        breaker.call(lambda: "second caller")


def test_a_failed_probe_opens_it_for_another_cooldown(breaker, clock) -> None:
    for _ in range(3):
        with pytest.raises(ProviderError):
            breaker.call(failing)
    clock.now += 61
    with pytest.raises(ProviderError, match="connection failed"):
        breaker.call(failing)
    state = breaker.state()
    assert state.state == "open"
    assert state.retry_in_s == pytest.approx(60)


def test_permanent_errors_and_spent_quotas_leave_it_closed(breaker) -> None:
    for _ in range(5):
        with pytest.raises(ProviderError):
            breaker.call(lambda: (_ for _ in ()).throw(ProviderError("bad symbol", permanent=True)))
        with pytest.raises(ProviderError):
            breaker.call(
                lambda: (_ for _ in ()).throw(ProviderError("quota", quota_exhausted=True))
            )
    assert breaker.state().state == "closed"


def test_a_success_resets_the_count_of_failures(breaker) -> None:
    for _ in range(2):
        with pytest.raises(ProviderError):
            breaker.call(failing)
    breaker.call(lambda: None)
    for _ in range(2):
        with pytest.raises(ProviderError):
            breaker.call(failing)
    assert breaker.state().state == "closed"


@respx.mock
def test_an_unreachable_alpha_vantage_trips_the_breaker_after_its_retries(clock) -> None:
    route = respx.get(DEFAULT_BASE_URL).mock(side_effect=httpx.ConnectError("offline"))
    breaker = CircuitBreaker("alphavantage", DictStore(), threshold=2, cooldown=300, clock=clock)
    policy = RetryPolicy(max_retries=1, sleep=lambda s: None, breaker=breaker)
    client = AlphaVantageClient("KEY", retry_policy=policy)
    for _ in range(2):
        with pytest.raises(ProviderError, match="offline or provider unreachable: alphavantage"):
            client.quote(IBM)
    assert route.call_count == 4  # two calls, each retried once
    with pytest.raises(ProviderError, match="circuit open"):
        client.quote(IBM)
    assert route.call_count == 4  # the open circuit spent no request


def test_a_call_that_hangs_fails_at_its_deadline() -> None:
    started = time.monotonic()
    with pytest.raises(ProviderError, match=r"no answer within 0\.2 s") as caught:
        call_with_deadline(lambda: time.sleep(5), 0.2, provider="fdr", what="reading 005930")
    assert time.monotonic() - started < 2
    assert caught.value.permanent is False


def test_a_call_within_its_deadline_returns_or_raises_as_it_would() -> None:
    assert call_with_deadline(lambda: 42, 5, provider="fdr", what="x") == 42
    with pytest.raises(KeyError):
        call_with_deadline(lambda: {}["missing"], 5, provider="fdr", what="x")

"""Retry policy: which provider errors are retried, and exactly how long it waits."""

from __future__ import annotations

import pytest

from stockvis.providers.base import ProviderError
from stockvis.providers.retry import NO_RETRY, RetryPolicy, is_retryable


class Flaky:
    """Fails with the given errors in turn, then returns "ok"."""

    def __init__(self, *errors: ProviderError) -> None:
        self.errors = list(errors)
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "ok"


def policy(sleeps: list[float], *, random: float = 0.0, **kwargs: float) -> RetryPolicy:
    return RetryPolicy(sleep=sleeps.append, random=lambda: random, **kwargs)  # type: ignore[arg-type]


def test_the_delay_is_base_times_two_to_the_retry_times_jitter():
    p = RetryPolicy(base_delay=2.0, random=lambda: 1.0)

    assert [p.delay_for(n) for n in range(3)] == [2.6, 5.2, 10.4]


def test_transient_errors_are_retried_with_exponential_backoff_and_jitter():
    sleeps: list[float] = []
    fn = Flaky(ProviderError("a"), ProviderError("b"), ProviderError("c"))

    assert policy(sleeps, random=0.5, max_retries=3, base_delay=1.0).call(fn) == "ok"

    assert fn.calls == 4
    assert sleeps == pytest.approx([1.15, 2.3, 4.6])


def test_the_last_transient_error_is_raised_after_max_retries():
    sleeps: list[float] = []
    fn = Flaky(*(ProviderError(f"e{i}") for i in range(5)))

    with pytest.raises(ProviderError, match="e2"):
        policy(sleeps, max_retries=2, base_delay=0.5).call(fn)

    assert fn.calls == 3
    assert sleeps == [0.5, 1.0]


def test_retry_after_wins_when_it_is_longer_than_the_backoff():
    sleeps: list[float] = []
    fn = Flaky(ProviderError("slow down", retry_after=30), ProviderError("x", retry_after=0.1))

    policy(sleeps, base_delay=1.0).call(fn)

    assert sleeps == [30.0, 2.0]


def test_permanent_errors_are_never_retried():
    sleeps: list[float] = []
    fn = Flaky(ProviderError("bad symbol", permanent=True))

    with pytest.raises(ProviderError, match="bad symbol"):
        policy(sleeps).call(fn)

    assert fn.calls == 1
    assert sleeps == []


def test_a_spent_quota_is_never_retried_even_when_not_marked_permanent():
    sleeps: list[float] = []
    fn = Flaky(ProviderError("quota", quota_exhausted=True, retry_after=3600))

    with pytest.raises(ProviderError, match="quota"):
        policy(sleeps).call(fn)

    assert fn.calls == 1
    assert sleeps == []


def test_other_exceptions_pass_straight_through():
    sleeps: list[float] = []

    def broken() -> None:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        policy(sleeps).call(broken)
    assert sleeps == []


def test_a_wait_longer_than_max_delay_is_left_to_the_scheduler():
    sleeps: list[float] = []
    fn = Flaky(ProviderError("come back in an hour", retry_after=3600))

    with pytest.raises(ProviderError) as caught:
        policy(sleeps, max_delay=60).call(fn)

    assert caught.value.retry_after == 3600
    assert fn.calls == 1
    assert sleeps == []


def test_zero_retries_calls_once():
    fn = Flaky(ProviderError("x"))

    with pytest.raises(ProviderError):
        NO_RETRY.call(fn)
    assert fn.calls == 1


def test_the_retry_hook_hears_each_retry_with_its_delay():
    heard: list[tuple[int, float, str]] = []
    p = RetryPolicy(
        sleep=lambda _: None,
        random=lambda: 0.0,
        on_retry=lambda n, delay, exc: heard.append((n, delay, exc.message)),
    )

    p.call(Flaky(ProviderError("a"), ProviderError("b")))

    assert heard == [(0, 1.0, "a"), (1, 2.0, "b")]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ProviderError("x"), True),
        (ProviderError("x", permanent=True), False),
        (ProviderError("x", quota_exhausted=True), False),
        (ValueError("x"), False),
    ],
)
def test_only_transient_provider_errors_are_retryable(error, expected):
    assert is_retryable(error) is expected

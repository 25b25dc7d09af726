"""Retries of provider calls: transient errors only, exponential backoff with jitter."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from tenacity import RetryCallState, Retrying, retry_if_exception

from stockvis.providers.base import ProviderError
from stockvis.providers.circuit import CircuitBreaker

T = TypeVar("T")

#: Called before each sleep with (retry number starting at 0, delay in seconds, the error).
RetryHook = Callable[[int, float, ProviderError], None]


def is_retryable(exc: BaseException) -> bool:
    """Only transient provider errors are worth another call; a spent quota is not transient."""
    return isinstance(exc, ProviderError) and not exc.permanent and not exc.quota_exhausted


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry a transient :class:`ProviderError`.

    The n-th retry (n from 0) waits ``base_delay * 2**n * (1 + random() * jitter)`` seconds, or the
    provider's ``retry_after`` when that is longer. A wait longer than ``max_delay`` is not slept
    through: the error is raised so a scheduler (Celery countdown) can try later without holding a
    worker. ``sleep`` and ``random`` are injected so tests run instantly and deterministically.
    """

    max_retries: int = 3
    base_delay: float = 1.0
    jitter: float = 0.3
    max_delay: float = 120.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    random: Callable[[], float] = field(default=random.random, repr=False)
    on_retry: RetryHook | None = field(default=None, repr=False)
    #: When set, every call (with its retries) goes through this provider's circuit breaker.
    breaker: CircuitBreaker | None = field(default=None, repr=False)

    def delay_for(self, retry_number: int, retry_after: float | None = None) -> float:
        delay = self.base_delay * 2**retry_number * (1 + self.random() * self.jitter)
        if retry_after is not None and retry_after > delay:
            return float(retry_after)
        return delay

    def call(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` and retry it on transient :class:`ProviderError`; re-raise the last error."""
        if self.breaker is not None:
            breaker, self_without = self.breaker, replace(self, breaker=None)
            return breaker.call(lambda: self_without.call(fn))
        if self.max_retries <= 0:
            return fn()
        planned: dict[int, float] = {}

        def planned_delay(state: RetryCallState) -> float:
            # tenacity asks stop before wait; compute the delay once so jitter is drawn once.
            number = state.attempt_number
            if number not in planned:
                exc = state.outcome.exception() if state.outcome else None
                retry_after = exc.retry_after if isinstance(exc, ProviderError) else None
                planned[number] = self.delay_for(number - 1, retry_after)
            return planned[number]

        def give_up(state: RetryCallState) -> bool:
            return state.attempt_number > self.max_retries or planned_delay(state) > self.max_delay

        def before_sleep(state: RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome else None
            if self.on_retry is not None and isinstance(exc, ProviderError):
                self.on_retry(state.attempt_number - 1, planned_delay(state), exc)

        retrying = Retrying(
            stop=give_up,
            wait=planned_delay,
            retry=retry_if_exception(is_retryable),
            sleep=self.sleep,
            before_sleep=before_sleep,
            reraise=True,
        )
        return retrying(fn)


NO_RETRY = RetryPolicy(max_retries=0)

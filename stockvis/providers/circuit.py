"""A circuit breaker per provider: after repeated transient failures, stop calling for a while.

A provider that is down (network gone, the service failing) would otherwise be called, retried
and timed out for every asset of every job. After `threshold` failed calls in a row the circuit
opens: calls fail at once with a transient `ProviderError` that says when the next try is. After
`cooldown` seconds one caller is let through as a probe (half-open); its success closes the
circuit, its failure opens it for another cooldown. Permanent errors (a bad symbol) and a spent
quota say nothing about the provider's health and are not counted.

The state lives in a store shared by every process (the Django cache in practice: files in the
embedded run, Redis at scale); the store and the clock are injected, so this module is pure.
Counting is approximate across processes (read-modify-write), which is all a breaker needs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from stockvis.providers.base import ProviderError

T = TypeVar("T")


class CircuitStore(Protocol):
    """The subset of Django's cache API the breaker uses."""

    def get(self, key: str, default: Any = None) -> Any: ...
    def set(self, key: str, value: Any, timeout: float | None = ...) -> Any: ...
    def add(self, key: str, value: Any, timeout: float | None = ...) -> bool: ...
    def delete(self, key: str) -> Any: ...


@dataclass(frozen=True)
class CircuitState:
    provider: str
    state: str  # closed, open, half_open
    failures: int
    retry_in_s: float | None  # seconds until the next probe, while open

    def as_dict(self) -> dict[str, object]:
        return {"state": self.state, "failures": self.failures, "retry_in_s": self.retry_in_s}


class CircuitBreaker:
    def __init__(
        self,
        provider: str,
        store: CircuitStore,
        *,
        threshold: int = 5,
        cooldown: float = 300.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.provider = provider
        self.store = store
        self.threshold = max(1, threshold)
        self.cooldown = cooldown
        self.clock = clock
        self._key = f"circuit:{provider}"
        self._probe_key = f"circuit:{provider}:probe"

    def _read(self) -> tuple[int, float | None]:
        raw = self.store.get(self._key) or {}
        return int(raw.get("failures", 0)), raw.get("opened_at")

    def state(self) -> CircuitState:
        failures, opened_at = self._read()
        if opened_at is None:
            return CircuitState(self.provider, "closed", failures, None)
        remaining = opened_at + self.cooldown - self.clock()
        if remaining > 0:
            return CircuitState(self.provider, "open", failures, round(remaining, 1))
        return CircuitState(self.provider, "half_open", failures, 0.0)

    def call(self, fn: Callable[[], T]) -> T:
        self._admit()
        try:
            result = fn()
        except ProviderError as exc:
            if not (exc.permanent or exc.quota_exhausted):
                self._failed()
            else:
                self.store.delete(self._probe_key)
            raise
        self._succeeded()
        return result

    def _admit(self) -> None:
        failures, opened_at = self._read()
        if opened_at is None:
            return
        remaining = opened_at + self.cooldown - self.clock()
        # Half-open: exactly one caller (whoever adds the probe key first) tries the provider.
        if remaining <= 0 and self.store.add(self._probe_key, 1, self.cooldown):
            return
        raise ProviderError(
            f"circuit open after {failures} failed calls in a row; "
            f"next try in {max(remaining, 1.0):.0f} s",
            retry_after=max(remaining, 1.0),
            provider=self.provider,
        )

    def _failed(self) -> None:
        failures, opened_at = self._read()
        failures += 1
        if failures >= self.threshold:
            opened_at = self.clock()
        ttl = max(self.cooldown * 4, 3600.0)
        self.store.set(self._key, {"failures": failures, "opened_at": opened_at}, ttl)
        self.store.delete(self._probe_key)

    def _succeeded(self) -> None:
        failures, opened_at = self._read()
        if failures or opened_at is not None:
            self.store.delete(self._key)
            self.store.delete(self._probe_key)

"""A deadline for provider calls whose library has no timeout of its own (FinanceDataReader).

The call runs in a daemon thread; when it has not answered in time the caller gets a transient
`ProviderError` at once, and the abandoned thread ends with its socket. That keeps a hung provider
from holding a worker until Celery's hard time limit kills the whole task.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from stockvis.providers.base import ProviderError

T = TypeVar("T")


def call_with_deadline(fn: Callable[[], T], seconds: float, *, provider: str, what: str) -> T:
    outcome: dict[str, object] = {}
    done = threading.Event()

    def run() -> None:
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # handed to the caller's thread as it is
            outcome["error"] = exc
        finally:
            done.set()

    threading.Thread(target=run, name=f"{provider}-call", daemon=True).start()
    if not done.wait(seconds):
        raise ProviderError(f"{what}: no answer within {seconds:g} s", provider=provider)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]

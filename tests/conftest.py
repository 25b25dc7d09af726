"""Suite-wide fixtures: the shared real-data folder, and the rule that integration tests need
real PostgreSQL and Redis (skipped with a reason on a laptop without them, an error in CI)."""

from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.shared_data import shared_data_path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real recorded provider payloads and price files (shared/data beside the repository)."""
    return shared_data_path()


def _reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=2
        ):
            return True
    except OSError:
        return False


@pytest.hookimpl(trylast=True)  # after -m has deselected what this run leaves out
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    integration = [item for item in items if item.get_closest_marker("integration")]
    if not integration:
        return
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    problems = []
    if not database_url.startswith("postgres"):
        problems.append("DATABASE_URL does not point at PostgreSQL")
    elif not _reachable(database_url, 5432):
        problems.append(f"PostgreSQL is not reachable at {urlparse(database_url).netloc}")
    if not redis_url:
        problems.append("REDIS_URL is not set")
    elif not _reachable(redis_url, 6379):
        problems.append(f"Redis is not reachable at {urlparse(redis_url).netloc}")
    if not problems:
        return
    reason = "; ".join(problems) + " (run them through `make test`)"
    if os.environ.get("CI"):
        raise pytest.UsageError(f"integration tests cannot run in CI: {reason}")
    for item in integration:
        item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def isolated_cache(settings: Any) -> None:
    """Each test starts with an empty cache: a private in-memory one, or the test Redis flushed."""
    if settings.REDIS_URL:
        from django.core.cache import caches

        from stockvis.market.search import forget_pending_views
        from stockvis.market.views.common import RECENT_BODIES

        caches["default"].clear()
        caches["throttle"].clear()
        # What this process keeps beside the shared cache (swapping CACHES clears it by itself).
        RECENT_BODIES.clear()
        forget_pending_views()
    else:
        # As the embedded run has them: the throttles in this process's memory.
        settings.CACHES = {
            alias: {"BACKEND": backend, "LOCATION": uuid.uuid4().hex}
            for alias, backend in (
                ("default", "django.core.cache.backends.locmem.LocMemCache"),
                ("throttle", "stockvis.core.throttling.InProcessCache"),
            )
        }

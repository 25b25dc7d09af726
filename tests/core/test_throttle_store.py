"""Where the API throttles count: the ``throttle`` cache (process memory in the embedded run,
the shared cache with Redis or several web processes), with DRF's behaviour unchanged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client
from rest_framework.throttling import SimpleRateThrottle

from stockvis.core.management.commands.serve import web_environment

REPO = Path(__file__).resolve().parents[2]
PROBE = """
import json
import config.settings as s
print(json.dumps({"store": s.THROTTLE_STORE, "throttle": s.CACHES["throttle"],
                  "default": s.CACHES["default"]}))
"""


def _settings_with(tmp_path: Path, **env: str) -> dict[str, Any]:
    keep = {"PATH", "HOME", "LANG", "TMPDIR", "VIRTUAL_ENV"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        env={
            **{k: v for k, v in os.environ.items() if k in keep},
            "VAR_DIR": str(tmp_path),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def test_the_embedded_run_counts_in_process_memory_and_redis_runs_in_redis(
    tmp_path: Path,
) -> None:
    embedded = _settings_with(tmp_path)
    assert embedded["store"] == "local"
    assert embedded["throttle"]["BACKEND"].endswith("InProcessCache")
    with_redis = _settings_with(tmp_path, REDIS_URL="redis://127.0.0.1:6379/6")
    assert with_redis["store"] == "shared"
    assert with_redis["throttle"] == with_redis["default"]
    assert with_redis["throttle"]["BACKEND"].endswith("RedisCache")
    shared_files = _settings_with(tmp_path, THROTTLE_STORE="shared")
    assert shared_files["throttle"] == shared_files["default"]
    assert shared_files["throttle"]["BACKEND"].endswith("FileBasedCache")


def test_a_store_that_is_neither_local_nor_shared_stops_start_up(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="THROTTLE_STORE must be local or shared"):
        _settings_with(tmp_path, THROTTLE_STORE="redis")


def test_several_web_processes_without_redis_count_in_the_shared_store() -> None:
    assert web_environment(1, "local") is None
    assert web_environment(4, "shared") is None
    several = web_environment(4, "local")
    assert several is not None
    assert several["THROTTLE_STORE"] == "shared"
    assert several["PATH"] == os.environ["PATH"]


@pytest.fixture
def one_a_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    rates = {**SimpleRateThrottle.THROTTLE_RATES, "anon": "1/min"}
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", rates)


def _in_memory(name: str) -> dict[str, str]:
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}


@pytest.mark.django_db
def test_throttles_count_in_the_throttle_cache_not_the_default_one(
    client: Client, one_a_minute: None, settings: Any
) -> None:
    # As the embedded run configures them, whatever this test run's REDIS_URL.
    settings.CACHES = {"default": _in_memory("default"), "throttle": _in_memory("throttle")}
    assert client.get("/api/v1/stocks/api/search/popular/").status_code == 200
    assert client.get("/api/v1/stocks/api/search/popular/").status_code == 429
    key = "throttle_anon_127.0.0.1"
    assert len(caches["throttle"].get(key)) == 1
    assert caches["default"].get(key) is None


@pytest.mark.django_db
def test_without_a_throttle_cache_the_default_one_counts(
    client: Client, one_a_minute: None, settings: Any
) -> None:
    settings.CACHES = {"default": _in_memory("only-default")}
    assert client.get("/api/v1/stocks/api/search/popular/").status_code == 200
    assert client.get("/api/v1/stocks/api/search/popular/").status_code == 429
    assert caches["default"].get("throttle_anon_127.0.0.1")


def test_the_in_process_store_shares_its_entries_and_expires_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from stockvis.core import throttling
    from stockvis.core.throttling import InProcessCache

    now = [100.0]
    monkeypatch.setattr(throttling.time, "monotonic", lambda: now[0])
    one = InProcessCache("probe-store", {"OPTIONS": {"MAX_ENTRIES": 3}})
    other = InProcessCache("probe-store", {})  # another thread's backend object
    one.clear()
    history = [1.0, 0.5]
    one.set("client", history, 60)
    assert other.get("client") is history  # handed back as stored: no pickling round trip
    assert not other.add("client", [], 60)
    for key in ("b", "c", "d"):  # over MAX_ENTRIES: the oldest entry goes
        one.set(key, key, 60)
    assert one.get("client") is None
    assert one.get("d") == "d"
    now[0] += 60
    assert one.get("d") is None  # expired
    assert one.add("d", "again", 60)
    assert one.delete("d")

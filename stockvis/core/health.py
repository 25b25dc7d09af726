"""Health of the services Stock-Vis depends on (database, cache, broker) and of its background
processes (worker, beat, feed), for liveness and readiness."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import connection

from stockvis.core.heartbeat import heartbeat_read, queue_heartbeat_read


@dataclass(frozen=True)
class ServiceHealth:
    name: str
    ok: bool
    detail: str
    latency_ms: float


@dataclass(frozen=True)
class ProcessHealth:
    """A background process as its heartbeat shows it; `age_s` is None when it was never seen."""

    name: str
    ok: bool
    detail: str
    age_s: float | None


def _timed(name: str, probe: Callable[[], str]) -> ServiceHealth:
    started = time.perf_counter()
    try:
        detail = probe()
        ok = True
    except Exception as exc:  # a probe reports any failure as "down" with its message
        detail, ok = f"{type(exc).__name__}: {exc}", False
    return ServiceHealth(name, ok, detail, round((time.perf_counter() - started) * 1000, 1))


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def _cache() -> str:
    cache = caches["default"]
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return what was written")
    cache.delete(key)
    return cache.__class__.__name__


def _broker() -> str:
    from config.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
        return (
            conn.transport_cls if isinstance(conn.transport_cls, str) else str(conn.transport_cls)
        )


def check_services() -> list[ServiceHealth]:
    return [_timed("database", _database), _timed("cache", _cache), _timed("broker", _broker)]


def broker_label() -> str:
    url = settings.CELERY_BROKER_URL
    return url.split("://", 1)[0]


def check_processes(now: float | None = None) -> list[ProcessHealth]:
    """The background processes readiness waits for (HEALTH_READY_COMPONENTS), by heartbeat age."""
    now = time.time() if now is None else now
    stale_after = settings.HEALTH_STALE_AFTER
    found = []
    for name in settings.HEALTH_READY_COMPONENTS:
        try:
            if name == "worker":
                found.append(_workers(now, stale_after))
                continue
            beat = heartbeat_read(name)
        except Exception as exc:  # the cache is down: the cache check says why
            found.append(ProcessHealth(name, False, f"unknown ({type(exc).__name__})", None))
            continue
        if beat is None:
            found.append(ProcessHealth(name, False, "no heartbeat yet", None))
            continue
        age = round(beat.age(now), 1)
        ok = age <= stale_after
        detail = (
            beat.detail if ok else f"{beat.detail}: silent for {age:.0f}s (> {stale_after:.0f}s)"
        )
        found.append(ProcessHealth(name, ok, detail, age))
    return found


def _workers(now: float, stale_after: float) -> ProcessHealth:
    """Workers are ready when every queue of HEALTH_WORKER_QUEUES has one that beats; the age is
    that of the worst-served queue, None while one was never served."""
    live: set[str] = set()
    problems: list[str] = []
    ages: list[float] = []
    never = 0
    for queue in settings.HEALTH_WORKER_QUEUES:
        seen = [(worker, max(0.0, now - at)) for worker, at in queue_heartbeat_read(queue).items()]
        if not seen:
            never += 1
            problems.append(f"{queue}: never served")
            continue
        age = min(a for _, a in seen)
        ages.append(age)
        live.update(worker for worker, a in seen if a <= stale_after)
        if age > stale_after:
            problems.append(f"{queue}: silent for {age:.0f}s")
    age_s = None if never or not ages else round(max(ages), 1)
    if not problems:
        return ProcessHealth("worker", True, ", ".join(sorted(live)), age_s)
    if never == len(settings.HEALTH_WORKER_QUEUES):
        return ProcessHealth("worker", False, "no heartbeat yet", None)
    detail = f"no worker for queue {'; '.join(problems)} (> {stale_after:.0f}s)"
    return ProcessHealth("worker", False, detail, age_s)

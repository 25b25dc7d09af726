"""Health of the services Stock-Vis depends on: database, cache and task broker."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import connection


@dataclass(frozen=True)
class ServiceHealth:
    name: str
    ok: bool
    detail: str
    latency_ms: float


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

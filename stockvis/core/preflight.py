"""Checks run before start-up so a wrong setting fails with one clear line, not a traceback."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.db.utils import Error as DatabaseError

from stockvis.core.errors import StartupError


def _check_database() -> None:
    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StartupError(
            f"cannot connect to the database in DATABASE_URL ({connection.vendor}): {first_line}"
        ) from None


def _check_redis() -> None:
    if not settings.REDIS_URL:
        return
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=3, socket_timeout=3).ping()
    except (redis.RedisError, ValueError) as exc:
        raise StartupError(f"cannot reach Redis at REDIS_URL: {exc}") from None


def preflight() -> None:
    _check_database()
    _check_redis()

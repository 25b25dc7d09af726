"""The logging configuration: one console handler, text or JSON lines (stockvis.core.logging)."""

from __future__ import annotations

from typing import Any


def logging_config(*, log_format: str, log_level: str) -> dict[str, Any]:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"context": {"()": "stockvis.core.logging.ContextFilter"}},
        "formatters": {
            "json": {"()": "stockvis.core.logging.JsonFormatter"},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["context"],
            }
        },
        "root": {"handlers": ["console"], "level": log_level},
        # Third-party chatter that says nothing an operator acts on: one line per HTTP request made
        # (httpx), per SQL query.
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            "httpx": {"level": "WARNING"},
            "httpcore": {"level": "WARNING"},
        },
    }

"""JSON log lines that carry the current job id and asset (set with ``log_context``)."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import json
import logging
from collections.abc import Iterator, Mapping
from types import MappingProxyType

# A mapping that is replaced, never mutated, so the shared default cannot leak between contexts.
_context: contextvars.ContextVar[Mapping[str, object]] = contextvars.ContextVar(
    "stockvis_log_context", default=MappingProxyType({})
)

_STANDARD_ATTRS = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
}


@contextlib.contextmanager
def logger_level(name: str, level: int) -> Iterator[None]:
    """Raise (or lower) one logger's level for the block, e.g. to keep a CLI step quiet."""
    logger = logging.getLogger(name)
    previous = logger.level
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.setLevel(previous)


@contextlib.contextmanager
def log_context(**values: object) -> Iterator[None]:
    """Attach ``values`` (job_id, asset, ...) to every log record emitted inside the block."""
    token = _context.set({**_context.get(), **values})
    try:
        yield
    finally:
        _context.reset(token)


class ContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        for key, value in _context.get().items():
            if not hasattr(record, key):
                setattr(record, key, value)
        # Django logs a failed response after the middlewares have returned (outside the
        # request's log context) but hands the request along: its id is on it.
        request_id = getattr(getattr(record, "request", None), "request_id", None)
        if request_id is not None and not hasattr(record, "request_id"):
            record.request_id = request_id
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, object] = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                payload[key] = value
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=str, ensure_ascii=False)

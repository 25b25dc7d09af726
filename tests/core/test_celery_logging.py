"""Celery workers and beat log through the project's LOGGING, whatever --loglevel they were given
(found running deploy/compose.yaml: its workers printed no job line and no JSON, since Celery put
its own text handler on the root logger at WARNING)."""

from __future__ import annotations

import logging
import logging.config
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import override_settings

from config.celery import app
from config.log_config import logging_config
from stockvis.core.logging import JsonFormatter


@pytest.fixture
def fresh_celery_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    app.log.already_setup = False
    yield
    app.log.already_setup = False
    logging.config.dictConfig(settings.LOGGING)
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.usefixtures("fresh_celery_logging")
def test_a_celery_process_keeps_the_configured_level_and_format() -> None:
    with override_settings(LOGGING=logging_config(log_format="json", log_level="INFO")):
        app.log.setup_logging_subsystem(loglevel="WARNING")  # what a bare `celery worker` asks
        root = logging.getLogger()
        assert root.level == logging.INFO
        assert [type(h.formatter) for h in root.handlers] == [JsonFormatter]

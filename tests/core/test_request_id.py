"""Every request gets an id, in its response header and on each log line written meanwhile."""

from __future__ import annotations

import io
import json
import logging

import pytest
from django.test import Client

from stockvis.core.logging import ContextFilter, JsonFormatter

pytestmark = pytest.mark.django_db


def test_a_request_id_is_made_and_logged_with_what_the_request_writes(client: Client) -> None:
    # The console handler's set-up: the context filter, then JSON lines.
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/api/v1/stocks/api/chart/NOPE/")
    finally:
        logger.removeHandler(handler)
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines
    assert {line["request_id"] for line in lines} == {request_id}


def test_a_proxys_sane_id_is_kept_and_a_hostile_one_replaced(client: Client) -> None:
    kept = client.get("/healthz", headers={"X-Request-ID": "edge-1234abcd"})
    assert kept["X-Request-ID"] == "edge-1234abcd"
    replaced = client.get("/healthz", headers={"X-Request-ID": "x" * 500 + "\n"})
    assert replaced["X-Request-ID"] != "x" * 500
    assert len(replaced["X-Request-ID"]) == 32

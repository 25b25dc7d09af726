"""Readiness (`/healthz/ready`) waits for the background processes' heartbeats, not just the
services: a web process alone is alive but not ready."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from celery import Celery
from celery.signals import worker_ready, worker_shutdown
from django.test import Client

from stockvis.core.beat import HeartbeatScheduler
from stockvis.core.heartbeat import heartbeat_read, heartbeat_record

pytestmark = pytest.mark.django_db


def test_ready_is_503_while_no_worker_or_beat_has_been_seen(client: Client) -> None:
    response = client.get("/healthz/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not_ready"
    assert body["services"]["database"]["ok"] is True
    assert body["processes"]["worker"] == {"ok": False, "detail": "no heartbeat yet", "age_s": None}
    assert body["processes"]["beat"]["ok"] is False
    assert body["processes"]["feed"]["ok"] is False
    # Liveness does not wait for them.
    assert client.get("/healthz").status_code == 200


def test_ready_is_200_with_every_heartbeat_fresh_and_says_their_age(client: Client) -> None:
    now = time.time()
    heartbeat_record("worker", detail="celery@host", now=now - 3)
    heartbeat_record("beat", now=now - 1)
    heartbeat_record("feed", now=now - 1)
    response = client.get("/healthz/ready")
    assert response.status_code == 200
    processes = response.json()["processes"]
    assert processes["worker"]["detail"] == "celery@host"
    assert 2 <= processes["worker"]["age_s"] <= 10
    assert response.json()["providers"]["fdr"] == {
        "state": "closed",
        "failures": 0,
        "retry_in_s": None,
    }


def test_an_open_provider_circuit_shows_in_readiness_without_failing_it(client: Client) -> None:
    from stockvis.providers.base import ProviderError
    from stockvis.providers.registry import circuit_breaker

    breaker = circuit_breaker("fdr")
    for _ in range(breaker.threshold):
        with pytest.raises(ProviderError):
            breaker.call(lambda: (_ for _ in ()).throw(ProviderError("offline")))
    for name in ("worker", "beat", "feed"):
        heartbeat_record(name)
    response = client.get("/healthz/ready")
    assert response.status_code == 200
    assert response.json()["providers"]["fdr"]["state"] == "open"


def test_a_silent_worker_makes_ready_503_and_says_for_how_long(client: Client, settings) -> None:
    settings.HEALTH_STALE_AFTER = 30
    heartbeat_record("worker", detail="celery@host", now=time.time() - 95)
    heartbeat_record("beat")
    body = client.get("/healthz/ready").json()
    assert body["processes"]["worker"]["ok"] is False
    assert "silent for 95s" in body["processes"]["worker"]["detail"]
    assert body["processes"]["beat"]["ok"] is True


def test_the_feed_is_waited_for_by_default(client: Client) -> None:
    heartbeat_record("worker")
    heartbeat_record("beat")
    assert client.get("/healthz/ready").json()["processes"]["feed"]["ok"] is False
    heartbeat_record("feed")
    assert client.get("/healthz/ready").status_code == 200


def test_a_ready_worker_beats_until_it_shuts_down(settings) -> None:
    settings.HEARTBEAT_INTERVAL = 0.05

    class Consumer:
        hostname = "celery@test"

    worker_ready.send(sender=Consumer())
    try:
        deadline = time.monotonic() + 5
        while heartbeat_read("worker") is None and time.monotonic() < deadline:
            time.sleep(0.02)
        beat = heartbeat_read("worker")
        assert beat is not None
        assert beat.detail.startswith("celery@test via ")
    finally:
        worker_shutdown.send(sender=None)
    assert heartbeat_read("worker") is None


def test_beat_records_a_heartbeat_as_it_ticks(tmp_path: Path) -> None:
    # An app of its own with an empty schedule, so the tick sends nothing anywhere.
    app = Celery("beat-test", broker="memory://")
    app.conf.beat_schedule = {}
    scheduler = HeartbeatScheduler(
        app=app, schedule_filename=str(tmp_path / "beat-schedule"), lazy=False
    )
    try:
        assert heartbeat_read("beat") is None
        scheduler.tick()
        beat = heartbeat_read("beat")
        assert beat is not None
        assert beat.age(time.time()) < 5
    finally:
        scheduler.close()

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
from stockvis.core.heartbeat import (
    heartbeat_read,
    heartbeat_record,
    queue_heartbeat_read,
    queue_heartbeat_record,
)

pytestmark = pytest.mark.django_db

QUEUES = ("high", "default", "low")


def workers_beat(
    worker: str = "celery@host", *, now: float | None = None, queues: tuple[str, ...] = QUEUES
) -> None:
    for queue in queues:
        queue_heartbeat_record(queue, worker, now=now)


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
    workers_beat(now=now - 3)
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
    workers_beat()
    for name in ("beat", "feed"):
        heartbeat_record(name)
    response = client.get("/healthz/ready")
    assert response.status_code == 200
    assert response.json()["providers"]["fdr"]["state"] == "open"


def test_a_silent_worker_makes_ready_503_and_says_for_how_long(client: Client, settings) -> None:
    settings.HEALTH_STALE_AFTER = 30
    workers_beat(now=time.time() - 95)
    heartbeat_record("beat")
    body = client.get("/healthz/ready").json()
    assert body["processes"]["worker"]["ok"] is False
    assert "high: silent for 95s" in body["processes"]["worker"]["detail"]
    assert body["processes"]["beat"]["ok"] is True


def test_a_queue_without_a_live_worker_makes_ready_503_and_is_named(client: Client) -> None:
    # Two workers, as the README's scale-out: one on high and default, one on default and low.
    now = time.time()
    workers_beat("w1@a", now=now - 40, queues=("high", "default"))  # killed 40 s ago
    workers_beat("w2@b", now=now - 1, queues=("default", "low"))
    heartbeat_record("beat")
    heartbeat_record("feed")
    response = client.get("/healthz/ready")
    assert response.status_code == 503
    worker = response.json()["processes"]["worker"]
    assert worker["detail"] == "no worker for queue high: silent for 40s (> 30s)"
    assert 39 <= worker["age_s"] <= 45  # the worst-served queue's
    workers_beat("w1@a", queues=("high", "default"))  # restarted
    assert client.get("/healthz/ready").status_code == 200


def test_one_of_two_workers_of_a_queue_stopping_leaves_the_queue_served(client: Client) -> None:
    from stockvis.core.heartbeat import queue_heartbeat_clear

    workers_beat("w1@a")
    workers_beat("w2@b")
    for queue in QUEUES:
        queue_heartbeat_clear(queue, "w1@a")
    assert set(queue_heartbeat_read("default")) == {"w2@b"}
    heartbeat_record("beat")
    heartbeat_record("feed")
    body = client.get("/healthz/ready").json()
    assert body["processes"]["worker"] == {"ok": True, "detail": "w2@b", "age_s": 0.0}


def test_the_feed_is_waited_for_by_default(client: Client) -> None:
    workers_beat()
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
        while not queue_heartbeat_read("default") and time.monotonic() < deadline:
            time.sleep(0.02)
        beat = heartbeat_read("worker")
        assert beat is not None
        assert beat.detail.startswith("celery@test via ")
        # A worker started without -Q consumes the default queue only.
        assert list(queue_heartbeat_read("default")) == ["celery@test"]
        assert queue_heartbeat_read("high") == {}
    finally:
        worker_shutdown.send(sender=None)
    assert heartbeat_read("worker") is None
    assert queue_heartbeat_read("default") == {}


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


def test_beat_starts_afresh_from_a_schedule_file_a_crash_left_half_written(tmp_path: Path) -> None:
    app = Celery("beat-test", broker="memory://")
    app.conf.beat_schedule = {}
    path = tmp_path / "beat-schedule"
    HeartbeatScheduler(app=app, schedule_filename=str(path), lazy=False).close()
    # The index survives, the data it points at does not (power lost between the two writes).
    data = next(f for f in tmp_path.iterdir() if f.suffix in {".dat", ""})
    data.write_bytes(b"")
    scheduler = HeartbeatScheduler(app=app, schedule_filename=str(path), lazy=False)
    try:
        scheduler.tick()
        assert "entries" in scheduler._store
        assert heartbeat_read("beat") is not None
    finally:
        scheduler.close()

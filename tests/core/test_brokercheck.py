"""A one-shot command says, on one line, when the work it queues will not be run: no worker
listens, or the workers read another broker."""

from __future__ import annotations

import time

import pytest
from celery.signals import before_task_publish

import config.celery
from stockvis.core.brokercheck import broker_identity, broker_mismatch
from stockvis.core.heartbeat import heartbeat_record


def test_without_any_worker_it_says_none_listens_on_its_broker() -> None:
    problem = broker_mismatch()
    assert problem is not None
    assert "no Celery worker is listening" in problem
    assert broker_identity() in problem


def test_a_worker_on_another_broker_is_named(settings) -> None:
    heartbeat_record("worker", detail="celery@big via redis://:**@10.0.0.5:6379/0")
    problem = broker_mismatch()
    assert problem is not None
    assert "is not the workers' (redis://:**@10.0.0.5:6379/0)" in problem


def test_a_worker_on_the_same_broker_is_fine() -> None:
    heartbeat_record("worker", detail=f"celery@laptop via {broker_identity()}")
    assert broker_mismatch() is None


def test_a_silent_worker_counts_as_none(settings) -> None:
    settings.HEALTH_STALE_AFTER = 30
    heartbeat_record(
        "worker", detail=f"celery@laptop via {broker_identity()}", now=time.time() - 99
    )
    assert "no Celery worker" in (broker_mismatch() or "")


def test_the_identity_hides_a_password(settings) -> None:
    settings.CELERY_BROKER_URL = "redis://:s3cret@127.0.0.1:6379/0"
    assert "s3cret" not in broker_identity()


def test_a_one_shot_command_says_it_once_when_it_queues_work(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STOCKVIS_ONE_SHOT", "1")
    monkeypatch.setattr(config.celery, "_broker_checked", False)
    before_task_publish.send(sender="stockvis.portfolios.tasks.evaluate_price_alerts")
    before_task_publish.send(sender="stockvis.portfolios.tasks.evaluate_price_alerts")
    err = capsys.readouterr().err
    assert err.count("stockvis: note: no Celery worker is listening") == 1


def test_the_server_itself_says_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("STOCKVIS_ONE_SHOT", raising=False)
    monkeypatch.setattr(config.celery, "_broker_checked", False)
    before_task_publish.send(sender="stockvis.portfolios.tasks.evaluate_price_alerts")
    assert capsys.readouterr().err == ""

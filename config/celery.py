"""The Celery app: workers and beat share the broker, the database and the provider rate limiter."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from celery import Celery
from celery.signals import before_task_publish, setup_logging, worker_ready, worker_shutdown

if TYPE_CHECKING:
    from stockvis.core.heartbeat import HeartbeatThread

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("stockvis")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def _load_beat_schedule(sender: Celery, **kwargs: object) -> None:
    # Lazily, once settings are read; the schedule modules are plain data (no Django imports).
    from config.schedule import build_beat_schedule

    sender.conf.beat_schedule = build_beat_schedule()


@setup_logging.connect
def _log_through_the_project_logging(**kwargs: object) -> None:
    """Workers and beat log like every other process: LOGGING from settings (LOG_LEVEL,
    LOG_FORMAT). Without a receiver of this signal Celery replaces the root handlers with its own
    text format at its --loglevel (WARNING unless given), so the compose workers printed neither
    a job's summary nor a JSON line although compose sets LOG_FORMAT=json."""
    import logging.config

    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)


# The worker's heartbeat starts once it consumes (worker_ready), so readiness turns green only when
# a worker can take work; a clean shutdown clears it at once.
_heartbeats: list[HeartbeatThread] = []


@worker_ready.connect
def _start_worker_heartbeat(sender: object = None, **kwargs: object) -> None:
    from django.conf import settings

    from stockvis.core.brokercheck import broker_identity
    from stockvis.core.heartbeat import HeartbeatThread

    hostname = getattr(sender, "hostname", "") or ""
    thread = HeartbeatThread(
        "worker",
        interval=settings.HEARTBEAT_INTERVAL,
        # The broker it consumes, so that a CLI command can tell it queues where nobody reads.
        detail=f"{hostname} via {broker_identity()}",
        # And each queue it consumes, so that readiness knows every queue has a worker.
        queues=_consumed_queues(sender),
        worker=hostname,
    )
    thread.start()
    _heartbeats.append(thread)
    _reap_jobs_of_dead_processes()


def _consumed_queues(consumer: object) -> tuple[str, ...]:
    worker_app = getattr(consumer, "app", None) or app
    return tuple(sorted(worker_app.amqp.queues.consume_from))


def _reap_jobs_of_dead_processes() -> None:
    """A worker starting after a crash (SIGKILL, OOM, power) marks failed the job runs its dead
    predecessors on this host left `running`; their tasks come back from the broker and run again."""
    from django.db import connection

    from stockvis.collector.jobs import jobs_reap

    try:
        jobs_reap()
    except Exception:  # the database may be briefly away; the daily health check reaps too
        import logging

        logging.getLogger(__name__).warning("could not reap dead job runs", exc_info=True)
    finally:
        connection.close()  # the pool's future children must not inherit it


@worker_shutdown.connect
def _stop_worker_heartbeat(**kwargs: object) -> None:
    for thread in _heartbeats:
        thread.stop()
    _heartbeats.clear()


_broker_checked = False


@before_task_publish.connect
def _say_when_nobody_will_run_it(**kwargs: object) -> None:
    """In a one-shot CLI command (stockvis.cli sets STOCKVIS_ONE_SHOT), say once on stderr when
    no worker reads the broker the task goes to."""
    global _broker_checked
    if _broker_checked or not os.environ.get("STOCKVIS_ONE_SHOT"):
        return
    _broker_checked = True
    import sys

    from stockvis.core.brokercheck import broker_mismatch

    problem = broker_mismatch()
    if problem:
        sys.stderr.write(f"stockvis: note: {problem}\n")

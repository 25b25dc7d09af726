"""Late acknowledgement is safe only when a broker waits longer than the longest task before it
hands an unacknowledged one to another worker: otherwise a slow task runs twice at once."""

from __future__ import annotations

from config.celery import app


def test_every_task_ends_before_the_visibility_timeout_of_a_redis_broker(settings) -> None:
    assert settings.CELERY_TASK_ACKS_LATE is True
    app.loader.import_default_modules()  # every app's tasks module, as a worker loads them
    default = settings.CELERY_TASK_TIME_LIMIT
    visibility = 2 * default  # what settings give a redis:// broker
    limits = {
        name: getattr(task, "time_limit", None) or default
        for name, task in app.tasks.items()
        if name.startswith("stockvis.")
    }
    assert limits, "no stockvis tasks registered"
    too_long = {name: limit for name, limit in limits.items() if limit >= visibility}
    assert too_long == {}


def test_collection_tasks_never_outlast_the_global_limit_however_low_it_is_set() -> None:
    from stockvis.collector.tasks import task_limits

    # Their own 31 minutes under the default hour; the global limit when an operator lowers it
    # (a Redis visibility timeout of twice 600 s would otherwise hand a 31-minute task out again).
    assert task_limits(3600) == (1800, 1860)
    assert task_limits(600) == (540, 600)
    assert task_limits(30) == (27, 30)

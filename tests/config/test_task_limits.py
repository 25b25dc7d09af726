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

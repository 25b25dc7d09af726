"""The Celery app: workers and beat share the broker, the database and the provider rate limiter."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("stockvis")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def _load_beat_schedule(sender: Celery, **kwargs: object) -> None:
    # Lazily, once settings are read; the schedule modules are plain data (no Django imports).
    from config.schedule import build_beat_schedule

    sender.conf.beat_schedule = build_beat_schedule()

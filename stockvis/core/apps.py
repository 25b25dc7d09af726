"""App config for shared plumbing (health check, runner commands)."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "stockvis.core"
    label = "core"

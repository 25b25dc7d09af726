"""App config for the web UI: the built single-page app and its cookie-held sign-in."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "stockvis.web"
    label = "web"

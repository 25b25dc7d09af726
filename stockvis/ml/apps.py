"""ML app: the model registry, stored predictions, training and prediction tasks and APIs."""

from __future__ import annotations

from django.apps import AppConfig


class MlConfig(AppConfig):
    name = "stockvis.ml"
    label = "ml"
